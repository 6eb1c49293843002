# Integer arithmetic basics, including division and modulo with negatives.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, "+", a + b, "-", a - b, "*", a * b)
    print("  //", a // b, "%", a % b, "/", a / b, "divmod", divmod(a, b))
    q, r = divmod(a, b)
    print("  check", q * b + r == a)
print(10 / 4, 10 / 5, -10 / 4, 1 / 3)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -2, (-2) ** -3, 10 ** -1)
print(-(-5), +5, -0)
print(abs(-12), abs(12), abs(-0))
print(17 // 1, -17 // 1, 17 % 1)
print(1000000 * 1000000)
print(123456789 * 987654321)
print(int("123") + 1, int("-0"), int("+17"))
x = 0
for i in range(1, 11):
    x = x * 3 - i
    print(i, x, x % 7, x // 7)
