# Mutual recursion: each function's entry trace calls the other's (linked or inlined).
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

c = 0
for i in range(400):
    if is_even(i % 97 + 50):
        c = c + 1
print(c)

# Hofstadter female / male sequences
def F(n):
    if n == 0:
        return 1
    return n - M(F(n - 1))

def M(n):
    if n == 0:
        return 0
    return n - F(M(n - 1))

print([F(i) for i in range(30)])
print([M(i) for i in range(30)])

def a(n, acc):
    if n <= 0:
        return acc
    return b(n - 1, acc + n)

def b(n, acc):
    if n <= 0:
        return acc * 2
    return c3(n - 2, acc - 1)

def c3(n, acc):
    return a(n, acc + 3)

t = 0
for i in range(3000):
    t = t + a(i % 40, 0)
print(t)
