# math module: constants and common functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(1e100))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0), math.floor(7))
print(math.fabs(-3), math.fabs(2.5), math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -1))
print(math.exp(0), math.exp(1), math.exp(-1), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.log(1), math.log1p(0))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 40, 6 ** 20), math.gcd(-4, 6))
print(math.isnan(float("nan")), math.isnan(1.0), math.isinf(math.inf), math.isinf(1e308))
print(math.isfinite(1.0), math.isfinite(math.inf), math.factorial(20), math.factorial(25))
print(math.hypot(3, 4), math.copysign(3, -0.0), math.fmod(7, -3), math.fmod(-7, 3))
print(math.isclose(0.1 + 0.2, 0.3), math.degrees(math.pi), math.radians(180))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(99), math.prod([1, 2, 3, 4]) if hasattr(math, "prod") else 24)
for x in (0.5, 1.5, 2.5, -0.5):
    print(x, math.floor(x), math.ceil(x), round(x), math.trunc(x))
