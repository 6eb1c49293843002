# Attribute loads, stores and method calls at one site on instances of several classes (tier 1
# keeps up to 4 shapes per site), with the cases a polymorphic cache must not get wrong: more
# than 4 classes, a class changed while the site is hot, a property or an instance attribute
# shadowing a method in one subclass, an attribute missing in one class, non-instances.


class Base:
    def __init__(self, v):
        self.v = v
        self.count = 0

    def get(self):
        return self.v

    def bump(self):
        self.count = self.count + 1
        return self.count

    def kind(self):
        return "base"


class A(Base):
    def kind(self):
        return "A"


class B(Base):
    def __init__(self, v):
        self.extra = 1
        Base.__init__(self, v)

    def kind(self):
        return "B"


class C(Base):
    pass


class D(Base):
    def kind(self):
        return "D"


class E(Base):
    def get(self):
        return -self.v


class WithProp(Base):
    @property
    def count(self):
        return 1000

    @count.setter
    def count(self, value):
        pass


def visit(objs, rounds):
    total = 0
    kinds = []
    for r in range(rounds):
        for o in objs:
            total += o.v
            total += o.get()
            total += o.bump()
            o.v = o.v + 1
            if r == rounds - 1:
                kinds.append(o.kind())
    return total, kinds


print(visit([A(1), B(2), C(3)], 50))
print(visit([A(1), B(2), C(3), D(4)], 50))
print(visit([A(1), B(2), C(3), D(4), E(5), Base(6)], 50))
print(visit([A(1), B(2), WithProp(3)], 30))

objs = [A(1), B(2), C(3)]
print(visit(objs, 40))
A.kind = lambda self: "patched"
C.get = lambda self: 99
print(visit(objs, 40))
del A.kind
print(visit(objs, 10))

b = B(7)
b.kind = lambda: "instance"
print(visit([A(1), b, C(2)], 20))


def read_x(objs):
    out = []
    for o in objs:
        try:
            out.append(o.x)
        except AttributeError as e:
            out.append(str(e))
    return out


class P:
    def __init__(self, x):
        self.x = x


class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x


class R:
    x = "class attr"


class S:
    def __init__(self):
        self.z = 1


items = [P(1), Q(2), P(3), Q(4), R(), S(), 5, "s"]
for i in range(30):
    res = read_x(items)
print(res)
q = Q(9)
del q.y
print(read_x([P(1), Q(2), q, P(4)] * 10)[-4:])


def store_x(objs, v):
    for o in objs:
        o.x = v
    return [o.x for o in objs]


for i in range(30):
    res = store_x([P(1), Q(2), P(3)], i)
print(res)
print(store_x([P(1), Q(2), R(), S()], 5))
