# AttributeError and TypeError messages for user classes and calls.
class Foo:
    def __init__(self):
        self.x = 1
    def method(self, a, b):
        return a + b
f = Foo()
tests = [
    lambda: f.y,
    lambda: Foo.nothing,
    lambda: f.method(1),
    lambda: f.method(1, 2, 3),
    lambda: f.method(1, c=2),
    lambda: Foo(1),
    lambda: f(),
    lambda: f + 1,
    lambda: f < f,
    lambda: f[0],
    lambda: len(f),
    lambda: "abc".nope,
    lambda: [].nope(),
    lambda: (lambda a: a)(),
    lambda: (lambda a, b=1: a)(1, 2, 3),
    lambda: (lambda *, k: k)(1),
    lambda: (lambda a: a)(a=1, b=2),
    lambda: int.nope,
    lambda: int("3")(),
    lambda: str("x")(),
    lambda: [1, 2][f.__init__()],
    lambda: {}.get(),
    lambda: f.method(*[1, 2, 3, 4]),
    lambda: iter(5),
    lambda: hash([]),
    lambda: sorted([1, "a"]),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, "no error")
    except (AttributeError, TypeError) as e:
        print(i, type(e).__name__ + ":", e)
def two(a, b):
    return a, b
for args in ((), (1,), (1, 2, 3)):
    try:
        two(*args)
    except TypeError as e:
        print(e)
