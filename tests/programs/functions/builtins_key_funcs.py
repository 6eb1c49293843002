# sorted/min/max with key=, stability of sort, reverse with key.
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: -t[1]))
print(sorted(data))
words = "The quick Brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(min(words, key=len), max(words, key=len), min(words), max(words, key=str.lower))
print(sorted(range(-5, 6), key=lambda v: (v * v, v)))
print(max(range(10), key=lambda v: v % 4), min(range(10), key=lambda v: v % 4))
print(max([], default="empty"), min([3], default=0))
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}))
lst = [5, 2, 8, 1]
res = sorted(lst)
print(lst, res, res is lst)
lst.sort(key=lambda v: -v)
print(lst)
nums = [3, 11, 2, 21, 1]
print(sorted(nums, key=str), sorted(map(str, nums)), sorted(nums, key=lambda n: str(n)[::-1]))
