# Int operations that leave the small-int range on every iteration or call, with nothing after
# them that would bring the result back (no modulus): each exit is taken in the operation's failure
# path, so a side trace from there would fail the same way at once. Tier 1 finishes each one.
def spread(n):
    acc = 0
    x = 3
    for i in range(n):
        big = x * 99999999999999
        acc = acc + (big >> 40) + i
    return acc


def scale(x):
    return x * 99999999999999 + 1


def calls(n):
    total = 0
    for i in range(n):
        total = total + (scale(i) >> 45)
    return total


def grow(n):
    # Every iteration's sum overflows, and the product after it too.
    total = 0
    base = 2 ** 47 - 10
    for i in range(n):
        v = base + i
        total = total + (v * v) % 1000
    return total


def append_many(n):
    # list.append with a full buffer exits to tier 1 (which grows the list), often.
    out = []
    for i in range(n):
        out.append(i * i)
    return len(out), out[-1]


print(spread(20000))
print(calls(20000))
print(grow(20000))
print(append_many(100000))
