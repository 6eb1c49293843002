# Sets of small ints: operations, methods, comprehension (printing sorted where order could vary).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({9}), a.issubset(range(10)))
s = set()
for i in [5, 1, 5, 2, 1, 3]:
    s.add(i)
print(s, len(s))
s.remove(5)
s.discard(42)
s.discard(1)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print(sorted({x * x % 10 for x in range(20)}))
print(set([3, 3, 1]), set(range(5)), set())
words = {"pear", "apple", "fig"}
print(sorted(words), "fig" in words, "kiwi" in words, len(words))
fs = frozenset([1, 2, 2])
print(fs, fs | {3}, len(fs))
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4, 5}
c -= {3}
print(c)
c.update([7, 8], {9})
print(c, c.pop() in range(10), len(c))
print({1, 2} == {2, 1}, {1} != {1, 2}, 2 in {1, 2})
dups = [4, 1, 4, 2, 1, 9]
seen = set()
uniq = []
for x in dups:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq, sorted(seen))
