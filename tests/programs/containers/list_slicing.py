# List slicing, slice assignment and deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
b = a[:]
b[2:5] = ["x", "y"]
print(b, len(b))
b[1:1] = [100, 200, 300]
print(b)
b[-2:] = []
print(b)
b[:] = [1, 2, 3]
print(b)
c = list(range(10))
c[::2] = ["e"] * 5
print(c)
c[1::2] = [i * 10 for i in range(5)]
print(c)
del c[0]
print(c)
del c[2:5]
print(c)
del c[::2]
print(c)
d = list(range(8))
d[2:6] = d[2:6][::-1]
print(d)
d[len(d):] = [99]
print(d)
d[0:0] = "ab"
print(d)
e = [1, 2, 3, 4, 5]
print(e[10:], e[-10:2], e[3:1], e[1:-1], e[::-2])
try:
    e[::2] = [0]
except ValueError as err:
    print("ValueError:", err)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared)
