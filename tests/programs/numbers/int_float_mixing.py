# Mixed int/float arithmetic and comparisons.
print(1 + 1.0, 3 * 0.5, 7 - 0.5, 9 / 3, 9 // 2.0, 9 % 2.5)
print(type(1 + 1.0).__name__, type(4 / 2).__name__, type(4 // 2).__name__)
print(2 ** 0.5, 2.0 ** 3, 10 ** -2, type(10 ** 2).__name__)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(2 ** 53 + 1 > 2.0 ** 53, 10 ** 20 < 1e20 + 1)
print(int(2.999), int(-2.999), float(7), int(1e10))
print(3 < 3.5 < 4, -1 < -0.5, 0 == -0.0)
print(max(1, 2.0), min(1.0, 1), max(3, 2.5))
print(sum([1, 2.5, 3]), sum([0.1] * 10))
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.5 % 2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(round(7 / 2), round(7 / 3, 3), round(-2.5), round(-3.5))
print(abs(-2.5), abs(-3), 1.0 * 3, 3 * 1.0)
acc = 0
for i in range(10):
    acc += i
    acc *= 1.5
    print(i, acc)
print(10 ** 20 + 0.0, float(10 ** 20) == 10 ** 20)
print(0.5 + True, True / 2, False * 1.5)
print(1e3 == 1000, int("1000") == 1e3, hash(1.0) == hash(1), hash(-0.0) == hash(0))
