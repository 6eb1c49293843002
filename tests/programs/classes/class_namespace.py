# Class bodies run code; class attributes computed at definition time; methods calling methods.
class Config:
    base = 10
    doubled = base * 2
    names = [n.upper() for n in ["a", "b"]]
    table = {}
    for i in range(3):
        table[i] = i * base
    del i
    def get(self, k):
        return self.table.get(k, self.default())
    def default(self):
        return -1
print(Config.base, Config.doubled, Config.names, Config.table)
c = Config()
print(c.get(1), c.get(7), hasattr(Config, "i"))
class Override(Config):
    base = 99
    def default(self):
        return "override-default"
o = Override()
print(o.get(2), o.get(99), Override.doubled, Override.base)
print(sorted([k for k in vars(Config) if not k.startswith("__")]))
class Chain:
    def __init__(self):
        self.ops = []
    def add(self, x):
        self.ops.append(("add", x))
        return self
    def mul(self, x):
        self.ops.append(("mul", x))
        return self
    def run(self, v):
        for op, x in self.ops:
            v = v + x if op == "add" else v * x
        return v
print(Chain().add(1).mul(3).add(-2).run(5), Chain().run(7))
