# Tuples: creation, packing/unpacking, indexing, immutability, methods.
t = (1, 2, 3)
u = 4, 5
v = (6,)
w = ()
print(t, u, v, w, len(w), type(v).__name__)
print(t + u + v, t * 2, t[0], t[-1], t[1:], t[::-1])
a, b, c = t
print(a, b, c)
print(t.index(2), (1, 1, 2).count(1), 2 in t, 7 in t)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), max(pairs), min(pairs))
for x, y in pairs:
    print(x, y)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
(p, (q, (r, s))) = nested
print(p, q, r, s)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi, minmax("hello"))
print(((1,),), ((),), (None, None))
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()], d[1, 2])
