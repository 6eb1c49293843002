# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def val(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(1), calls)
calls.clear()
print(val(1) < val(5) > val(2) == val(2), calls)
x = 5
print(0 <= x < 10, 0 <= x < 5, 10 > x >= 5, x in [5] in [[5]])
print(1 < 2 > 0 < 3 != 4, "a" < "b" <= "b" < "c")
for n in range(-2, 13, 3):
    print(n, 0 < n < 10, 0 <= n <= 4 or 8 <= n <= 12, not 0 < n)
a = b = c = 7
print(a == b == c, a is b is c, a < b == c)
print(a is not None is not False)
