# Truth values of built-in objects, bool(), not, and bool arithmetic.
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {1: 2}, None, True, False]
for v in values:
    print(repr(v), bool(v), not v)
print(True + True, True * 10, False - 1)
print(True == 1, False == 0, True is True)
print(int(True), float(False), str(True))
print(bool(range(0)), bool(range(3)))
print(set() == set(), bool(set()), bool({0}))
print(1 if [] else 2, 1 if [[]] else 2)
count = 0
for v in values:
    if v:
        count += 1
print("truthy count", count)
print(sum([True, True, False, True]))
print(isinstance(True, int), type(True).__name__)
print(True & False, True | False, True ^ True)
print(~True, -True, +False)
