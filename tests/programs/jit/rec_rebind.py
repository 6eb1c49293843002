# A recursive function rebound (its global reassigned) while its recursion runs in native code,
# and one whose name is redefined by a new def.
def f(n):
    if n < 2:
        return n
    return f(n - 1) + f(n - 2)

def other(n):
    return 1000

print(f(20))
keep = f
calls = 0

def g(n):
    global calls, g
    calls = calls + 1
    if calls == 9000:
        g = other
    if n < 2:
        return n
    return g(n - 1) + g(n - 2)

print(g(20))
print(calls)
print(keep(18))
f = other
print(keep(18))
f = keep
print(keep(18))

def h(n):
    if n < 2:
        return 1
    return h(n - 1) + h(n - 2)

print(h(19))
hh = h
def h(n):
    return 7
print(hh(19))

def r(n):
    if n < 2:
        return n
    return r(n - 1) + r(n - 2)

results = []
for k in range(6):
    results.append(r(16))
    if k == 2:
        saved = r
        r = lambda n: -1
print(results)
r = saved
print(r(16))
