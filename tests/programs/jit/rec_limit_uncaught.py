# An uncaught RecursionError out of recursion running in native code (after it got hot).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def down(n):
    if n < 0:
        return 0
    return down(n + 1) + 1

print(fib(21))
print(down(-5))
print(down(0))
print("not reached")
