# Range loops whose body is one list operation at the loop index (fill, skip, append): the JIT
# runs them as native runs; results, the loop variable afterwards and errors must match tier 1.


def fill(n, start, stop, step, v):
    a = [1] * n
    for i in range(start, stop, step):
        a[i] = v
    return a, i


def fill_const(n, step):
    a = [7] * n
    i = -1
    for i in range(0, n, step):
        a[i] = None
    return a, i


def fill_past_end(n):
    a = [0] * n
    i = None
    try:
        for i in range(n - 5, n + 5):
            a[i] = "x"
    except IndexError as e:
        return a[-7:], i, str(e)
    return a, i, "no error"


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
    for k in range(len(flags) - 1, -1, -1):
        if not flags[k]:
            count += k
    return count


def count_gaps(flags):
    gaps = 0
    for k in range(len(flags)):
        if not flags[k]:
            gaps += 1
    return gaps


def scan_until(flags, stop):
    for k in range(stop):
        if flags[k]:
            return k
    return -1


def make(n, v):
    return [v for _ in range(n)]


def make_const(n):
    return [0.5 for _ in range(10, 10 + 3 * n, 3)]


def main():
    total = 0
    for r in range(300):
        a, i = fill(40 + r % 7, r % 5, 40, 1 + r % 4, r)
        total += sum(a) + i
        a, i = fill(50, 49, -1 + r % 3, -1 - r % 3, -r)
        total += sum(a) + i
        # Negative indexes count from the end: the body takes them one at a time.
        a, i = fill(30, -10, 10, 1 + r % 2, 3)
        total += sum(a) + i
        a, i = fill_const(25 + r % 3, 1 + r % 6)
        total += a.count(None) + i
    print("fill", total)
    print("past end", fill_past_end(20))
    print("past end", fill_past_end(3))
    try:
        fill(10, 0, 10, 0, 1)
    except ValueError as e:
        print("ValueError", e)
    a, i = fill(5, 0, 5, 2, "s")
    print(a, i)
    a = [0] * 10
    i = "unset"
    for i in range(3, 3):
        a[i] = 1
    print(a, i)

    flags = [True] * 1000
    for p in range(2, 32):
        if flags[p]:
            for m in range(p * p, 1000, p):
                flags[m] = False
    print("primes", count_true(flags))
    total = 0
    for r in range(200):
        total += count_false(flags) + scan_until(flags, 100 + r) + count_true(flags[r:])[1]
    print("scan", total)
    dense = ([True] * 300 + [False]) * 3
    print("gaps", sum(count_gaps(dense) for r in range(100)), count_gaps([True, 1, False, True]))
    mixed = [False] * 50 + [0, None, "", True] + [False] * 50
    print("mixed", count_true(mixed), count_false(mixed), scan_until(mixed, 104))

    total = 0
    for r in range(300):
        total += len(make(r, r)) + sum(make(r % 50, 2)) + sum(make_const(r % 40))
    print("append", total)
    big = make(100000, True)
    print(len(big), big[0], big[-1], sum(big))
    print(make(3, "ab"), make(0, 1), make_const(2))
    # Values around the small-int limit (2**47) leave the loop on the right value.
    a = [0] * 4
    for i in range(2**47 - 3, 2**47 + 2):
        pass
    print(i)
    out = [i for i in range(2**47 - 3, 2**47 + 1)]
    print(out)
    for i in range(0, 4, 2**46):
        a[i] = 1
    print(a, i)


main()
