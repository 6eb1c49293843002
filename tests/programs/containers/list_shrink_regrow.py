# Lists that shrink and grow again: items past a list's length are garbage to collections (they
# scan only the used part), so every operation must write an item before it counts.


class Item:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Item(%d)" % self.v


def churn():
    return sum(len([Item(i), str(i)]) for i in range(2000))


a = [Item(i) for i in range(50)]
del a[10:]
churn()
a.extend(Item(i) for i in range(100, 105))
print(a)
a.pop()
a.pop(0)
churn()
a.append(Item(7))
a.insert(3, Item(8))
print(a, len(a))
a.clear()
churn()
a += [Item(1), Item(2)]
a *= 3
print(a)
a[1:5] = []
churn()
a[1:1] = [Item(9), Item(10), Item(11)]
a.sort(key=lambda x: -x.v)
a.reverse()
print(a)
b = [Item(i) for i in range(3000)]
del b[100:]
churn()
b += [Item(-1)] * 5
print(len(b), b[99], b[100], b[-1], sum(x.v for x in b))
c = []
for i in range(1000):
    c.append(Item(i))
    if i % 3 == 0:
        c.pop()
churn()
print(len(c), sum(x.v for x in c))
