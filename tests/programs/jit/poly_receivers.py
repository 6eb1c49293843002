# Polymorphic sites that also see receivers of other kinds: an exception subclass instance, a
# class with __slots__, a class object (class attribute), and a deep recursive call in a loop.

class A:
    def __init__(self):
        self.x = 1
    def m(self):
        return self.x

class B:
    def __init__(self):
        self.y = 0
        self.x = 2
    def m(self):
        return self.x * 10

class L:
    __slots__ = ()
    def m(self):
        return 3

class E(Exception):
    def m(self):
        return 7

def run(objs, n):
    t = 0
    for i in range(n):
        o = objs[i % len(objs)]
        t += o.m()
    return t

def attrs(objs, n):
    t = 0
    for i in range(n):
        o = objs[i % len(objs)]
        t += o.x
    return t

class C:
    x = 100

e = E()
e.x = 5
print(run([A(), B(), L(), E()], 20000))
print(run([A(), B(), A(), B()], 20000))
print(run([A(), L(), B(), E()], 20000))
print(attrs([A(), B(), A(), B()], 20000))
print(attrs([A(), B(), C, e], 20000))
print(attrs([A(), C(), B(), e], 20000))
def deep(n):
    def f(k):
        if k == 0:
            return 0
        return 1 + f(k - 1)
    t = 0
    for i in range(n):
        t += f(i % 12)
    return t
print(deep(20000))
