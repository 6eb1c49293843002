# %, //, &, |, ^, >>, << on small ints (tier 1 fast path inside the generic BINARY_OP), with
# negative operands, zero divisors, large and negative shifts, results that leave the small-int
# range, bools, big ints and floats at the same sites.

VALUES = [0, 1, -1, 7, -7, 13, -13, 2**31 - 1, -(2**31), 2**32 + 5, -(2**40) - 3,
          2**47 - 1, -(2**47), 5, -5]


def ops(xs):
    out = []
    for x in xs:
        for y in xs:
            row = [x & y, x | y, x ^ y]
            if y != 0:
                row += [x % y, x // y]
            else:
                for f in (lambda: x % y, lambda: x // y):
                    try:
                        f()
                    except ZeroDivisionError as e:
                        row.append(str(e))
            if 0 <= y < 70:
                row += [x >> y, x << y]
            else:
                try:
                    row.append(x >> y)
                    row.append(x << (y % 50))
                except ValueError as e:
                    row.append(str(e))
            out.append(row)
    return out


rows = ops(VALUES)
total = 0
for k, row in enumerate(rows):
    if k % 17 == 0:
        print(k, row)
    for v in row:
        if isinstance(v, int):
            total += v
print(len(rows), total)


def inplace(n):
    a, b, c, d, e = 123456789, -987654, 77, 2**46, -3
    for i in range(n):
        a %= 1000003 + i
        b //= 3
        c ^= i * 31
        c &= 0xFFFF
        d >>= 1
        e <<= 1
        e |= 1
    return a, b, c, d, e


print(inplace(40), inplace(60))


def mixed_kinds(xs):
    out = []
    for x in xs:
        out.append(x % 3)
        out.append(x // 2)
        out.append(x & 6 if not isinstance(x, float) else None)
        out.append(x >> 1 if not isinstance(x, float) else None)
    return out


print(mixed_kinds([10, -10, True, False, 2**60 + 1, -(2**60), 7.5, -7.5, 2**47 - 1, -(2**47)]))
print((-(2**47)) // -1, (-(2**47)) % -1, (2**47 - 1) << 1, 1 << 47, -1 << 47, -1 << 48)
print(True & True, True | False, True ^ True, True >> 0, True << 3, False // True)
