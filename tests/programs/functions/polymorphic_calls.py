# One call site calling several Python functions (tier 1 stops checking the function version but
# still checks that the arguments need no binding), then callables that need binding or are not
# Python functions at all.


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Square:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Defaults:
    def area(self, scale=2):
        return 10 * scale


class Star:
    def area(self, *args):
        return len(args) + 100


class Builtinish:
    area = len


def total(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t


shapes = [Circle(1), Square(2), Circle(3), Square(4)]
for i in range(5):
    print(total(shapes))
print(total(shapes + [Defaults(), Star()]))
print(total(shapes))


def apply(fs, x):
    out = []
    for f in fs:
        out.append(f(x))
    return out


def inc(x):
    return x + 1


def dbl(x):
    return x * 2


def neg(x):
    return -x


def kw(x, y=5):
    return x + y


def many(*xs):
    return len(xs)


for i in range(10):
    r = apply([inc, dbl, neg], i)
print(r)
print(apply([inc, kw, dbl, many, abs, str, neg, lambda v: v * 10], -3))
print(apply([inc, dbl], 7))


def deep(n, fs):
    if n == 0:
        return 0
    return fs[n % len(fs)](n) + deep(n - 1, fs)


print(deep(200, [inc, dbl, neg]))
try:
    deep(5000, [inc, dbl])
except RecursionError as e:
    print("RecursionError:", e)


def wrong_count(fs):
    out = []
    for f in fs:
        try:
            out.append(f(1))
        except TypeError as e:
            out.append(str(e))
    return out


def two(a, b):
    return a + b


print(wrong_count([inc, dbl, two, inc, lambda: 0]))
