# Tier 2 native allocation under memory pressure: a hot loop makes millions of iterators and
# ranges natively, so the allocation region runs out many times and collections fall due while a
# trace runs (the trace exits, tier 1 allocates and collects at its next safepoint). Live data
# made in between must survive every collection.


def churn(n):
    keep = []
    total = 0
    row = [1, 2, 3, 4]
    for i in range(n):
        for j in range(3):
            total += j
        for x in row:
            total += x
        for y in (7, 1):
            total += y
        for z in range(i % 4, 6, 2):
            total += z
        if i % 1000 == 0:
            keep.append([i, i + 1])
    check = 0
    for pair in keep:
        for v in pair:
            check += v
    return total, len(keep), check


print(churn(700000))
