# Building larger strings in loops, as real programs do.
rows = []
for i in range(1, 10):
    cells = []
    for j in range(1, 10):
        cells.append(str(i * j).rjust(3))
    rows.append("".join(cells))
print("\n".join(rows))
tri = ""
for i in range(1, 8):
    tri += " " * (7 - i) + "*" * (2 * i - 1) + "\n"
print(tri, end="")
acc = ""
for n in range(20):
    acc = acc + chr(ord("a") + n % 26)
    if n % 5 == 4:
        acc += "|"
print(acc, len(acc))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = ""
    while n:
        out = digits[n % b] + out
        n //= b
    return "-" + out if neg else out
for n in (0, 5, -255, 1000, 2 ** 64):
    print(n, to_base(n, 2), to_base(n, 7), to_base(n, 16), to_base(n, 36))
