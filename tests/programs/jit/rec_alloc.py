# Recursion that allocates (tuples, lists, strings) in native code: allocation exits when the
# region is used up, and the garbage collector runs between them.
def build(d):
    if d == 0:
        return ()
    return (build(d - 1), build(d - 1))

def count(t):
    if t == ():
        return 1
    return count(t[0]) + count(t[1]) + 1

for k in range(4):
    print(count(build(12 + k)))

def perms(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i in range(len(xs)):
        rest = xs[:i] + xs[i + 1:]
        for p in perms(rest):
            out.append([xs[i]] + p)
    return out

ps = perms([1, 2, 3, 4, 5, 6, 7])
print(len(ps), ps[0], ps[-1], ps[2500])

def flatten(x):
    if isinstance(x, list):
        out = []
        for y in x:
            out = out + flatten(y)
        return out
    return [x]

def nest(d, v):
    if d == 0:
        return v
    return [nest(d - 1, v * 2), v, [nest(d - 1, v * 2 + 1)]]

print(sum(flatten(nest(11, 1))))

def chain(n):
    if n == 0:
        return None
    return [n, chain(n - 1)]

s = 0
for k in range(60):
    c = chain(300)
    while c is not None:
        s = s + c[0]
        c = c[1]
print(s)

def pairs(n):
    if n < 2:
        return (n, [n])
    a = pairs(n - 1)
    b = pairs(n - 2)
    return (a[0] + b[0], a[1] + b[1][:1])

r = pairs(22)
print(r[0], len(r[1]))
