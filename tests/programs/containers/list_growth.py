# Lists that grow: appends, comprehensions, extend and repeat. The items buffer grows in place
# when it can and moves otherwise (two lists growing in turn, garbage in between, collections).

def grow_alternating(n):
    a = []
    b = []
    for k in range(n):
        a.append(k)
        b.append(-k)
        if k % 300 == 0:
            junk = [str(k)] * 50  # garbage between the two buffers
    return len(a), sum(a), len(b), sum(b), a[-1], b[n // 2]


def grow_and_drop(rounds, n):
    out = []
    for r in range(rounds):
        big = [r + k for k in range(n)]
        small = [k for k in range(r * 10)]
        out.append((len(big), big[0], big[-1], sum(big), len(small)))
    return out


def extend_self(n):
    a = [1, 2, 3]
    while len(a) < n:
        a.extend(a)
        a += [len(a)]
    return len(a), sum(a), a[-1]


def nested(n):
    rows = []
    for i in range(n):
        rows.append([i] * (i % 17))
        rows[i // 2].append(i)
    return sum(len(r) for r in rows), sum(sum(r) for r in rows)


print(grow_alternating(3000))
print(grow_and_drop(4, 3000)[-2:])
print(extend_self(5000))
print(nested(400))
