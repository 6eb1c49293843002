# range: len, indexing, slicing, negative steps, membership, equality.
for r in (range(5), range(2, 10), range(2, 10, 3), range(10, 0, -1), range(10, 0, -3), range(0), range(5, 5), range(-5, 5, 2)):
    print(r, len(r), list(r), 3 in r, -3 in r)
r = range(0, 100, 7)
print(r[0], r[1], r[-1], r[-2], r[5], r.index(49), r.count(14), len(r))
print(r[2:5], list(r[2:5]), r[::-1], list(r[::-4]))
print(range(10)[::-1], range(3) == range(0, 3), range(0) == range(5, 5))
print(list(range(3, -4, -1)), list(range(-3)), sum(range(1, 101)))
big = range(0, 10 ** 12, 3)
print(len(big), big[-1], 999999999999 in big, 10 ** 12 - 1 in big)
print(min(range(5, 10)), max(range(5, 10)), sorted(range(5), reverse=True))
total = 0
for i in range(100, 0, -9):
    total += i
print(total)
print(list(range(1, 20, 4)), tuple(range(3)), [i for i in range(10) if i % 3 == 0])
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    print(range(3)[5])
except IndexError as e:
    print("IndexError:", e)
