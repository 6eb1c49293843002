# Recursive methods: a method calling itself through self, a tree's method calling its
# children's, and a subclass overriding the recursive method.
class Node:
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right

    def total(self):
        s = self.value
        if self.left is not None:
            s = s + self.left.total()
        if self.right is not None:
            s = s + self.right.total()
        return s

    def height(self):
        l = 0 if self.left is None else self.left.height()
        r = 0 if self.right is None else self.right.height()
        return 1 + max(l, r)

def tree(d, v):
    if d == 0:
        return None
    return Node(v, tree(d - 1, 2 * v), tree(d - 1, 2 * v + 1))

t = tree(11, 1)
for _ in range(5):
    print(t.total(), t.height())

class Fib:
    def __init__(self, base):
        self.base = base

    def fib(self, n):
        if n < 2:
            return n + self.base
        return self.fib(n - 1) + self.fib(n - 2)

f = Fib(0)
print(f.fib(20))
print(Fib(1).fib(15))

class Fib2(Fib):
    def fib(self, n):
        if n < 3:
            return 1
        return self.fib(n - 1) + self.fib(n - 2)

print(Fib2(0).fib(18))
print(f.fib(18))
Fib.fib = lambda self, n: 42
print(f.fib(18))
