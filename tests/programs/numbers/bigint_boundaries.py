# Integers around the 2^31, 2^47, 2^53, 2^63 and 2^64 boundaries and beyond.
for e in (31, 32, 47, 48, 52, 53, 62, 63, 64, 65, 100):
    n = 2 ** e
    print(e, n - 1, n, n + 1, -n, -n - 1)
    print("  ", (n - 1) * 2 + 2 == 2 * n, n // 3, n % 1000, n * n)
a = 2 ** 47 - 1
print(a + 1, a * 2, a * a, -a - 2)
b = 2 ** 63 - 1
print(b + 1, b + b, b * 3, -b - 1, -b - 2)
print(b // 7, b % 7, -b // 7, -b % 7)
c = 9223372036854775807
print(c == b, c + 1 == 2 ** 63, c - (2 ** 63) == -1)
big = 1
for i in range(1, 31):
    big *= i
print("30! =", big)
print(big // 2 ** 70, big % 1000003, big >> 50, big & 0xFFFF)
print(-big // 7, -big % 7, divmod(-big, 12345678901))
print(2 ** 200 // 2 ** 190, (2 ** 200 + 1) % 2 ** 64)
print(10 ** 30 - 1, len(str(10 ** 100)), str(7 ** 77))
print(int("123456789012345678901234567890") * 3)
print(int("-99999999999999999999") - 1)
x = 2 ** 64
print(x - x, x - x + 5, (x + 3) - x)
print(2 ** 63 > 2 ** 62, -(2 ** 63) < -(2 ** 62), 2 ** 64 == 18446744073709551616)
print(abs(-(2 ** 70)), hex(2 ** 64), bin(2 ** 65 - 1).count("1"))
print(float(2 ** 63), float(2 ** 53 + 1), int(float(2 ** 60)))
print(2 ** 100 / 2 ** 99, (3 ** 40) / 3)
