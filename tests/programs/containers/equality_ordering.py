# Equality and ordering of lists and tuples, lexicographic rules.
pairs = [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2], [1]), ([], [0]), ([2], [1, 9]),
         ((1, 2), (1, 2)), ((0,), ()), ((1, "a"), (1, "b")), ([1, [2, 3]], [1, [2, 4]])]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
print([1, 2] == (1, 2), list((1, 2)) == [1, 2], (1, 2) == tuple([1, 2]))
print([1.0, 2] == [1, 2.0], [[1]] == [[1.0]], [None] == [None])
print(sorted([[3, 1], [1, 2, 3], [1, 2], [], [2]]))
print(sorted([(1, "b"), (0, "z"), (1, "a")], reverse=True))
print(max([[1, 2], [1, 2, 0], [0, 9]]), min([(5,), (4, 9), (4, 8, 1)]))
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print("TypeError:", e)
print([1, "a"] == [1, 2], (1, 2) != (1, 2))
a = [1, 2, 3]
b = a
print(a == b, a is b, a[:] == a, a[:] is a)
