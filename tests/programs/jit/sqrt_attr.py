# math.sqrt(x) in traces (the optimizer's fuseSqrtCalls: _GUARD_GLOBAL_IS + _CALL_SQRT_ATTR_{L,S}):
# a local or computed argument, ints, a negative argument raising ValueError inside the loop,
# the global `math` rebound to another object mid-loop.
import math

N = 3000


def roots(n):
    total = 0.0
    for i in range(n):
        x = i * 0.5
        total += math.sqrt(x)  # a local
        total += math.sqrt(x * x + 1.0)  # a computed argument
        total += math.sqrt(i)  # an int
    return round(total, 6)


def negative(n):
    total = 0.0
    errors = []
    for i in range(n):
        x = 100.0 - i * 0.1
        try:
            total += math.sqrt(x)
        except ValueError as e:
            if len(errors) < 2:
                errors.append(str(e))
            total -= 1.0
    return round(total, 6), errors


class FakeMath:
    @staticmethod
    def sqrt(v):
        return 1000.0


def module_rebound(n):
    global math
    real = math
    total = 0.0
    for i in range(n):
        if i == n // 2:
            math = FakeMath
        total += math.sqrt(4.0 * i)
    math = real
    return round(total, 6)


print(roots(N))
print(negative(N))
print(module_rebound(N))
print(roots(N))
