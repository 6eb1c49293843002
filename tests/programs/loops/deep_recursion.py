# Recursion around depth 900 (below CPython's default limit of 1000).
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(900))
def sum_list(xs, i):
    if i == len(xs):
        return 0
    return xs[i] + sum_list(xs, i + 1)
print(sum_list(list(range(900)), 0))
def build(n):
    return [] if n == 0 else [build(n - 1)]
def measure(x):
    return 0 if not x else 1 + measure(x[0])
print(measure(build(800)))
class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n > 0 else None
        self.n = n
    def total(self):
        return self.n + (self.next.total() if self.next else 0)
print(Chain(400).total())
def ping(n):
    return n if n <= 0 else pong(n - 1)
def pong(n):
    return n if n <= 0 else ping(n - 1)
print(ping(850))
for d in (100, 500, 900):
    print(d, depth(d))
def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + [n] if n % 100 == 0 else acc)
print(count_down(900, []))
