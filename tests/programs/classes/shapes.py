# Polymorphism through overridden methods; class hierarchy with shared behaviour.
import math
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def perimeter(self):
        return 0
    def summary(self):
        return "%s: area=%.3f perim=%.3f" % (self.name, self.area(), self.perimeter())
class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
        self.name = "square"
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r
shapes = [Rect(3, 4), Square(2.5), Circle(1), Circle(0.5), Shape("blob")]
for s in shapes:
    print(s.summary(), isinstance(s, Rect))
total = 0
for s in shapes:
    total += s.area()
print(round(total, 6))
print([s.name for s in sorted(shapes, key=lambda s: s.area())])
print(max(shapes, key=lambda s: s.perimeter()).name)
