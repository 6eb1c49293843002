# Operator and protocol dunders: __str__, __repr__, __eq__, __lt__, __len__, __getitem__, __add__.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "Vec(" + ", ".join([repr(x) for x in self.xs]) + ")"
    def __str__(self):
        return "<" + " ".join([str(x) for x in self.xs]) + ">"
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    def __lt__(self, other):
        return self.norm() < other.norm()
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return self * -1
    def __contains__(self, v):
        return v in self.xs
    def __bool__(self):
        return any([x != 0 for x in self.xs])
    def norm(self):
        return sum([x * x for x in self.xs])
a = Vec(1, 2, 3)
b = Vec(4, 5, 6)
print(a, repr(a), str(b), [a, b], (a,))
print(a + b, a * 2, 3 * a, -a, len(a), a[0], a[-1], a[1:])
print(a == Vec(1, 2, 3), a == b, a != b, a == 5, a < b, b < a, a > b)
print(2 in a, 7 in a, bool(a), bool(Vec(0, 0)), sorted([b, a, Vec(0, 1, 0)]))
print(f"{a} {a!r}", "%s %r" % (a, a), "{} {!r}".format(a, b))
total = Vec(0, 0, 0)
for i in range(4):
    total = total + Vec(i, i * i, 1)
    print(i, total)
for x in a:
    print("iter via __getitem__", x)
if Vec(0, 0):
    print("not printed")
else:
    print("zero vector is falsy")
print(max([a, b]), min([a, b]))
