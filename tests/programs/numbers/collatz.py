# Collatz sequences: ints getting large and small.
def steps(n):
    count = 0
    peak = n
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        if n > peak:
            peak = n
        count += 1
    return count, peak

for start in (1, 2, 3, 6, 7, 9, 27, 97, 871, 6171, 77031, 837799):
    print(start, steps(start))
best = 0
arg = 0
for i in range(1, 3000):
    c, _ = steps(i)
    if c > best:
        best, arg = c, i
print("longest below 3000:", arg, best)
print(steps(2 ** 70 + 1))
print(steps(10 ** 30 + 7))
