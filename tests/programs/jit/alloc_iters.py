# Tier 2 native allocation: GET_ITER over lists, tuples and ranges and range(...) calls inside
# traced outer loops (the iterator and range objects are allocated by native code), and the exits
# they take: big-int, float and bool arguments, a zero step, iterating other kinds of objects.


def nested(n):
    total = 0
    pairs = [(1, 2), (3, 4), (5, 6)]
    t = (7, 8, 9)
    for i in range(n):
        for a, b in pairs:
            total += a * b
        for x in t:
            total += x
        for j in range(i % 5):
            total += j
        for j in range(2, i % 7):
            total -= j
        for j in range(i % 9, 0, -2):
            total += 3 * j
        r = range(3)
        for k in r:
            total += k
    return total


def ranges_of(n):
    out = []
    for i in range(n):
        r = range(i, i + 10, 3)
        s = 0
        for v in r:
            s += v
        out.append(s)
    return out


def fallbacks(n):
    big = 2 ** 60
    acc = 0
    errors = 0
    for i in range(n):
        if i % 100 == 0:
            for v in range(big, big + 3):
                acc += v - big
            try:
                for v in range(1.5):
                    acc += 1
            except TypeError as e:
                errors += 1
                last = str(e)
            try:
                for v in range(0, 10, 0):
                    acc += 1
            except ValueError as e:
                errors += 1
                last2 = str(e)
            for v in range(True):
                acc += 100
            for ch in "ab":
                acc += len(ch)
            for key in {1: 2, 3: 4}:
                acc += key
        for v in range(3):
            acc += v
    return acc, errors, last, last2


def mutate_during(n):
    items = [1, 2, 3]
    total = 0
    for i in range(n):
        for x in items:
            total += x
        if i == n // 2:
            items = (10, 20)
        if i == 3 * n // 4:
            items = range(4)
    return total


class Holder:
    def __init__(self):
        self.items = [1, 2, 3]


def attr_iter(n):
    # GET_ITER of a value the trace loads (an attribute): guarded as the type FOR_ITER saw.
    h = Holder()
    total = 0
    for i in range(n):
        for x in h.items:
            total += x
        if i == n // 2:
            h.items = (4, 5)
        if i == 3 * n // 4:
            h.items = range(3)
    return total


print(nested(20000))
print(attr_iter(30000))
print(sum(ranges_of(20000)), ranges_of(5))
print(fallbacks(10000))
print(mutate_during(20000))
