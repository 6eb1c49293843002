# Lists grown inside traces: small items buffers are regrown by native code from its allocation
# region (copying the items), larger ones by tier 1; both must keep every item.


class P:
    def __init__(self, v):
        self.v = v


def rows(n, width):
    out = []
    row = []
    for i in range(n):
        row.append(P(i))
        if len(row) == width:
            out.append(row)
            row = []
    out.append(row)
    return out


def squares(n):
    return [i * i for i in range(n)]


def objs(n):
    return [P(i) for i in range(n)]


def main():
    total = 0
    for r in range(40):
        rs = rows(300 + r, 7 + r % 30)
        total += sum(len(x) for x in rs) + sum(p.v for p in rs[-2])
    print("rows", total)
    s = squares(5000)
    print("squares", len(s), s[0], s[999], s[1000], s[4999], sum(s))
    total = 0
    for r in range(200):
        total += sum(p.v for p in objs(r))
    print("objs", total)
    big = objs(3000)
    junk = [objs(50) for _ in range(100)]
    print("big", len(big), big[0].v, big[1023].v, big[2999].v, len(junk), junk[-1][-1].v)
    grow = []
    for i in range(20000):
        grow.append(i % 7)
    print("grow", len(grow), sum(grow))


main()
