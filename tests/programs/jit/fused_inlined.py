# Fused uops inside calls that traces inline: locals of the callee's frame, and exits in the middle
# of a fused op inside the callee (small-int overflow, a float check, a list index out of range),
# where tier 1 resumes in the callee frame the trace pushed.


def step(x, k):
    y = x * 3 + k  # overflows the small-int range once x is large enough
    if y > 10**30:
        y = y % 1000
    return y


def scale(v, i):
    return v[i % 8] * 0.5 + 1.0  # the item stops being a float for one index


def pick(v, i):
    return v[i]  # out of range at the end


def run(n):
    x = 1
    total = 0
    for i in range(n):
        x = step(x, i)
        total += x % 97
    fs = [0.25 * k for k in range(8)]
    fs[5] = 4
    acc = 0.0
    for i in range(n):
        acc = acc + scale(fs, i)
    data = list(range(n - 3))
    s = 0
    try:
        for i in range(n):
            s += pick(data, i)
    except IndexError as e:
        print("IndexError", e, s)
    return total, x, acc


print(run(6000))
