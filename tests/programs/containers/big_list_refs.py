# Large lists, sets and dicts whose objects are reachable only through them: collections must find
# every ref whether refs are sparse (a few among many numbers), dense, or in hash tables.


class Box:
    def __init__(self, v):
        self.v = v


def churn(n):
    # Garbage, so collections happen while the big containers are alive.
    junk = 0
    for i in range(n):
        junk += len([i, i + 1, str(i)])
    return junk


sparse = [0.5] * 20000
for k in range(0, 20000, 4999):
    sparse[k] = Box(k)
sparse[19999] = "tail-" + str(19999)
dense = [Box(i) for i in range(5000)]
mixed = []
for i in range(30000):
    mixed.append(Box(i) if i % 700 == 0 or 10000 <= i < 10300 else i)
words = set(str(i) * 2 for i in range(3000))
table = {i: [i] for i in range(3000)}
print(churn(30000))
print(sum(b.v for b in sparse if isinstance(b, Box)), sparse[-1])
print(sum(b.v for b in dense))
print(sum(x.v if isinstance(x, Box) else 0 for x in mixed))
print(len(words), "1717" in words, sum(v[0] for v in table.values()))
print(churn(30000))
print(sparse[4999].v, dense[4321].v, mixed[10299].v, table[2999])
