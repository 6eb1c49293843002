# Fused uops (the jit `fuse` pass): float and small-int arithmetic whose operands are locals,
# constants or stack values and whose result goes to a local or the stack; compare+branch.
# Every loop runs past the default JIT threshold, and exits happen in the middle of fused ops.
import math

N = 6000


def float_forms(n):
    a = 1.5
    b = -0.25
    c = 0.0
    d = 0.0
    acc = 0.0
    for i in range(n):
        c = a * b  # LL -> L
        d = c + 2.0  # LC -> L
        e = 3.0 - d  # CL -> L
        acc = acc + c * d - e / 4.0  # stack and local/constant operands
        acc = acc * 0.5
        a = a + 0.001
        b = b - 0.0005
        f = (a + b) * (a - b)  # two LL pushes, SS -> L
        acc += f / a  # SL -> stack, then SS -> L
    return acc, a, b, c, d, e, f


def special_floats(n):
    out = []
    x = 1e300
    y = -0.0
    z = 0.0
    for i in range(n):
        x = x * 10.0  # reaches inf, then stays
        y = y * 2.0  # stays -0.0
        w = x - x  # inf - inf: nan
        z = z + y  # 0.0 + -0.0
        if i == n - 1:
            out.append(x)
            out.append(y)
            out.append(w)
            out.append(z)
            out.append(math.copysign(1.0, y))
            out.append(math.copysign(1.0, z))
    m = -0.0
    for i in range(n):
        m = m - 0.0  # -0.0 - 0.0 == -0.0
    out.append(math.copysign(1.0, m))
    return out


def int_overflow(n):
    x = 1
    y = 3
    steps = 0
    log = []
    for i in range(n):
        x = x * y  # leaves the small-int range after ~30 steps: exit, big int from then on
        if x > 10**40:
            log.append(x % 1000003)
            x = i
        steps = steps + 1
    s = 2**46
    t = 0
    for i in range(n):
        t = s + i  # LL: i small, s near the limit; overflow when t >= 2**47
        u = t - s
        v = -s - t  # stack/local mix going below -2**47
        if i % 1000 == 0:
            log.append((t, u, v))
    k = 2**47 - 3000
    for i in range(n):
        k = k + 1  # LC -> L overflow mid-loop
    log.append(k)
    return steps, x, log


def compares(n):
    counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    lim = n // 2
    f = 0.0
    half = n * 0.5
    for i in range(n):
        if i < lim:
            counts[0] += 1
        if i <= lim:
            counts[1] += 1
        if i == lim:
            counts[2] += 1
        if i != lim:
            counts[3] += 1
        if i > lim:
            counts[4] += 1
        if i >= 100:
            counts[5] += 1
        f = f + 1.0
        if f < half:
            counts[6] += 1
        if f >= half:
            counts[7] += 1
        if not (f > half):
            counts[8] += 1
        if f != 17.0:
            counts[9] += 1
        if f == 17.0:
            counts[10] += 1
        if f <= 3.0:
            counts[11] += 1
    return counts


def nan_compares(n):
    nan = float("nan")
    x = 0.0
    c = [0, 0, 0, 0, 0, 0]
    for i in range(n):
        if i == n // 2:
            x = nan  # every ordered relation becomes false, != true
        if x < 1e9:
            c[0] += 1
        if x >= -1e9:
            c[1] += 1
        if not (x < 1e9):
            c[2] += 1
        if x != x:
            c[3] += 1
        if x == x:
            c[4] += 1
        if not (x >= 0.0):
            c[5] += 1
        x = x + 1.0
    return c


def mixed(n):
    # int vs float comparisons and a local that changes type mid-loop
    x = 0
    total = 0.0
    hits = 0
    for i in range(n):
        if i == n // 3:
            x = 0.5  # int -> float: type guards on x exit
        if i == 2 * n // 3:
            x = 7  # and back
        if x < 2.5:
            hits += 1
        total = total + x
        x = x + 1
        if x > 1000:
            x = x - 1000
    return hits, total, x


def checked_floats(n):
    # List items are stack operands checked to be floats inside the fused op; one int item and
    # one bool item make the check exit with both operands pushed.
    v = [0.5 * k for k in range(50)]
    v[17] = 3
    v[31] = True
    acc = 0.0
    w = 1.25
    for i in range(n):
        j = i % 50
        acc = acc + v[j] * w
        acc = acc - w * v[j]
        acc = acc + v[j] / 8.0
        acc = acc + (v[j] - v[49 - j])
    return acc


def zero_division(n):
    b = 2.0
    acc = 0.0
    caught = 0
    for k in range(3):
        try:
            for i in range(n):
                if i == n - 10:
                    b = 0.0
                acc = acc + 1.0 / b  # exits at the zero divisor; tier 1 raises
                acc = acc / b
        except ZeroDivisionError as e:
            caught += 1
            print("caught", e)
            b = 2.0
    return acc, caught


def unbound(n):
    out = []
    for k in range(2):
        y = 3.0
        try:
            for i in range(n):
                if i == n - 5:
                    del y
                z = y * 2.0 + 1.0
            out.append(z)
        except UnboundLocalError as e:
            out.append(str(e))
    return out


def moves(n):
    # int arithmetic through locals: the sieve/fannkuch shapes
    a = 0
    b = 1
    s = 0
    for i in range(n):
        t = a + b
        a = b
        b = t
        if b > 100000:
            a = 0
            b = 1
        s = s + a * 2 - 1
        s = s - i
    return a, b, s


def pow2(n):
    # // and % by constant powers of two: shifts and masks, negative operands included
    acc = 0
    big = 2**46 + 12345
    for i in range(n):
        x = i - 3000
        acc += x // 2 + x % 8 - x // 1 + x % 1
        acc += (x * 7) // 16
        h = (acc * 31 + i) % 1024
        acc -= h
        q = big // 4096
        r = -big % 65536
        acc += q % 2 - r // 32768
    return acc, h, q, r


print(pow2(N))
print(float_forms(N))
print(special_floats(N))
print(int_overflow(N))
print(compares(N))
print(nan_compares(N))
print(mixed(N))
print(checked_floats(N))
print(zero_division(N))
print(unbound(N))
print(moves(N))
