# Methods replaced on the class at run time; attributes added dynamically.
class Greeter:
    def greet(self, name):
        return "hello " + name
g = Greeter()
print(g.greet("ann"))
def loud(self, name):
    return "HELLO " + name.upper() + "!"
Greeter.greet = loud
print(g.greet("ann"))
Greeter.greet = lambda self, name: "hi " + name
print(g.greet("bob"), Greeter().greet("cid"))
g.greet = lambda name: "instance-level " + name
print(g.greet("dee"), Greeter().greet("eve"))
del g.greet
print(g.greet("fay"))
def farewell(self):
    return "bye from " + type(self).__name__
Greeter.farewell = farewell
print(g.farewell())
class Child(Greeter):
    pass
c = Child()
print(c.greet("gus"), c.farewell())
Greeter.greet = loud
print(c.greet("gus"))
Child.greet = lambda self, n: "child " + n
print(c.greet("hal"), g.greet("hal"))
obj = Child()
for i in range(3):
    setattr(obj, "attr" + str(i), i * i)
print(obj.attr0, obj.attr1, obj.attr2, sorted(vars(obj).items()))
class Counter:
    def tick(self):
        return 1
cnt = Counter()
total = 0
for i in range(6):
    total += cnt.tick()
    if i == 2:
        Counter.tick = lambda self: 10
print(total)
