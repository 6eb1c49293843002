# Polymorphic attribute and method sites in hot loops: several classes through one site, the
# attribute in the same or in different slots, methods shared by subclasses or overridden,
# classes that change while the loop runs, a property on one class.


class Shape:
    def __init__(self, w):
        self.w = w
        self.kind = 0

    def area(self):
        return self.w * self.w

    def tag(self):
        return self.kind


class Square(Shape):
    pass


class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, w)
        self.h = h
        self.kind = 1

    def area(self):
        return self.w * self.h


class Circle:
    def __init__(self, r):
        self.kind = 2
        self.r = r
        self.w = r + r

    def area(self):
        return 3 * self.r * self.r

    def tag(self):
        return self.kind + 10


def shared_slot(items, n):
    # w is slot 0 in Shape, Square and Rect: one guard accepts all three shapes
    total = 0
    for i in range(n):
        o = items[i % len(items)]
        total += o.w
        o.kind = o.kind
    return total


def different_slots(items, n):
    # w is slot 0 for Shape/Rect but slot 2 for Circle; kind is slot 1 or slot 0
    total = 0
    for i in range(n):
        o = items[i % len(items)]
        total += o.w + o.kind
    return total


def methods(items, n):
    total = 0
    for i in range(n):
        o = items[i % len(items)]
        total += o.area() + o.tag()
    return total


def stores(items, n):
    for i in range(n):
        o = items[i % len(items)]
        o.w = i % 7
        o.kind = o.kind
    return [o.w for o in items]


items = [Shape(2), Square(3), Rect(4, 5), Circle(1)]
print(shared_slot(items[:3], 20000))
print(different_slots(items, 20000))
print(methods(items, 20000))
print(stores(items, 20000))
print(methods(items, 20001))


# A subclass overrides an inherited method in the middle of the run.
def override_midway(items, n):
    total = 0
    for i in range(n):
        o = items[i % len(items)]
        total += o.area()
        if i == n // 2:
            Square.area = lambda self: 1000
    return total


print(override_midway([Shape(2), Square(3), Rect(2, 3)], 20000))


# A class gains a method that shadows the inherited one, and an instance attribute, mid-loop.
class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class A(Base):
    pass


class B(Base):
    pass


def gain(n):
    objs = [A(1), B(2), A(3), B(4)]
    total = 0
    for i in range(n):
        o = objs[i % 4]
        total += o.get()
        if i == 7000:
            B.get = lambda self: self.v * 100
        if i == 14000:
            objs[2].extra = 5
            objs[0].v = 50
    return total


print(gain(20000))


# A property on one class: the attribute site sees a data descriptor there.
class Plain:
    def __init__(self, x):
        self.x = x


class Other:
    def __init__(self, x):
        self.y = 0
        self.x = x


class Prop:
    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        return self._x * 2


def with_property(n):
    objs = [Plain(1), Other(2), Prop(3), Plain(4)]
    total = 0
    for i in range(n):
        total += objs[i % 4].x
    return total


print(with_property(20000))


# Several methods with different functions at one call site, called in a nested call.
class Op:
    def apply(self, a):
        return a


class Add(Op):
    def apply(self, a):
        return a + 3


class Mul(Op):
    def apply(self, a):
        return a * 2


class Neg(Op):
    def apply(self, a):
        return -a


def run_ops(ops, n):
    acc = 1
    for i in range(n):
        acc = ops[i % len(ops)].apply(acc) % 1000003
    return acc


print(run_ops([Add(), Mul(), Neg(), Op(), Mul()], 30000))


# A receiver that is not an instance at a polymorphic method site.
def mixed(n):
    objs = [Add(), Mul(), 5, Neg()]
    total = 0
    for i in range(n):
        o = objs[i % 4]
        if isinstance(o, int):
            total += o.bit_length()
        else:
            total += o.apply(i) % 7
    return total


print(mixed(20000))
