# Class attributes and methods rebound while a loop runs over instances.
class Particle:
    speed = 1
    def __init__(self, x):
        self.x = x
    def step(self):
        self.x += self.speed
ps = [Particle(i) for i in range(5)]
for t in range(30):
    for p in ps:
        p.step()
    if t == 9:
        Particle.speed = 10
    if t == 19:
        Particle.speed = 0.5
    if t % 5 == 4:
        print(t, [p.x for p in ps])
def fast_step(self):
    self.x *= 2
for t in range(6):
    if t == 3:
        Particle.step = fast_step
    for p in ps:
        p.step()
    print("phase2", t, [p.x for p in ps])
ps[0].speed = -100
Particle.step = lambda self: setattr(self, "x", self.x + self.speed)
for p in ps:
    p.step()
print([p.x for p in ps])
class Base:
    def val(self):
        return 1
class Derived(Base):
    pass
d = Derived()
s = 0
for i in range(100):
    s += d.val()
    if i == 30:
        Base.val = lambda self: 2
    if i == 60:
        Derived.val = lambda self: 100
    if i == 90:
        del Derived.val
print(s)
