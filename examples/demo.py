# A small tour of what Tessera runs: classes, closures, comprehensions, exceptions, big ints,
# string formatting, and a hot loop that tier 2 compiles to machine code.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


def make_counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


def hot_loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7
        i += 1
    return total


counter = make_counter()
counter()
print("counter:", counter(10))
print("vectors:", Vec(1, 2) + Vec(3, 4))
print("squares:", [k * k for k in range(8) if k % 2 == 0])
print("2 ** 100 =", 2 ** 100)
print("sorted words:", sorted("the quick brown fox jumps".split(), key=len))
try:
    {}["missing"]
except KeyError as e:
    print("caught KeyError:", e)
print("hot loop:", hot_loop(3_000_000))
print("pi ~ {:.6f}".format(4 * sum((-1) ** k / (2 * k + 1) for k in range(100000))))
