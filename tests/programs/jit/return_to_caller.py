# Traces that start in a callee's loop and return into whatever called it: the caller is guarded
# (code and call site), so different call sites, a caller entered from a built-in (sorted's key)
# and a caller that is a class body all resume correctly.


def inner(n, x):
    t = 0
    k = 0
    while k < n:
        t += k * x
        k += 1
    return t


def outer_a(rows):
    s = 0
    for r in range(rows):
        s += inner(r % 7, 3)
        s = s % 100003
    return s


def outer_b(rows):
    s = 0
    for r in range(rows):
        v = inner(r % 5, 2) + 1
        s ^= v
    return s


def keyed(v):
    return inner(v % 4, 5) - v


print(outer_a(3000), outer_b(3000))
print(sorted(range(40), key=keyed)[:10])
print(outer_a(500) + outer_b(500))


class Table:
    total = 0
    for i in range(300):
        total += inner(i % 3, 1)


print(Table.total)


def mixed(rows):
    s = 0.0
    for r in range(rows):
        if r % 2:
            s += inner(r % 6, 0.5)
        else:
            s += inner(r % 6, 2)
    return s


print(mixed(4000))


def deep(d, n):
    if d == 0:
        return inner(n, 1)
    return deep(d - 1, n) + 1


t = 0
for i in range(2000):
    t += deep(i % 9, i % 4)
print(t)
