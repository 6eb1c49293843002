# Printing of nested containers with strings, floats, None and bools.
data = [1, "two", 3.0, None, True, [4, [5, ["six"]]], (7,), {"k": [8, (9, 10)]}, (), [], {}]
print(data)
print(str(data) == repr(data))
print((1, "a", [2.5, None]))
print({"outer": {"inner": {"deep": [1, 2, {"x": ()}]}}})
print([["a", 'b"c', "d'e"], ["f\ng"]])
print({1: [1.5, -0.0], 2: (float("inf"), -float("inf"))})
print([[], [[]], [[], []]])
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
for row in matrix:
    print(row)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
print(len(data), len(data[5]), data[5][1][1][0], data[7]["k"][1][1])
print([1, [2, [3, [4, [5]]]]])
print({(1, 2): [3], "s": {"t": None}})
print([1e16, 1e-5, 0.1, 100.0, 2 ** 64])
