# Closures, nonlocal, late binding, counters and function factories.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1(), c2(-50))
def make_adders():
    return [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in make_adders()])
late = [lambda: i for i in range(3)]
print([f() for f in late])
def outer():
    x = 1
    def middle():
        y = 2
        def inner():
            nonlocal x
            x += 10
            return x + y
        return inner
    f = middle()
    print("inner", f(), f(), "x now", x)
    return f
g = outer()
print(g())
def accumulator():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulator()
print([acc(v) for v in (1, 2, 3, 4)])
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(80))
def shadow():
    v = "outer"
    def read():
        return v
    v = "rebound"
    return read()
print(shadow())
