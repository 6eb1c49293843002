# Deep recursion under a trace; exceptions raised inside traced code and caught outside;
# out-of-range indexes in traced code raise IndexError exactly as tier 1 does.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

total = 0
for i in range(200):
    total = total + depth(i % 50 + 400)
print(total)

def find(xs, n):
    i = 0
    s = 0
    while True:
        s = s + xs[i]
        i = i + 1
        if i > n:
            break
    return s

data = list(range(100))
print(find(data, 50))
try:
    find(data, 200)
except IndexError as e:
    print("IndexError:", e)

def tup(t, n):
    s = 0
    for i in range(n):
        s = s + t[i - 3]
    return s

print(tup((1, 2, 3, 4, 5), 5))
try:
    tup((1, 2, 3), 10)
except IndexError as e:
    print("IndexError:", e)

def store(xs, n):
    for i in range(n):
        xs[i] = i * 2
    return xs

print(store([0] * 10, 10)[-3:])
try:
    store([0] * 10, 11)
except IndexError as e:
    print("IndexError:", e)

def divide(n):
    acc = 0.0
    d = 5.0
    for i in range(n):
        acc = acc + 1.0 / d
        d = d - 1.0
    return acc

try:
    divide(10)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def unbound(n):
    for i in range(n):
        if i == 5:
            del y
        y = i
        z = y + 1
    return z

try:
    unbound(10)
except UnboundLocalError as e:
    print("UnboundLocalError")

def nan_loop(n):
    x = float("inf")
    c = 0
    for i in range(n):
        y = x - x
        if y == y:
            c = c + 1
        if y != y:
            c = c + 2
    return c, y

print(nan_loop(100))

def cmp_all(n):
    r = [0, 0, 0, 0, 0, 0]
    for i in range(n):
        a = i % 7
        b = 3
        if a < b:
            r[0] = r[0] + 1
        if a <= b:
            r[1] = r[1] + 1
        if a == b:
            r[2] = r[2] + 1
        if a != b:
            r[3] = r[3] + 1
        if a > b:
            r[4] = r[4] + 1
        if a >= b:
            r[5] = r[5] + 1
    return r

print(cmp_all(1000))
xs = [3, 1, 2]
print(xs[5])
