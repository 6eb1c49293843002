# hash() of small ints, bools, floats (deterministic; strings are randomized and avoided).
for n in (0, 1, -1, -2, 2, 100, -100, 12345, 2 ** 30, 2 ** 31, 2 ** 60):
    print(n, hash(n))
print(hash(True), hash(False), hash(1.0), hash(2.5), hash(-0.5))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 64))
print(hash(None) == hash(None), hash(0.0) == hash(0))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
d = {1: "int one", 2.0: "float two"}
print(d[1.0], d[2], d[True])
d[True] = "bool"
print(d)
s = {1, 1.0, True}
print(len(s))
print({0: "a", False: "b", 0.0: "c"})
for n in range(-3, 4):
    print(n, hash(n) == n, hash(float(n)) == hash(n))
