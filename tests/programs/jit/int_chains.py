# Exact int chains `a * b (+|- c) % m` in traces (LCG steps, hashes): the product overflows the
# small-int range, the result never does. Operands of both signs, power-of-two and other moduli,
# negative moduli, results at the edges of the small-int range, operands that turn into floats or
# big ints mid-loop, and a modulus by zero raising inside a trace.
SMALL_MAX = 2 ** 47 - 1
SMALL_MIN = -(2 ** 47)


def lcg(n, seed):
    s = seed
    acc = 0
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        acc = acc ^ s
    return s, acc


def minstd(n, seed):
    # Park-Miller: no increment, a prime modulus, the constant first.
    s = seed
    for i in range(n):
        s = 48271 * s % 2147483647
    return s


def knuth(n, seed):
    # Factors near 2^47: the product reaches ~2^94, and it overflows from the first step (tier 1
    # then never specialises the + after it).
    s = seed
    total = 0
    for i in range(n):
        s = (s * 140737488355213 + 1442695040888) % 140737488355199
        total = total + s % 1000
    return s, total


def signs(n):
    a = 7
    b = -11
    out = []
    for i in range(n):
        a = (a * -1103515245 - 12345) % 2147483648
        b = (b * 69069 + 1) % -4294967296
        c = (a * b - 3) % -1000003
        d = (b * b + a) % 97
        if i % 1000 == 0:
            out.append((a, b, c, d))
    return out


def edges(n):
    hi = 5
    lo = -5
    top = 0
    for i in range(n):
        hi = (hi * 99991 + 17) % 140737488355327
        lo = (lo * 99991 - 17) % -140737488355328
        top = (hi * hi) % 140737488355327
    return hi, lo, top


def locals_chain(n):
    h = 0
    x = 31
    y = 1000000007
    for i in range(n):
        k = i * 7 + 1
        h = (h * x + k) % 1000000007
        y = (x * y - k) % 2305843
    return h, y


def on_stack(n):
    total = 0
    s = 3
    for i in range(n):
        total += (s * 2654435761 + i) % 4294967296
        s = (s * 1664525 + 1013904223) % 4294967296
        total -= (s * s) % 65536
    return total


def drift_float(n):
    s = 12345
    acc = 0.0
    for i in range(n):
        if i == n // 2:
            s = float(s)
        s = (s * 69069 + 1) % 4294967296
        acc = acc + s
    return s, acc


def drift_big(n):
    s = 777
    seen = 0
    for i in range(n):
        if i == 7000:
            s = s + 2 ** 70
        elif i == 8000:
            s = -s - 2 ** 80
        s = (s * 6364136223 + 1442695) % 1000000007
        seen = seen + s % 10
    return s, seen


def zero_modulus(n, m):
    s = 1
    for i in range(n):
        s = (s * 1103515245 + 12345) % m
        if i > 6000:
            m = 0
    return s


def zero_constant(n):
    s = 7
    for i in range(n):
        if i < 8000:
            s = (s * 1103515245 + 12345) % 2147483648
        else:
            s = (s * 3 + 1) % 0
    return s


def step(s):
    return (s * 1103515245 + 12345) % 2147483648


def calls(n):
    s = 1
    total = 0
    for i in range(n):
        s = step(s)
        total = total + (s >> 16) % 7
    return s, total


print(lcg(20000, 42))
print(lcg(20000, -42))
print(minstd(20000, 1))
print(knuth(20000, 99))
print(signs(5001))
print(edges(20000))
print(locals_chain(20000))
print(on_stack(20000))
print(drift_float(10000))
print(drift_big(10000))
for args in ((7000, 2147483648), (7000, -1000003)):
    try:
        print(zero_modulus(*args))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    print(zero_constant(9000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(calls(20000))
print(step(SMALL_MAX), step(SMALL_MIN), step(2 ** 80), step(-(2 ** 80)))
