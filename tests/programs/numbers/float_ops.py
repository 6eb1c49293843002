# Float arithmetic accumulations, comparisons and conversions.
x = 0.0
for i in range(20):
    x += 0.1
    print(i, x)
print(x == 2.0, abs(x - 2.0) < 1e-9)
y = 1.0
for i in range(30):
    y *= 1.7
print(y, y / 1e6, int(y))
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
print(float.is_integer(3.0), (2.5).is_integer(), (1e20).is_integer())
print(3.7 // 1, -3.7 // 1, 3.7 % 1)
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 15) == 0.3)
print(1 / 10 ** 5, 1 / 10 ** 4, 123e-7)
print(max(0.1, -0.2), min(float("inf"), 1e308))
print(sorted([3.5, -1.25, 0.0, 2.0, -0.0]))
vals = [i * 0.25 for i in range(-4, 5)]
print(vals)
print([v * v for v in vals])
print([int(v) for v in vals])
h = 1e-3
print([round(h * k, 6) for k in range(5)])
print(1.5e300 * 1.5e300, -1.5e300 * 1.5e300, 1e-320 / 1e10)
