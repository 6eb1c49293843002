# Numerical algorithms with math: Newton's method, integration, series.
import math
def newton_sqrt(x):
    g = x / 2 if x > 1 else 1.0
    for i in range(30):
        ng = (g + x / g) / 2
        if ng == g:
            break
        g = ng
    return g
for x in (2, 10, 144, 1e10, 0.5):
    print(x, newton_sqrt(x), math.sqrt(x), abs(newton_sqrt(x) - math.sqrt(x)) < 1e-9)
def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h
print(round(integrate(math.sin, 0, math.pi, 1000), 8))
print(round(integrate(lambda x: x * x, 0, 3, 300), 8))
print(round(integrate(math.exp, 0, 1, 500), 8), round(math.e - 1, 8))
e_approx = 0.0
term = 1.0
for k in range(1, 20):
    e_approx += term
    term /= k
    if k % 4 == 0:
        print(k, e_approx, abs(e_approx - math.e))
pi_approx = 0.0
for k in range(10000):
    pi_approx += (-1) ** k / (2 * k + 1)
print(round(4 * pi_approx, 6), math.isclose(4 * pi_approx, math.pi, rel_tol=1e-3))
print(math.floor(math.log10(2 ** 100)) + 1, len(str(2 ** 100)))
