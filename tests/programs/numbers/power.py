# The power operator and pow() with two and three arguments.
for b in (-3, -2, -1, 0, 1, 2, 3, 10):
    print(b, [b ** e for e in range(6)])
print(2 ** -1, 2 ** -10, (-2) ** -1, 0.5 ** -2)
print(4 ** 0.5, 27 ** (1 / 3), 2 ** 0.5, (-8) ** 2.0)
print(10 ** 18, 10 ** 19, 10 ** 25, 3 ** 100)
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 10 ** 9 + 7), pow(-3, 3, 7))
print(pow(7, -1, 13), pow(2, 0, 5), pow(5, 3, 1))
print(pow(2.0, 3), pow(9, 0.5), pow(2, -2))
print(1.5 ** 2, 0.0 ** 0, 1 ** 1000, (-1) ** 1001)
print(2 ** 62 * 2, 2 ** 63 * 2, 2 ** 64 - 2 ** 63)
x = 1
for i in range(70):
    x = x * 2
    if i % 8 == 7 or i > 60:
        print(i + 1, x, x == 2 ** (i + 1))
print(1e300 ** 1, 10.0 ** 300, 10.0 ** -300)
print(8 ** (1 / 3), (-8) ** 3, (-8.0) ** 2)
