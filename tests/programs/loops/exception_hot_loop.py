# An exception raised from deep inside a hot loop and caught outside.
def work(limit):
    total = 0
    for i in range(100000):
        total += i % 7
        if total > limit:
            raise OverflowError("limit %d passed at i=%d total=%d" % (limit, i, total))
    return total
for lim in (10, 1000, 50000, 10 ** 9):
    try:
        print("finished", work(lim))
    except OverflowError as e:
        print("caught:", e)
def find(xs, t):
    for i in range(len(xs)):
        if xs[i] == t:
            raise StopIteration(i)
try:
    find(list(range(0, 3000, 3)), 2340)
except StopIteration as e:
    print("found at", e.args[0])
count = 0
for i in range(2000):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        count += 1
    except ValueError as e:
        count -= e.args[0] % 2
print("count", count)
def nested_loops():
    for i in range(50):
        for j in range(50):
            if i * j == 1200:
                raise KeyError((i, j))
try:
    nested_loops()
except KeyError as e:
    print("KeyError", e)
