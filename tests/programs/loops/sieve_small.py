# Sieve of Eratosthenes and prime statistics.
N = 20000
is_p = [True] * (N + 1)
is_p[0] = is_p[1] = False
for i in range(2, int(N ** 0.5) + 1):
    if is_p[i]:
        for j in range(i * i, N + 1, i):
            is_p[j] = False
primes = [i for i in range(N + 1) if is_p[i]]
print(len(primes), primes[:20], primes[-5:])
gaps = {}
for a, b in zip(primes, primes[1:]):
    g = b - a
    gaps[g] = gaps.get(g, 0) + 1
print(sorted(gaps.items())[:10])
twins = 0
for i in range(len(primes) - 1):
    if primes[i + 1] - primes[i] == 2:
        twins += 1
print("twins", twins)
for lim in (10, 100, 1000, 10000, 20000):
    c = 0
    for p in primes:
        if p > lim:
            break
        c += 1
    print(lim, c)
print(sum(primes) % 1000000007)
