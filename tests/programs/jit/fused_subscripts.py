# Fused list subscripts (the jit `fuse` pass): loads and stores whose list, index and value are
# locals, constants or stack words, augmented item assignments (l[k] += x), range loops storing
# the loop variable directly, and moves between locals. Exits happen inside the fused ops: index
# out of range, negative indexes, a container that stops being a list.

N = 6000


def loads(n):
    data = [k * 3 for k in range(100)]
    fl = [k * 0.5 for k in range(100)]
    total = 0
    ftotal = 0.0
    for i in range(n):
        j = i % 100
        total += data[j]  # list and index locals
        total += data[7]  # constant index
        total -= data[-1]  # negative constant index
        x = data[j]  # to a local
        total += x
        ftotal = ftotal + fl[j] * fl[99 - j]
    return total, ftotal


def stores(n):
    data = [0] * 64
    flags = [True] * 64
    v = 5
    for i in range(n):
        j = i % 64
        data[j] = v  # value, list and index locals
        data[3] = i  # constant index
        flags[j] = False  # constant value
        data[j] = data[j] + 1  # stack value
        data[-2] = j  # negative constant index
        if i % 7 == 0:
            flags[j] = True
    return sum(data), flags.count(True)


def augmented(n):
    b = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    c = [1, 2, 3]
    m = 0.001
    for i in range(n):
        b[3] += m * b[0]
        b[4] -= m * b[1]
        b[5] *= 1.0001
        c[i % 3] += 1
        c[-1] -= 1
    return b, c


def out_of_range(n):
    data = list(range(50))
    caught = []
    for k in range(3):
        try:
            for i in range(n):
                j = i - n + 40 + 10 * k  # reaches 50: IndexError
                data[j % 60] = data[j % 50] + 1
        except IndexError as e:
            caught.append((k, str(e)))
    try:
        total = 0
        for i in range(n):
            total += data[i]  # index i runs past the end
    except IndexError as e:
        caught.append(str(e))
    return caught, sum(data)


def not_a_list(n):
    # The container changes from a list to a tuple: the list check inside the fused op exits.
    seq = [1, 2, 3, 4]
    total = 0
    for i in range(n):
        if i == n // 2:
            seq = (10, 20, 30, 40)
        total += seq[i % 4]
        total += seq[2]
    return total


def ranges(n):
    s = 0
    for a in range(n):
        s += a
    for b in range(n, 0, -3):
        s -= b
    for c in range(2**47 - 5000, 2**47 + 5):  # the loop variable leaves the small-int range
        s ^= c
    last = 0
    for d in range(5):
        last = d
    # The step takes the next value out of the small-int range while the stop is a small int.
    t = 0
    for k in range(n):
        for e in range(k, 2**47 - 1, 2**46):
            t += e % 1000
        for f in range(-k, -(2**47) + 1, -(2**46)):
            t -= f % 1000
    return s, last, t


def moves(n):
    a = 1
    b = 2
    c = 0
    acc = 0
    for i in range(n):
        c = a  # local to local
        a = b
        b = c
        d = 7  # constant to local
        acc += a * d - b
    return a, b, c, acc


def const_index_exit(n):
    # A constant index goes out of range when the list is replaced by a shorter one: the fused
    # op exits with the index pushed and tier 1 raises.
    out = []
    data = [1, 2, 3, 4, 5, 6]
    t = 0
    try:
        for i in range(n):
            if i == n - 100:
                data = [1, 2]
            t += data[4]
    except IndexError as e:
        out.append((t, str(e)))
    data = [0] * 6
    try:
        for i in range(n):
            if i == n - 100:
                data = [0]
            data[3] = i
    except IndexError as e:
        out.append((data, str(e)))
    b = [0.5] * 6
    try:
        for i in range(n):
            if i == n - 100:
                b = [0.5]
            b[2] += 0.25
    except IndexError as e:
        out.append((b, str(e)))
    return out


print(const_index_exit(N))
print(loads(N))
print(stores(N))
print(augmented(N))
print(out_of_range(N))
print(not_a_list(N))
print(ranges(N))
print(moves(N))
