# Bitwise operators, including negatives and big ints.
vals = [0, 1, 5, 12, -1, -5, -12, 255]
for a in vals:
    print(a, ~a, a << 3, a >> 1, a & 0xF, a | 0x10, a ^ 0x3)
for a in (6, -6):
    for b in (3, -3):
        print(a, b, a & b, a | b, a ^ b)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100, -1 << 70)
print((1 << 100) >> 99, (-(1 << 100)) >> 99, -1 >> 100, 5 >> 100)
big = (1 << 80) - 1
print(big & 0xFFFF, big | 1, big ^ (1 << 79), ~big, -big & 0xFF)
print(0xFF & -256, -256 | 0xFF, -256 ^ -1, ~0)
x = 0x1234
for i in range(0, 17, 4):
    print(i, (x >> i) & 0xF, hex(x >> i))
acc = 0
for i in range(10):
    acc ^= (i * 0x9E3779B1) & 0xFFFFFFFF
    acc = ((acc << 5) | (acc >> 27)) & 0xFFFFFFFF
    print(i, acc)
print(bin(-8 & 0xFF), (-8) >> 1, (-9) >> 1, (-9) // 2)
