# Positional, keyword, default, *args, **kwargs and keyword-only parameters.
def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, 2, d=4))
print(f(1, 2, 30, 40, 50, d=4, e=6, z=7, y=8))
print(f(b=2, a=1, d=0))
print(f(*[1, 2, 3, 4], **{"d": 9, "q": 1}))
def g(*args):
    return len(args), args
print(g(), g(1), g(1, "two", [3]))
def h(**kwargs):
    return kwargs
print(h(), h(x=1, y=2))
def kwonly(a, *, key="dflt"):
    return a, key
print(kwonly(1), kwonly(1, key="set"))
def defaults(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(defaults(1), defaults(2), defaults(3, [0]))
def mutable_default(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default(1), mutable_default(2))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
args = (1, 2)
kwargs = {"c": 10}
print(f(*args, d=1, **kwargs))
def describe(name, *tags, sep=", ", **extra):
    return name + ": " + sep.join(tags) + " " + str(extra)
print(describe("x"), describe("y", "a", "b"), describe("z", "c", sep="|", n=1))
print(max(3, 9, 2), max([3, 9, 2]), max(*[3, 9, 2]), print("inner", sep="", end="|\n"))
