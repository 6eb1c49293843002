# Mutating lists while iterating over them (well-defined CPython behaviour).
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
count = 0
for x in b:
    count += 1
    if len(b) < 8:
        b.append(x * 10)
print(b, count)
c = list(range(10))
for i, x in enumerate(c):
    c[i] = x * x
print(c)
d = [5, 4, 3, 2, 1]
for x in d[:]:
    if x > 2:
        d.remove(x)
print(d)
e = [0, 1, 2, 3, 4, 5, 6, 7]
i = 0
while i < len(e):
    if e[i] % 3 == 0:
        e.pop(i)
    else:
        e[i] += 100
        i += 1
print(e)
f = [1, 2, 3, 4]
for x in f:
    f.pop()
    print("saw", x, f)
g = list(range(5))
for x in g:
    g.insert(0, -1) if False else None
    if x == 2:
        g[3:] = []
    print("g", x, g)
h = [[1], [2], [3]]
for row in h:
    row.append(row[0] * 2)
print(h)
