# Class-level counters, registries, and class attributes shared vs. shadowed.
class Widget:
    count = 0
    registry = []
    def __init__(self, label):
        Widget.count += 1
        self.id = Widget.count
        self.label = label
        Widget.registry.append(label)
    def describe(self):
        return str(self.id) + ":" + self.label
ws = [Widget(c) for c in "abcd"]
print(Widget.count, Widget.registry, [w.describe() for w in ws])
print(ws[0].count, ws[3].count)
ws[0].count = 100
print(ws[0].count, Widget.count, ws[1].count)
class Sub(Widget):
    def __init__(self, label):
        Widget.__init__(self, label.upper())
        self.sub = True
s = Sub("e")
print(Widget.count, Sub.count, s.describe(), s.sub, Widget.registry)
Sub.count = -1
print(Widget.count, Sub.count, s.count)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Shared(), Shared()
a.add(1)
b.add(2)
print(a.items, b.items, Shared.items)
a.items = ["own"]
a.add(3)
print(a.items, b.items)
class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    def show(self):
        return str(self.deg) + self.unit
t1, t2 = Temp(20), Temp(30)
print(t1.show(), t2.show())
Temp.unit = "F"
print(t1.show(), t2.show())
