# A hot loop whose variable types change mid-way: int -> float -> str -> int.
acc = 0
for i in range(300):
    if i < 100:
        acc = acc + i
    elif i < 200:
        if i == 100:
            print("switch to float at", i, acc)
            acc = float(acc)
        acc = acc + i * 0.5
    elif i < 250:
        if i == 200:
            print("switch to str at", i, acc)
            acc = str(acc)
        acc = acc[-6:] + str(i % 10)
    else:
        if i == 250:
            print("switch back to int at", i, acc)
            acc = len(acc)
        acc = acc * 3 % 1000003
    if i % 25 == 0:
        print(i, type(acc).__name__, acc)
print("final", acc)
def poly(x):
    return x * x + 1
vals = [3, 2.5, True, 10 ** 20, -7, 0.1]
out = []
for rep in range(100):
    for v in vals:
        r = poly(v)
    out.append(r)
print(out[:3], out[-1])
print([poly(v) for v in vals])
def add(a, b):
    return a + b
results = []
for k in range(60):
    pair = [(k, 1), (k * 0.5, 0.25), ("s", str(k)), ([k], [0])][k % 4]
    results.append(add(pair[0], pair[1]))
print(results[:8])
print(results[-4:])
