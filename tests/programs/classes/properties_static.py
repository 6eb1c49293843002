# property, staticmethod, classmethod.
class Temperature:
    scale = "celsius"
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale
t = Temperature(25)
print(t.c, t.f)
t.c = 100
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
print(t.c, Temperature.convert(0), t.convert(37))
u = Temperature.from_f(212)
print(type(u).__name__, u.c, u.f)
print(Temperature.describe(), t.describe())
class Kelvin(Temperature):
    scale = "kelvin"
k = Kelvin.from_f(32)
print(type(k).__name__, k.c, Kelvin.describe())
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError raised")
