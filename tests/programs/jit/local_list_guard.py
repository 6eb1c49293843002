# Loops whose list local is never rebound get one list check before the loop (_GUARD_LOCAL_LIST)
# instead of one per subscript. Later calls pass other sequences (tuple, dict, str), so
# that check fails at the loop head; a loop that rebinds the local keeps its per-subscript checks.

N = 5000


def fill_and_count(seq, n):
    hits = 0
    for k in range(n):
        if seq[k % len(seq)]:
            hits += 1
    return hits


def store_all(seq, n, v):
    for k in range(n):
        seq[k % len(seq)] = v
    return seq[0], seq[-1]


def rebinding(n):
    a = [True, False, True]
    b = [False, False, True, True]
    cur = a
    hits = 0
    for k in range(n):
        if cur[k % 3]:
            hits += 1
        cur = b if cur is a else a
    return hits


print(fill_and_count([True, False, True, True], N))
print(fill_and_count([k % 3 == 0 for k in range(50)], N))
print(fill_and_count((True, False, False), N))
print(fill_and_count({0: False, 1: True}, N))
print(fill_and_count("ab", N))
print(fill_and_count([0, 1, 2, None, "s"], N))
print(store_all([0] * 10, N, 7))
print(store_all({k: 0 for k in range(10)}, N, 8) if False else store_all(dict.fromkeys(range(-1, 10), 0), N, 8))
try:
    print(store_all((0, 1), N, 9))
except TypeError as e:
    print("TypeError", e)
print(rebinding(N))
