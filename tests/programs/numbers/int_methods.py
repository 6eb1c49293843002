# int conversions and methods on ints.
for n in (0, 1, 7, 8, 255, 256, 1023, 2 ** 40, 2 ** 64, -5):
    print(n, n.bit_length(), bin(n), hex(n), oct(n))
print(int("11111111", 2), (255).bit_length(), (256).bit_length())
print((10).__add__(5), (10).__mul__(3), (7).__neg__())
print(int(True), int(False), int(-7.9), int(7.9))
print(str(123)[::-1], int(str(123)[::-1]))
print(divmod(1000, 7), 1000 // 7 * 7 + 1000 % 7)
digits = [int(c) for c in str(2 ** 100)]
print(digits, sum(digits))
print(format(255, "x"), format(255, "08b"), format(-255, "X"), format(1234567, ","))
n = 12345
rev = 0
while n:
    rev = rev * 10 + n % 10
    n //= 10
    print(n, rev)
print(max(range(10), key=lambda v: (v * 7) % 10))
