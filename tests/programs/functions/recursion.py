# Recursive functions: factorial, fibonacci, hanoi, permutations, ackermann.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fact(i) for i in range(12)], fact(30))
print([fib(i) for i in range(20)])
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(4, "A", "C", "B")
print(len(moves), moves[:6])
def perms(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
print(perms([1, 2, 3]), len(perms([1, 2, 3, 4, 5])))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print([[ack(m, n) for n in range(4)] for m in range(3)])
def depth(x):
    return 1 + max([depth(y) for y in x]) if isinstance(x, list) and x else 0
print(depth([]), depth([1]), depth([[1], [[2]]]), depth([[[[[]]]]]))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    r = []
    for y in x:
        r += flatten(y)
    return r
print(flatten([1, [2, [3, [4, 5]], 6], [[7]]]))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(301))
def binsearch(xs, t, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == t:
        return mid
    return binsearch(xs, t, mid + 1, hi) if xs[mid] < t else binsearch(xs, t, lo, mid - 1)
xs = list(range(0, 100, 3))
print([binsearch(xs, t, 0, len(xs) - 1) for t in (0, 3, 50, 51, 99, 100)])
