# Float repr: shortest round-trip, exponent switch points, specials.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 100.0, 1e15, 1e16, 1e17,
        123456789012345678.0, 1e-4, 1e-5, 0.00001234, 1.5e-7, 1e22, 1e23, 5e-324,
        1.7976931348623157e308, 2.5, 0.5, 3.14159, 1e100, -1e-100, 12345.678]
for v in vals:
    print(repr(v), str(v), v)
print(float("inf"), float("-inf"), float("nan"))
inf = float("inf")
nan = float("nan")
print(inf + 1, -inf * 2, inf - inf, inf * 0)
print(nan == nan, nan != nan, inf == inf, inf > 1e308)
print(-0.0, 0.0, -0.0 == 0.0, repr(-0.0), abs(-0.0))
print(0.0 * -1, -0.0 + 0.0, -0.0 * -0.0)
print(1e308 * 10, -1e308 * 10)
print(float(10 ** 16), float(10 ** 15), 9007199254740993.0)
print(round(0.1 + 0.2, 10), 0.1 * 3, 1.1 * 1.1)
print(2.0 ** 0.5, 10.0 ** -2, 4 ** 0.5, 8 ** (1 / 3))
print(1.0 / 7, 22 / 7, 355 / 113)
print(float("1e500"), float("-1e500"), float("  3.25  "), float("1_000.5"))
print(1e-310, 2.2250738585072014e-308)
print(0.1 + 0.7, 3 * 0.1, 0.3)
x = 1.0
for i in range(8):
    x /= 10
    print(i, x)
