# Small-int arithmetic whose intermediate leaves the 48-bit small-int range and comes back
# (tier 1 runs such `(x * a + c) % m` chains exactly without heap big ints).


def lcg(s):
    return (s * 1103515245 + 12345) % 2147483648


def run_lcg():
    s = 42
    out = []
    for i in range(3000):
        s = lcg(s)
        out.append(s)
    print(sum(out) % 1000003, out[:4], out[-3:])


def chains(xs, ys):
    res = []
    for x in xs:
        for y in ys:
            res.append((x * y + 7) % 1000003)
            res.append((x * y - 7) % 4294967296)
            res.append((x * y) % 4294967296)
            res.append(x * y % 4294967297)
            res.append(x * y % -97)
            res.append((x * y) // 1000000007)
            res.append((x * y) // -3)
            res.append((x * y + 1) & 0xFFFFFFFF)
            res.append((x * y) >> 40)
            res.append((x * y) ^ 12345)
            res.append(x * y | 1)
            res.append(x * y * 3 % 1000)
            res.append(x * y)
            res.append(x * y + 5)
            res.append((x + y) * 2 % 1000)
            res.append((x - y) % 7)
            res.append((x + y + y) % 9)
    return res


BIG = [2**46 + 3, -(2**46) - 5, 2**40 - 1, 123456789012, -987654321098, 7, -3, 0, 2**47 - 1]
r = chains(BIG, BIG)
print(len(r), sum(r))
for k in range(0, len(r), 97):
    print(k, r[k])


def with_locals(a, b, c, m):
    t = 0
    for i in range(50):
        t += (a * b + c) % m
        t += (a * b - c) % m
        a += 1
    return t


print(with_locals(2**45, 2**20, 3, 1000000007))
print(with_locals(-(2**45), 2**20, -3, 2**32))
print(with_locals(2**45, 2**20, 3, -1000000007))
print(with_locals(2**45, 2**20, 3.5, 1000))
print(with_locals(2**45, 2**20, 3, 2.0**40))


def zero_mod(x, y, z):
    out = []
    for i in range(30):
        try:
            out.append(x * y % z)
        except ZeroDivisionError as e:
            out.append(str(e))
        try:
            out.append((x * y + 1) // z)
        except ZeroDivisionError as e:
            out.append(str(e))
        if i == 15:
            z = 0
    return out


print(zero_mod(2**40, 2**30, 5)[-6:])
print(zero_mod(2**40, 2**30, 5)[:4])


def shifts(x, n):
    out = []
    for i in range(20):
        try:
            out.append((x * x) >> n)
        except ValueError as e:
            out.append(str(e))
        n -= 3
    return out


print(shifts(2**40, 30))
run_lcg()


def pow2_mods(xs):
    out = []
    for x in xs:
        for y in xs:
            out.append((x * y + 12345) % 2147483648)
            out.append((x * y - 99) % 1024)
            out.append(x * y % 1)
            out.append(x * y % 65536)
            out.append((x * y + x) % 2147483648)
    return out


r = pow2_mods([2**46 + 3, -(2**46) - 5, 123456789012, -987654321098, 2**47 - 1, -(2**47)])
print(len(r), sum(r), r[:12])
