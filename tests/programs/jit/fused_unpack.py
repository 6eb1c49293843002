# Fused `a, b = pair` (UNPACK_SEQUENCE 2 stored straight into two locals): tuples and lists, the
# same local twice, and a sequence of another length in the middle of the loop (exits, tier 1
# raises or unpacks it).


def run(n):
    pairs = [(k, k * 2) for k in range(10)] + [[k, -k] for k in range(5)]
    sa = 0
    sb = 0
    for i in range(n):
        a, b = pairs[i % 15]
        sa += a
        sb += b
        c, c = pairs[(i + 3) % 15]
        sa -= c
    out = [sa, sb]
    items = [(1, 2)] * 50 + [(1, 2, 3)] + [(4, 5)] * 50
    for k in range(2):
        try:
            t = 0
            for i in range(n):
                x, y = items[i % 101]
                t += x * y
        except ValueError as e:
            out.append(str(e))
            out.append(t)
    return out


print(run(6000))
