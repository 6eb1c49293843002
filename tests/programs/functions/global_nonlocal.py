# global vs nonlocal vs local, and functions that read globals changed later.
g = 1
def read_g():
    return g
def set_g(v):
    global g
    g = v
print(read_g())
set_g(42)
print(read_g(), g)
g = "rebound at module level"
print(read_g())
def counter_factory():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return step, peek
step, peek = counter_factory()
step()
step()
print(peek(), step(), peek())
def uses_global_list():
    items.append(len(items))
items = []
for _ in range(4):
    uses_global_list()
print(items)
def declare_later():
    global later
    later = "defined"
declare_later()
print(later)
x = 10
def nested():
    x = 20
    def inner():
        global x
        x += 1
        return x
    return inner(), x
print(nested(), x)
def local_only():
    y = 5
    y += 1
    return y
print(local_only(), local_only())
