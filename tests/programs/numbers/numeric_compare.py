# Comparisons among ints, floats, bools and big ints.
items = [3, 3.0, 2.5, True, -1, 2 ** 64, -(2 ** 64), 1e19, float("inf"), 0]
for a in items[:6]:
    print(repr(a), [a < b for b in items], [a == b for b in items])
print(sorted(items))
print(2 ** 64 == 18446744073709551616.0, 2 ** 64 + 1 == 18446744073709551616.0)
print(2 ** 64 + 1 > 18446744073709551616.0, 10 ** 400 > float("inf"), -10 ** 400 < -1e308)
nan = float("nan")
print(nan < 1, nan > 1, nan == nan, 1 < nan, [nan] == [nan])
print(max([1, 2 ** 70, 3.5]), min([-2 ** 70, -1e30]))
print(1 < 2.0 <= 2 < 2 ** 70 < 1e30)
print(0 == 0.0 == -0.0 == False)
vals = [2.5, -1, 3, 0.0, True, 2 ** 65, -0.5]
for a in vals:
    print(a, [a <= b for b in vals])
