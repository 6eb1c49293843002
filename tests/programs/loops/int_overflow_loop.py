# Small ints growing into big ints inside hot loops, then shrinking again.
x = 1
for i in range(200):
    x = x * 3 + 1
    if i in (20, 30, 39, 40, 41, 60, 100, 199):
        print(i, x, x.bit_length())
while x > 1000:
    x = x // 7
print("shrunk", x)
y = 2 ** 62 - 10
for i in range(20):
    y += 1
    print(i, y, y > 2 ** 62, y - 2 ** 62)
z = -(2 ** 63) + 5
for i in range(10):
    z -= 1
    print(z, z + 2 ** 63)
acc = 0
for i in range(1, 2000):
    acc += i * i * i * 1000003
print(acc, acc % 1000000007)
f = 1
for i in range(1, 41):
    f *= i
    if i % 5 == 0:
        print(i, f, f % 1000000007)
m = 2 ** 47 - 3
for i in range(6):
    m = m + 1
    print(m, m * 2, m * m)
h = 0
for i in range(10000):
    h = (h * 31 + i) & 0xFFFFFFFFFFFFFFFF
print(h)
