# Instruction pairs tier 1 runs without a second dispatch (LOAD_FAST/STORE_FAST followed by
# LOAD_FAST or LOAD_CONST, COMPARE_OP_INT/FLOAT followed by POP_JUMP_IF_FALSE/TRUE, a call's
# RESUME), including the paths where the pair does not apply.


def count_below(xs, limit):
    n = 0
    for x in xs:
        if x < limit:
            n += 1
        if not x >= limit:
            n += 100
    return n


print(count_below(list(range(50)), 20))
print(count_below([0.5 * i for i in range(50)], 7.25))
print(count_below([1, 2.5, 3, 4.5, True, False], 3))


def loop_while(n):
    i = 0
    t = 0
    while i < n and t != 77:
        t = t + i
        i = i + 1
    while not (i <= 0):
        i -= 2
    return i, t


print(loop_while(10), loop_while(100))


def unbound_second(flag):
    a = 1
    if flag:
        b = 2
    return a + b


for f in [True, True, False]:
    try:
        print(unbound_second(f))
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def unbound_after_store(flag):
    a = 5
    if flag:
        c = 3
    x = a
    y = c
    return x + y


for f in [True, False]:
    try:
        print(unbound_after_store(f))
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


print(fact(30))


def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)


try:
    deep(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(deep(500))


class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


def mixed(xs):
    n = 0
    for a in xs:
        for b in xs:
            if a < b:
                n += 1
    return n


print(mixed([3, 1, 2]), mixed([3.0, 1.5, 2.5]), mixed([Num(3), Num(1), Num(2)]))
print(mixed([1, 2.5, 2]), mixed(["b", "a", "c"]))


def loop_float(x):
    steps = 0
    while x > 1.0:
        x = x / 2.0
        steps += 1
    return steps


print(loop_float(1e300), loop_float(0.5), loop_float(float("nan")))


def flags_loop(xs):
    n = 0
    for i in range(len(xs)):
        if xs[i]:
            n += 1
        if not xs[i]:
            n += 100
    return n


print(flags_loop([True, False, True]), flags_loop([1, 0, "", "x", None, True, 0.0]))


def call_unbound(flag):
    if flag:
        x = 1
    return abs(x)


for f in [True, False]:
    try:
        print(call_unbound(f))
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


class P:
    def __init__(self, x):
        self.x = x


class Q:
    def __init__(self, x):
        self.y = 1
        self.x = x


def sum_x(objs):
    t = 0
    for o in objs:
        t += o.x
    return t


print(sum_x([P(i) for i in range(20)]), sum_x([P(1), Q(2), P(3), Q(4)] * 5))
p = P(5)
p.z = 1
print(sum_x([p, P(1)]), sum_x([P(2)] * 3))
try:
    sum_x([P(1), 5])
except AttributeError as e:
    print("AttributeError:", e)


def loops():
    out = []
    for i in range(3):
        for s in ["a", "b"]:
            for t in ("x", "y"):
                out.append(s + t + str(i))
    return out


print(loops())


def float_ops(xs, y):
    out = []
    for x in xs:
        out.append(x * y)
        out.append(x + y)
        out.append(x - y)
    return out


print(float_ops([1.5, -2.25, float("inf"), 0.0, -0.0], 2.0))
print(float_ops([1.5, float("inf"), 3, True, float("nan")], float("inf")))
print(float_ops([1, 2], 3))
