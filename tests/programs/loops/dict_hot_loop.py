# Dict-heavy loop: counting, keys of mixed types, deletions while building.
d = {}
for i in range(5000):
    k = i * 7919 % 211
    d[k] = d.get(k, 0) + i
print(len(d), d[0], d[1], d[210], sum(d.values()))
for k in list(d):
    if k % 3 == 0:
        del d[k]
print(len(d), list(d)[:10])
mixed = {}
for i in range(100):
    key = i if i % 3 == 0 else (str(i) if i % 3 == 1 else (i, i))
    mixed[key] = i * i
print(len(mixed), mixed[3], mixed["4"], mixed[(5, 5)])
print(list(mixed.items())[:6])
fk = {}
for i in range(60):
    fk[i * 0.5] = i
print(fk[1], fk[2.0], fk[29.5], 2 in fk, 2.5 in fk)
cache = {}
def f(n):
    if n in cache:
        return cache[n]
    r = n if n < 2 else f(n - 1) + f(n - 2)
    cache[n] = r
    return r
print(f(150), len(cache))
inv = {}
for k, v in d.items():
    inv.setdefault(v % 10, []).append(k)
print(sorted([(k, len(v)) for k, v in inv.items()]))
