# Method calls on built-in types (tier 1 caches the method of the last built-in type seen at a
# LOAD_METHOD site) with the receiver's type changing at the site, instances of user classes
# with methods of the same name, and str concatenation with astral characters.


class MyList:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x * 10)

    def count(self, x):
        return -1


def fill(target, n):
    for i in range(n):
        target.append(i)
    return target


print(fill([], 5), fill(MyList(), 3).items, fill([9], 2))


def counts(objs, x):
    return [o.count(x) for o in objs]


objs = [[1, 2, 1], (1, 1, 1), MyList(), [1], [1, 1]]
for i in range(5):
    r = counts(objs[:5], 1)
print(r, counts(["xx", "x"], "x"), counts([(1,), [1, 1]], 1))


def uppers(xs):
    out = []
    for x in xs:
        try:
            out.append(x.upper())
        except AttributeError as e:
            out.append(str(e))
    return out


print(uppers(["a", "b", ["c"], "d", 5, "e"]))


def gets(ds, k):
    return [d.get(k, "-") for d in ds]


print(gets([{"a": 1}, {"b": 2}, {"a": 3}], "a"))


def concat(parts):
    s = ""
    for p in parts:
        s = s + p
    return s


w = concat(["a", "😀", "b", "é", "xyz"])
print(len(w), w, w[1], w[2], w[-1], w[::-1], [ord(c) for c in w])
v = concat(["ab"] * 50)
print(len(v), v[99], v[-100])
