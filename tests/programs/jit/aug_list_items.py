# Augmented assignments to float list items (`c[i] op= v`, the optimizer's fuseAugItems into
# _AUG_LIST_ITEM_*_FLOAT_{C,L}): the value is computed before the item is loaded, and every
# failure resumes tier 1 at the start of the statement. Exits: an item that becomes an int (after
# the trace stored floats there), the same list on both sides (aliasing), a zero divisor, an
# index out of range, a container that is not a list any more, negative local indexes.

N = 3000


def pairs_step(pairs, dt, steps):
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            m = b2[2] * dt
            b1[1] -= dx * m
            b1[0] += b1[1] * dt
            b2[1] += dx * dt
            b2[0] *= 1.0000001


def run_pairs():
    a = [1.0, 0.5, 2.0]
    b = [0.0, -0.5, 3.0]
    c = [2.5, 0.1, 1.5]
    # (a, a): b1 and b2 are the same list
    pairs = [(a, b), (b, c), (a, c), (a, a)]
    pairs_step(pairs, 0.001, N)
    return [round(x, 9) for x in a + b + c]


def item_becomes_int(n):
    data = [0.5, 1.5, 2.5, 3.5]
    out = []
    for i in range(n):
        k = i % 4
        data[k] += 0.25 * 2.0
        data[1] -= 0.125
        if i == n // 2:
            data[1] = 7  # an int where the trace stored floats
            data[k] = 3
        out.append(data[1])
    return [round(x, 6) for x in data], type(data[1]).__name__, round(sum(out), 6)


def local_indexes(n):
    v = [1.0] * 8
    acc = 0.0
    for i in range(n):
        j = i % 8 - 4  # negative indexes too
        w = 0.001 * i
        v[j] += w
        v[j] *= 0.5
        v[j] -= w * w
        acc += v[j]
    return round(acc, 6), [round(x, 6) for x in v]


def zero_divisor(n):
    v = [1.0, 2.0, 3.0]
    caught = 0
    for i in range(n):
        d = float(i % 50)
        k = i % 3
        try:
            v[k] /= d * 1.0
        except ZeroDivisionError:
            caught += 1
            v[i % 3] = 1.5
        v[0] /= 1.0 + 0.0001
    return caught, [round(x, 6) for x in v]


def out_of_range(n):
    v = [1.0, 2.0, 3.0]
    errors = 0
    for i in range(n):
        if i == n - 100:
            v.pop()
        try:
            v[2] += 0.5 * 2.0
        except IndexError:
            errors += 1
        v[0] -= 0.5
    return errors, v


def divide(v, ds):
    for d in ds:
        e = d * 1.0
        v[2] /= e * d  # a product of two float locals (C_MUL)
        v[0] /= d
        v[1] /= d * 2.0
    return v


def zero_divisor_in_trace():
    ds = [1.001] * 5000 + [0.0, 2.0]
    v = [3.0, 5.0, 7.0]
    try:
        divide(v, ds)
    except ZeroDivisionError as e:
        return "ZeroDivisionError", str(e), v


class Box:
    def __init__(self):
        self.items = {}

    def __getitem__(self, k):
        return self.items.get(k, 0.0)

    def __setitem__(self, k, x):
        self.items[k] = x + 100.0


def not_a_list(n):
    c = [0.0, 0.0]
    seen = []
    for i in range(n):
        if i == n // 2:
            c = Box()
        c[1] += 0.5 * 2.0
        if i % 500 == 0:
            seen.append(c[1])
    return seen


def ints_and_mixed(n):
    # int items and a float value: not the float form; an int value with float items
    v = [1, 2, 3]
    w = [1.0, 2.0]
    for i in range(n):
        v[1] += 2
        w[0] += 1
        w[1] += 0.5 * 1.0
    return v, w


print(run_pairs())
print(item_becomes_int(N))
print(local_indexes(N))
print(zero_divisor(N))
print(zero_divisor_in_trace())
print(out_of_range(N))
print(not_a_list(N))
print(ints_and_mixed(N))
