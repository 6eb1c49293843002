# round() with banker's rounding and ndigits; abs() on various numbers.
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5, 2.4, 2.6, -2.6):
    print(v, round(v), type(round(v)).__name__)
for v in (2.675, 1.005, 0.125, 0.375, 1.25, 1.35, 3.14159, -3.14159, 12345.6789):
    print(v, round(v, 0), round(v, 1), round(v, 2), round(v, 3))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1250, -2))
print(round(15, -1), round(25, -1), round(123456, -3), round(5, 0))
print(round(1234.5678, -2), round(0.0), round(-0.0), round(1e20))
print(round(7), round(7, 2), type(round(7, 2)).__name__, type(round(7.0, 2)).__name__)
print(abs(-7), abs(7), abs(-7.25), abs(-(2 ** 80)), abs(-0.0), abs(True))
print(round(2 ** 70 + 0.5), round(1 / 3, 5), round(2 / 3, 5))
total = 0.0
for i in range(1, 11):
    total += 1 / i
    print(i, round(total, 4), round(total * 100))
