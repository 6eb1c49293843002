# Conditional expressions in various positions.
for n in range(-3, 4):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    parity = ("even" if n % 2 == 0 else "odd")
    print(n, sign, parity, abs(n) if n else "none")
vals = [x if x % 3 else "fizz" for x in range(1, 10)]
print(vals)
def f(x):
    return x * 2 if x > 0 else -x if x < 0 else None
print([f(x) for x in (-2, 0, 3)])
s = "long" if len("abcdef") > 5 else "short"
print(s)
lst = [1, 2] if s == "long" else [3]
print(lst + ([9] if lst else []))
print((lambda v: "big" if v > 100 else "small")(150))
x = 0
y = 10 / x if x else float("inf")
print(y)
print("a" if True else 1 / 0, "b" if False else "c")
total = 0
for i in range(10):
    total += i if i % 2 else -i
print(total)
print(max(1, 2) if 1 < 2 else min(1, 2), [i if i < 3 else -1 for i in range(5)])
