# Recursion hitting the recursion limit inside traces: RecursionError caught at the top, and
# the program continues (recursion still works afterwards, in native code or not).
def down(n):
    return down(n + 1) + 1

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(20))
for k in range(5):
    try:
        down(0)
    except RecursionError as e:
        print("caught", k, e)
    print(fib(15 + k))

reached = 0
def deep(n):
    global reached
    reached = n
    if n < 0:
        return 0
    return deep(n + 1)

for k in range(3):
    try:
        deep(0)
    except RecursionError:
        print("deep stopped at", reached)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

s = 0
for i in range(300):
    s = s + depth(i + 600)
print(s)

def both(n):
    if n == 0:
        return 0
    try:
        return both(n - 1) + 1
    except RecursionError:
        return -1000000

print(both(100))
print(both(5000) < 0)
print(fib(18))
