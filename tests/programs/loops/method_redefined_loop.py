# A method redefined on the class, and on an instance, during a hot loop.
class Calc:
    def __init__(self):
        self.n = 0
    def op(self, x):
        return x + 1
c = Calc()
v = 0
trace = []
for i in range(120):
    v = c.op(v)
    if i == 39:
        Calc.op = lambda self, x: x * 2 % 1000
    elif i == 79:
        def op3(self, x):
            self.n += 1
            return x - 3
        Calc.op = op3
    if i % 20 == 19:
        trace.append(v)
print(trace, c.n)
c.op = lambda x: x + 1000
print(c.op(1), Calc().op(1))
class Shape:
    def area(self):
        return 1
shapes = [Shape() for _ in range(4)]
areas = []
for round_ in range(4):
    areas.append(sum([s.area() for s in shapes]))
    if round_ == 1:
        Shape.area = lambda self: 10
print(areas)
class Counter:
    calls = 0
    def hit(self):
        Counter.calls += 1
        return Counter.calls
k = Counter()
for i in range(50):
    k.hit()
    if i == 25:
        Counter.hit = lambda self: -1
print(Counter.calls, k.hit())
