# Hand-written sorting algorithms on deterministic pseudo-random data.
def lcg_list(n, seed):
    out = []
    for _ in range(n):
        seed = (seed * 48271) % 2147483647
        out.append(seed % 1000)
    return out
def bubble(xs):
    xs = xs[:]
    n = len(xs)
    swaps = 0
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
    return xs, swaps
def insertion(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        k = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > k:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = k
    return xs
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]
def quick(xs):
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return quick([x for x in xs if x < p]) + [x for x in xs if x == p] + quick([x for x in xs if x > p])
data = lcg_list(300, 7)
print(data[:15])
b, swaps = bubble(data)
print("swaps", swaps, b[:10], b[-5:])
print(insertion(data) == b, merge_sort(data) == b, quick(data) == b, sorted(data) == b)
print(merge_sort([3.5, -1, 2, 0.0, -7.25]), quick(["pear", "fig", "apple"]))
