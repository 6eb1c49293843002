# A list item tested for truth (`if flags[k]:` / `if not flags[k]:` / `while flags[k]`): the jit
# fuses the subscript, the bool check and the branch into one uop that exits at the subscript.
# Exits happen inside it: index out of range (IndexError raised inside the loop), negative
# indexes, items that are not bools or change type mid-loop, the list mutated, grown or rebound
# during the loop, constant and computed indexes, and both branch directions.

N = 6000


def count_true(flags):
    count = 0
    total = 0
    for k in range(len(flags)):
        if flags[k]:
            count += 1
            total += k
    return count, total


def count_false(flags):
    count = 0
    for k in range(len(flags)):
        if not flags[k]:
            count += 1
    return count


def sieve(limit):
    flags = [True for i in range(limit + 1)]
    flags[0] = False
    flags[1] = False
    p = 2
    while p * p <= limit:
        if flags[p]:
            for m in range(p * p, limit + 1, p):
                flags[m] = False
        p += 1
    return count_true(flags)


def out_of_range(n):
    flags = [True, False] * 50
    seen = 0
    try:
        for k in range(n):
            if flags[k]:
                seen += 1
    except IndexError as e:
        return seen, "IndexError", str(e)
    return seen, None


def negative_indexes(n):
    flags = [k % 3 == 0 for k in range(300)]
    hits = 0
    for k in range(n):
        if flags[-1 - (k % 300)]:
            hits += 1
        if flags[-(k % 300) - 1] and not flags[-300]:
            hits += 1000
    try:
        for k in range(n):
            if flags[-k]:
                hits += 1
    except IndexError:
        hits = -hits
    return hits


def mixed_items(n):
    # Ints, None, strs, floats and lists among the bools: truthiness is Python's.
    items = [True, False, 0, 1, None, "", "x", 0.0, 2.5, [], [0], False, True]
    hits = 0
    for k in range(n):
        if items[k % len(items)]:
            hits += 1
    return hits


def type_changes(n):
    flags = [False] * 100
    hits = 0
    for k in range(n):
        if flags[k % 100]:
            hits += 1
        if k == n // 2:
            # From here on the items are ints, then a mix.
            for j in range(100):
                flags[j] = j % 4
        if k == (3 * n) // 4:
            flags[5] = "yes"
            flags[6] = None
    return hits


def mutated(n):
    flags = [True] * 50
    hits = 0
    k = 0
    while k < n:
        if flags[k % len(flags)]:
            hits += 1
            if len(flags) < 400:
                flags.append(k % 3 == 0)  # grows while the loop runs
        else:
            flags[k % len(flags)] = True
        if k % 1000 == 999:
            flags = [False] * 10  # rebound
        k += 1
    return hits, len(flags)


def shrinking(n):
    flags = [True] * 200
    hits = 0
    try:
        for k in range(n):
            if flags[k % 200]:
                hits += 1
            if k % 50 == 49:
                flags.pop()
    except IndexError as e:
        return hits, str(e)
    return hits


def computed_index(n):
    flags = [k % 5 == 0 for k in range(101)]
    hits = 0
    for k in range(n):
        if flags[k % 100 + 1]:
            hits += 1
        if flags[3]:
            hits += 100
        if not flags[0]:
            hits += 10000
    return hits


class Holder:
    def __init__(self):
        self.flags = [k % 2 == 0 for k in range(64)]


def on_attribute(n):
    h = Holder()
    hits = 0
    for k in range(n):
        if h.flags[k % 64]:
            hits += 1
    return hits


def not_a_list(n):
    seqs = [[True, False, True], (True, False, True)]
    hits = 0
    for k in range(n):
        s = seqs[0] if k < n // 2 else seqs[1]
        if s[k % 3]:
            hits += 1
    return hits


def while_item(n):
    flags = [True] * n + [False]
    k = 0
    while flags[k]:
        k += 1
    return k


print(sieve(N))
print(sieve(30000))
print(count_false([k % 7 != 0 for k in range(N)]))
print(out_of_range(N))
print(negative_indexes(N))
print(mixed_items(N))
print(type_changes(N))
print(mutated(N))
print(shrinking(N * 2))
print(computed_index(N))
print(on_attribute(N))
print(not_a_list(N))
print(while_item(N))
