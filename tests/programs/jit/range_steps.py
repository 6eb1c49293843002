# Range loops in traces (the fused range step stores the loop variable straight into a local):
# positive and negative steps, empty ranges, ranges that cross zero, and ranges at the edges of
# the small-int range (2**47), where the next value would leave it.

N = 5000


def total(start, stop, step):
    s = 0
    n = 0
    last = None
    for i in range(start, stop, step):
        s += i
        n += 1
        last = i
    return n, s, last


def stores(n, step):
    data = [0] * n
    start = 0 if step > 0 else n - 1
    stop = n if step > 0 else -1
    for k in range(start, stop, step):
        data[k] = k
    return sum(data)


def nested_empty(n):
    count = 0
    for a in range(n):
        for b in range(a % 3 - 1):  # empty for a % 3 in (0, 1)
            count += b + 1
        for c in range(5, a % 7, -2):
            count += c
    return count


B = 2**47
cases = [
    (0, N, 1),
    (N, 0, -1),
    (0, N, 7),
    (N, -N, -3),
    (-N, N, 2),
    (-3 * N, 0, 4),
    (5, 5, 1),
    (5, 4, 1),
    (4, 5, -1),
    (0, 10, 100),
    (B - 3 * N, B - 1, 3),
    (B - N, B + N, 1),
    (B - 2 * N, B - 1, N // 2),
    (-B + 2 * N, -B, -1),
    (-B + N, -B - 5, -7),
    (-B + N, -B - N, -1),
    (B - 1 - N, B - 1, 1),
    (-B + 6, -B + 1 - N, -N // 3),
    (0, B - 1, B // 3),
    (0, -B, -(B // 5)),
]
for c in cases:
    print(c[2], total(*c))
for step in (1, 2, 3, -1, -2, -5):
    print(step, stores(N, step))
print(nested_empty(N))
