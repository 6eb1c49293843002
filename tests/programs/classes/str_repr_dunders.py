# __str__ vs __repr__ in print, str(), repr(), containers and formatting.
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "OnlyRepr(" + repr(self.v) + ")"
class OnlyStr:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return "str:" + str(self.v)
    def __repr__(self):
        return "OnlyStr<" + str(self.v) + ">"
class Both:
    def __str__(self):
        return "both-str"
    def __repr__(self):
        return "both-repr"
a, b, c = OnlyRepr("x"), OnlyStr(2), Both()
print(a, b, c)
print(str(a), str(b), str(c))
print(repr(a), repr(b), repr(c))
print([a, b, c], (c,), {"k": c})
print(f"{a} {b} {c} {c!r}", "%s|%r" % (c, c), "{}".format(b))
print(str([c]), "".join([str(c), str(b)]))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$%d.%02d" % (self.cents // 100, self.cents % 100)
    def __repr__(self):
        return "Money(%d)" % self.cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
wallet = [Money(150), Money(99), Money(1001)]
total = Money(0)
for m in wallet:
    total = total + m
    print(m, total, repr(total))
print(wallet)
