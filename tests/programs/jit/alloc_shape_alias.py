# Instances allocated in a trace get attributes added (shape transitions) while other values may
# or may not alias them: through a field, a list, a tuple, or not at all.


class Box:
    def __init__(self):
        self.item = None


class Q:
    def __init__(self, box):
        box.item = self
        self.a = 1
        self.b = 2


class R:
    def __init__(self, x):
        self.x = x


def through_field(n):
    box = Box()
    t = 0
    for i in range(n):
        q = Q(box)
        other = box.item
        t += other.a
        q.c = i % 5
        t += other.c + other.b
        other.d = 3
        t += q.d
    return t


def through_list(n):
    t = 0
    keep = []
    for i in range(n):
        r = R(i % 7)
        keep.append(r)
        alias = keep[-1]
        r.y = 2
        t += alias.y + alias.x
        if len(keep) > 10:
            keep.pop()
            keep.pop()
    return t


def through_tuple(n):
    t = 0
    for i in range(n):
        r = R(i % 3)
        pair = (r, i)
        r.z = 4
        first = pair[0]
        t += first.z + first.x
    return t


def unaliased(n):
    t = 0
    prev = R(0)
    for i in range(n):
        r = R(i % 11)
        r.y = prev.x
        r.w = r.y + 1
        t += r.x + r.y + r.w
        prev = r
    return t


print(through_field(20000))
print(through_list(20000))
print(through_tuple(20000))
print(unaliased(20000))
