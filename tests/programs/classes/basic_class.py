# A class with __init__, methods, instance and class attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def show(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.show(), Point.dims, p.dims)
q = p.moved(1, -1)
print(q.show(), p.show())
p.x = 10
print(p.show(), p.norm2())
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 4
print(p.dims, Point.dims, q.dims)
del p.dims
print(p.dims)
print(type(p).__name__, isinstance(p, Point), isinstance(3, Point))
m = p.norm2
print(m(), Point.norm2(q))
pts = [Point(i, -i) for i in range(4)]
print([pt.show() for pt in pts], sum([pt.norm2() for pt in pts]))
class Empty:
    pass
e = Empty()
e.anything = [1, 2]
e.other = "x"
print(e.anything, e.other, hasattr(e, "other"), hasattr(e, "nope"))
print(getattr(e, "other"), getattr(e, "nope", "default"))
setattr(e, "dyn", 5)
print(e.dyn, sorted(vars(e)))
