# Trigonometry from math, printed rounded and raw.
import math
for deg in range(0, 361, 30):
    r = math.radians(deg)
    print(deg, round(math.sin(r), 10), round(math.cos(r), 10), round(math.tan(r), 6) if deg % 180 != 90 else "inf")
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.sin(1), math.cos(1), math.tan(1))
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5))
total = 0.0
for k in range(1000):
    total += math.sin(k * 0.01) * 0.01
print(round(total, 12))
pts = [(math.cos(2 * math.pi * i / 8), math.sin(2 * math.pi * i / 8)) for i in range(8)]
for x, y in pts:
    print("%.6f %.6f %.6f" % (x, y, math.hypot(x, y)))
print(math.sqrt(sum([x * x for x, y in pts])))
