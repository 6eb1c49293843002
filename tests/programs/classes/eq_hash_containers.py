# User classes with __eq__/__hash__ in dicts, sets (small counts only), and lists.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return "Key(%r, %r)" % (self.a, self.b)
d = {Key(1, 2): "first", Key(3, 4): "second"}
print(d[Key(1, 2)], Key(3, 4) in d, Key(9, 9) in d, d)
d[Key(1, 2)] = "updated"
print(len(d), d)
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s), Key(2, 2) in s)
lst = [Key(0, 0), Key(1, 1), Key(0, 0)]
print(lst.count(Key(0, 0)), lst.index(Key(1, 1)), Key(1, 1) in lst)
lst.remove(Key(0, 0))
print(lst)
class NoEq:
    def __init__(self, v):
        self.v = v
x, y = NoEq(1), NoEq(1)
print(x == y, x == x, x != y, [x].count(x), x in [y])
class AlwaysEqual:
    def __eq__(self, other):
        return True
print(AlwaysEqual() == 3, AlwaysEqual() != 3, 3 == AlwaysEqual())
class Ordered:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "O" + str(self.n)
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max([Ordered(5), Ordered(9)]))
print(Ordered(1) > Ordered(0))
