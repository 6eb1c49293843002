# Tier 2 inlines calls of Python functions and methods into loop traces (push/pop frame uops).
# Exits inside an inlined callee must resume tier 1 in the callee's frame; recursion limits,
# exceptions raised in callees, method redefinition and rebinding must behave exactly as in tier 1.


def add(a, b):
    return a + b


def scale(x):
    if x % 1000 == 999:
        return x * 1.5  # rare path: a side exit inside the callee
    return add(x, x) // 3


class Acc:
    def __init__(self):
        self.total = 0

    def put(self, v):
        self.total = self.total + v
        return self.total


def run(n):
    acc = Acc()
    s = 0
    for i in range(n):
        s = s + scale(i) % 7
        acc.put(i & 15)
        a, b = (i, i >> 1) if i % 2 else [i ^ 3, i << 2]
        s += a - b
    return s, acc.total


print(run(20000))


def redefine(n):
    acc = Acc()
    out = 0
    for i in range(n):
        out += acc.put(1)
        if i == n // 2:
            Acc.put = lambda self, v: -v
    return out


print(redefine(10000))


def boom(i):
    if i == 7777:
        raise ValueError("boom at " + str(i))
    return i


def catches(n):
    t = 0
    try:
        for i in range(n):
            t += boom(i)
    except ValueError as e:
        print("caught", e, t)


catches(10000)


def depth(k):
    if k == 0:
        return 0
    return depth(k - 1) + 1


def deep(n):
    t = 0
    for i in range(n):
        t += depth(i % 6)
    return t


print(deep(10000))


def f1(x):
    return x + 1


def rebind(n):
    global f1
    t = 0
    for i in range(n):
        t += f1(i)
        if i == 5000:
            f1 = lambda x: x - 1
    return t


print(rebind(10000))


def divmods(n):
    t = 0
    for i in range(-n, n):
        t += i // 7 + i % 7 + (i % -5) + (i // -3) + (i >> 2) + (i & 7) + (i | 3) + (i ^ 5)
    return t


print(divmods(30000))
print(sum(x // 0.5 for x in range(10)))


def recurse_limit():
    def r(k):
        return r(k + 1) + 1

    for i in range(3):
        try:
            r(0)
        except RecursionError:
            print("recursion", i)


recurse_limit()
