# Tier 2: mixed float/int arithmetic, module attributes, shape transitions, native built-ins
# (math.sqrt, len, abs, min, max, isinstance), list.append, and the exits each of them takes.
import math


class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2


class Q(P):
    pass


def f(n):
    s = 0.0
    c = 0
    out = []
    items = [1, 2.5, "abc", (1, 2), {1: 2}, [3], True, None, P(1), Q(2)]
    for i in range(n):
        s += math.sqrt(i) + i / 3 - 1.5 * i
        if i > 2.5:
            c += 1
        c += len(items) + abs(-i) + max(i, 7) + min(i, 3) + len("héllo") + len(items[3])
        s += abs(-1.5) + max(1.0, s * 0.0) + min(2.0, 1.0) - (-s * 0.5)
        if isinstance(i, int) and not isinstance(s, int) and isinstance(True, int):
            c += 1
        x = items[i % 10]
        if isinstance(x, float):
            c += 100
        if isinstance(x, P):
            c += 1000
        if isinstance(x, (int, str)):
            c += 10000
        out.append(i)
        p = P(i)
        c += p.y
    print(s, c, len(out), out[-3:])


f(10000)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)


def g(n):
    t = 0
    for i in range(n):
        t += math.sqrt(n - i - 5)
    return t


try:
    print(g(10000))
except ValueError as e:
    print("ValueError", e)


def h(n):
    # min/max and abs of mixed kinds, nan, and an int leaving the small-int range
    r = []
    nan = float("nan")
    for i in range(n):
        r.append(max(i, 2.5))
        r.append(min(nan, 1.0))
        r.append(max(1.0, nan))
        r.append(abs(-(2 ** 47) + i % 2))
        r.append(i / 4)
        r.append(7 / (i % 3 + 1))
        r.append(-i * 1.0 < i - 0.5)
    print(len(r), r[-7:], sum(x for x in r if x == x))


h(5000)


def div0(n):
    t = 0.0
    for i in range(n):
        t += 1 / (n - 1 - i)
    return t


try:
    div0(5000)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


class FakeMath:
    def sqrt(self, x):
        return 1.0


def rebind(n):
    global math
    t = 0.0
    for i in range(n):
        if i == n // 2:
            math = FakeMath()
        t += math.sqrt(4)
    return t


print(rebind(6000))
