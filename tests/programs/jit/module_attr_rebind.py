# Module attributes assigned and deleted (tier 1) around loops the JIT compiles: math.sqrt rebound
# to a Python function and back, a new module attribute read in a hot loop, then deleted.
import math


def norms(n):
    t = 0.0
    for i in range(n):
        x = i * 0.5
        t += math.sqrt(x * x + 1.0)
    return t


def fake_sqrt(x):
    return -x


def use_scale(n):
    s = 0
    for i in range(n):
        s += math.scale * i
    return s


print(round(norms(3000), 6))
real = math.sqrt
math.sqrt = fake_sqrt
print(round(norms(3000), 6))
math.sqrt = real
print(round(norms(3000), 6))

math.scale = 3
print(use_scale(3000))
math.scale = 2.5
print(use_scale(3000))
total = 0
for k in range(2000):
    math.scale = k % 7
    total += use_scale(5)
print(total)
del math.scale
try:
    use_scale(10)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del math.scale
except AttributeError as e:
    print("AttributeError:", e)
math.pi = 3
print(math.pi, hasattr(math, "scale"))
