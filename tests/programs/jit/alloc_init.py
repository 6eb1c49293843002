# Tier 2 class calls (CALL_ALLOC_AND_ENTER_INIT): the instance is allocated natively and __init__
# runs inlined in the trace; the exits: __init__ returning something other than None (TypeError),
# the class changing (a new __init__), instances learning more attributes than their inline slots,
# and allocation-heavy loops that use up the allocation region many times.


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.scale(0.5)


class Base:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Point(Base):
    pass


class Picky:
    def __init__(self, v):
        self.v = v
        if v % 1000 == 999:
            return v


class Grows:
    def __init__(self, a):
        self.a = a


def vectors(n):
    acc = Vec(0.0, 0.0, 0.0)
    step = Vec(1.0, 0.5, 0.25)
    for i in range(n):
        acc = acc.add(step).scale(1.0)
        r = Ray(acc, step)
        acc = acc.add(r.direction)
        p = Point(1.0, 2.0)
        acc = acc.add(Vec(p.a, p.b, 0.0).scale(0.0))
    return acc.x, acc.y, acc.z


def picky(n):
    total = 0
    errors = 0
    for i in range(n):
        try:
            total += Picky(i).v
        except TypeError as e:
            errors += 1
            msg = str(e)
    return total, errors, msg


def changing(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            def other_init(self, x, y, z):
                self.x = x * 10
                self.y = y
                self.z = z
            Vec.__init__ = other_init
        total += Vec(i, 1, 2).x
    Vec.__init__ = original_init
    return total


def growing(n):
    total = 0
    keep = []
    for i in range(n):
        g = Grows(i)
        if i == n // 2:
            g.b = 1
            g.c = 2
            g.d = 3
            g.e = 4
            g.f = 5
            keep.append(g)
        total += g.a
    return total, keep[0].f, keep[0].a


original_init = Vec.__init__
print(vectors(300000))
print(picky(20000))
print(changing(20000))
print(growing(20000))
