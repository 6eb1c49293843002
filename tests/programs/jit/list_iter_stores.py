# `for x in a_list` and `for a, b in a_list` (the optimizer's fuseListIterStores:
# _FOR_ITER_LIST_CHECKED_STORE / _FOR_ITER_LIST_CHECKED_UNPACK2 after _ITER_CHECK_LIST): tuples
# and lists of two, an item that is not a pair (the unpack exits with the iterator advanced), a
# list that grows and shrinks while it is iterated, and an empty list.

N = 2000


def pair_sums(pairs):
    s = 0.0
    for a, b in pairs:
        s += a * b
    return s


def mixed_pairs():
    pairs = [(k * 0.5, k + 1.0) for k in range(50)] + [[2.0, 3.0], [4.0, 5.0]]
    total = 0.0
    for _ in range(N // 10):
        total += pair_sums(pairs)
    return total


def bad_item():
    pairs = [(1.0, 2.0)] * 3000 + [(1.0, 2.0, 3.0)] + [(4.0, 5.0)]
    try:
        pair_sums(pairs)
    except ValueError as e:
        return str(e)


def bad_item_not_sequence():
    pairs = [(1.0, 2.0)] * 3000 + [7, (4.0, 5.0)]
    try:
        pair_sums(pairs)
    except TypeError as e:
        return type(e).__name__


def growing(n):
    items = [1, 2, 3]
    seen = 0
    for x in items:
        seen += x
        if len(items) < n:
            items.append(x + 1)
    return seen, len(items)


def shrinking(n):
    items = list(range(n))
    seen = []
    for x in items:
        if x % 3 == 0 and items:
            items.pop()
        seen.append(x)
    return len(seen), sum(seen), len(items)


def nested(n):
    rows = [[k, k + 1, k + 2] for k in range(n // 10)]
    total = 0
    for row in rows:
        for v in row:
            total += v
        for a, b in [(row[0], row[1]), (row[1], row[2])]:
            total -= a * b
    return total


def empty():
    c = 0
    for _ in range(N):
        for x in []:
            c += x
        for a, b in []:
            c += a
    return c


print(round(mixed_pairs(), 6))
print(bad_item())
print(bad_item_not_sequence())
print(growing(N))
print(shrinking(N))
print(nested(N))
print(empty())
