# Exceptions raised at depth inside recursion running in native code, caught at the top (or at
# some level), with the traceback unwinding every frame the traces pushed.
def dive(n, k):
    if n == 0:
        if k % 7 == 3:
            raise ValueError("bottom " + str(k))
        return k
    return dive(n - 1, k) + 1

total = 0
caught = 0
for k in range(400):
    try:
        total = total + dive(50, k)
    except ValueError as e:
        caught = caught + 1
        last = str(e)
print(total, caught, last)

def fib(n):
    if n < 2:
        if n < 0:
            raise KeyError(n)
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(20))
try:
    fib(-1)
except KeyError as e:
    print("KeyError", e)

def div(n, d):
    if n == 0:
        return 10 // d
    return div(n - 1, d - 1) + 1

s = 0
for k in range(200):
    try:
        s = s + div(30, 30 + k % 5)
    except ZeroDivisionError:
        s = s - 1000
print(s)

def mid(n):
    if n == 0:
        raise IndexError("deep")
    if n == 10:
        try:
            return mid(n - 1)
        except IndexError:
            return -1
    return mid(n - 1) + 1

print(sum(mid(30) for _ in range(300)))

def walk(xs, i):
    if i == len(xs):
        return 0
    return xs[i] + walk(xs, i + 1)

data = list(range(100))
print(sum(walk(data, 0) for _ in range(100)))
try:
    walk([1, 2, "x"], 0)
except TypeError as e:
    print("TypeError", e)
