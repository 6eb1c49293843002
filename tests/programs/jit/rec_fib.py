# Double recursion (fib-like) run as function-entry traces linked to each other; also called
# from a loop, with a second recursive function calling the first, and with float results.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(22))
total = 0
for i in range(18):
    total = total + fib(i)
print(total)

def trib(n):
    if n < 3:
        return 1
    return trib(n - 1) + trib(n - 2) + trib(n - 3)

print(trib(17))

def ffib(x):
    if x < 2.0:
        return x
    return ffib(x - 1.0) + ffib(x - 2.0)

print(ffib(18.5))

def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)

print(count_paths(9, 9))

def sum_fibs(k):
    s = 0
    while k > 0:
        s = s + fib(k)
        k = k - 3
    return s

for _ in range(3):
    print(sum_fibs(19))

# big ints: results past the small-int range
def big(n):
    if n < 2:
        return 1 << 62
    return big(n - 1) + big(n - 2)

print(big(16))
