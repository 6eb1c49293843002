# for loops with else, break, continue, nested, over various iterables.
for c in "abc":
    print(c)
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break")
for x in [1, 5, 3]:
    if x == 5:
        print("break at 5")
        break
else:
    print("not printed")
for i in range(10):
    if i % 3:
        continue
    print("multiple of 3:", i)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for x in ():
    print("never")
else:
    print("empty loop else runs")
found = None
for i in range(2, 50):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        found = i
print("largest prime below 50:", found)
primes = []
for n in range(2, 40):
    for p in primes:
        if p * p > n:
            primes.append(n)
            break
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
total = 0
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            continue
        total += v
print(total)
for i in range(3):
    pass
print(i)
