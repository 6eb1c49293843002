# int() and float() from strings, with bases; str/hex/oct/bin back out.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("1010", 2), int("0b1010", 0))
print(int("z", 36), int("zz", 36), int("10", 36), int("-10", 7))
print(int("1_000_000"), int(" 42\n"), int("-0"), int("+5"))
print(int("123456789" * 4))
print(float("3.14"), float("-2e3"), float(".5"), float("5."), float("1E-3"))
print(float("inf"), float("-Infinity"), float("nan"), float("  -0.0 "))
print(int(3.999), int(-0.5), int(1e18), int(2.5e18))
print(hex(0), hex(4095), oct(-8), bin(-5), bin(0))
print(str(-0), str(10 ** 20), repr(-12))
for s in ("0", "7", "42", "-42", "007", "9" * 20):
    n = int(s)
    print(repr(s), n, n + 1, str(n) == s)
for base in (2, 3, 8, 10, 16, 36):
    print(base, int("101", base), int("11", base) * base)
print(int("0"), int("00"), int("0_0"), int("1" + "0" * 30) // 10 ** 29)
print(float("1e16"), float("12345678901234567890"), float("0.1e-4"))
