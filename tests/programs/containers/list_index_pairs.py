# x[i] and x[i] = v with both operands locals (tier 1 runs LOAD_FAST LOAD_FAST + the specialised
# subscript as one), including negative and out-of-range indexes, bools as indexes, and the
# container changing type at the site.


def read_all(x, idxs):
    out = []
    for i in idxs:
        try:
            out.append(x[i])
        except IndexError as e:
            out.append("IndexError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


L = [10, 20, 30, 40]
print(read_all(L, [0, 1, 2, 3, -1, -4, 4, -5, True, False, 2**40]))
print(read_all((1, 2, 3), [0, -1, 3]))
print(read_all("abc", [0, -1, 5]))
print(read_all({0: "zero", 1: "one"}, [0, 1]))
print(read_all(L, [1, 2]))


def write_all(x, idxs):
    out = []
    for k in range(len(idxs)):
        i = idxs[k]
        try:
            x[i] = k
        except IndexError as e:
            out.append("IndexError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return x, out


print(write_all([0, 0, 0], [0, 1, 2, -1, 3, -4, True]))
print(write_all((0, 0), [0]))
print(write_all({}, [5, "a"]))


def rev(work, k):
    lo = 0
    hi = k
    while lo < hi:
        work[lo], work[hi] = work[hi], work[lo]
        lo += 1
        hi -= 1
    return work


print(rev(list(range(10)), 9), rev(list(range(10)), 4))
