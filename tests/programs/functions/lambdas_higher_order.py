# Lambdas, functions as values, map/filter, sorted/min/max with key.
square = lambda x: x * x
print(square(7), (lambda a, b=2: a ** b)(3), (lambda *a: sum(a))(1, 2, 3))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
for name in sorted(ops):
    print(name, ops[name](7, 3))
funcs = [abs, str, len, square]
print([f(-3) if f is not len else f("abc") for f in funcs])
print(list(map(square, range(6))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 3 == 0, range(20))), list(filter(None, [0, "", "a", 2])))
people = [("ann", 31), ("bob", 27), ("cid", 45), ("dee", 27)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(max(["aa", "b", "cccc", "dd"], key=len), min("hello world".split(), key=len))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "hi"))
def call_with(fn, *args, **kw):
    return fn(*args, **kw)
print(call_with(max, 1, 5, 3), call_with(sorted, [3, 1, 2], reverse=True))
print(sorted(["b10", "a2", "a10", "b1"], key=lambda s: (s[0], int(s[1:]))))
print(type(square).__name__, square.__name__, apply_n.__name__)
