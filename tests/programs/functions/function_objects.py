# Functions as first-class objects: attributes, dispatch tables, returning functions.
def greet(name):
    return "hello " + name
alias = greet
print(alias("bob"), alias is greet, greet.__name__, alias.__name__)
def pipeline(*fns):
    def run(x):
        for f in fns:
            x = f(x)
            print("  ->", x)
        return x
    return run
p = pipeline(lambda s: s.strip(), str.upper, lambda s: s + "!", len)
print(p("  shout  "))
handlers = {}
def register(name):
    def deco(fn):
        handlers[name] = fn
        return fn
    return deco
@register("double")
def double(x):
    return 2 * x
@register("neg")
def neg(x):
    return -x
for key in ("double", "neg", "double"):
    print(key, handlers[key](21))
print(sorted(handlers), double(4), neg(4))
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter()
counter()
print(counter.calls)
def trace(fn):
    def wrapped(*args):
        print("call", fn.__name__, args)
        r = fn(*args)
        print("ret", r)
        return r
    return wrapped
@trace
def add(a, b):
    return a + b
add(2, 3)
add("x", "y")
print(callable(add), callable(3))
