# from-imports and aliases of math.
from math import sqrt, pi, floor, ceil
from math import gcd as greatest_common_divisor
import math as m
print(sqrt(49), pi, floor(-1.5), ceil(-1.5))
print(greatest_common_divisor(84, 36), m.sqrt(2) == sqrt(2), m.pi == pi)
def hyp(a, b):
    return sqrt(a * a + b * b)
for a, b in ((3, 4), (5, 12), (1, 1), (8, 15)):
    print(a, b, hyp(a, b))
def circle(r):
    return round(pi * r * r, 4), round(2 * pi * r, 4)
print([circle(r) for r in range(1, 5)])
print(type(sqrt).__name__, sqrt.__name__)
import math
print(math.sqrt is sqrt, math.floor(7.99), m is math)
vals = [floor(x / 3) for x in range(-6, 7)]
print(vals)
print(sorted([sqrt(x) for x in (9, 4, 1)]))
lcm = lambda a, b: a * b // greatest_common_divisor(a, b)
print(lcm(4, 6), lcm(21, 6), m.lcm(4, 6) if hasattr(m, "lcm") else 12)
