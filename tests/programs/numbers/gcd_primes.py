# Euclid, primes by trial division, and big modular arithmetic.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True

print([gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 9), (100, 75), (2 ** 40, 6 ** 20)]])
print([p for p in range(80) if is_prime(p)])
print(sum([i for i in range(2000) if is_prime(i)]))
print(is_prime(999983), is_prime(1000001), is_prime(2 ** 31 - 1))
m = 2 ** 61 - 1
x = 3
for i in range(10):
    x = x * x % m
    print(i, x)
print(pow(3, m - 1, m) == 1)
fib = [0, 1]
while len(fib) < 100:
    fib.append(fib[-1] + fib[-2])
print(fib[90], fib[99], gcd(fib[99], fib[98]))
