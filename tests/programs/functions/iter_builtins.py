# enumerate, zip, reversed, iter/next, sum/any/all, sorted on iterables.
names = ["a", "b", "c"]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=10):
    print(i, n)
print(list(zip(names, [1, 2, 3])), list(zip("ab", "xyz", [0, 1, 2])), list(zip()))
for a, b in zip(range(3), reversed(range(3))):
    print(a, b)
print(list(reversed(names)), list(reversed("abc")), list(reversed(range(1, 10, 3))))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
it2 = iter("xy")
print(next(it2), list(it2), list(it2))
d = {"k1": 1, "k2": 2}
print(list(enumerate(d)), list(zip(d, d.values())))
print(dict(zip(names, range(3))), dict(enumerate(names)))
rows = [(1, "one"), (2, "two"), (3, "three")]
nums, words = zip(*rows)
print(nums, words)
print(any([x > 2 for x in [1, 2]]), any([x > 2 for x in [1, 3]]))
print(all([]), any([]), sum(range(10), 100), sorted(d, reverse=True))
print(list(map(len, names)), list(map(str.upper, names)))
