# A loop whose operand types change mid-way: int -> float -> str (guards fail, side exits).
def accumulate(values):
    total = values[0]
    i = 1
    while i < len(values):
        total = total + values[i]
        i = i + 1
    return total

print(accumulate([1, 2, 3] * 50))
print(accumulate([1, 2, 3] * 50 + [0.5] * 50))
print(accumulate(["a", "b"] * 40))

def mixed(n):
    x = 0
    out = []
    for i in range(n):
        if i == n // 3:
            x = float(x)
        if i == 2 * n // 3:
            x = str(x)
        if isinstance(x, str):
            x = x[:5] + "s"
        else:
            x = x + i
        out.append(x)
    return out[-1], out[n // 3 - 1], out[n // 3 + 1], out[2 * n // 3 - 1]

print(mixed(300))

def flip(n):
    acc = 0
    v = 1
    for i in range(n):
        acc = acc + v
        if i % 50 == 49:
            v = 1.25 if isinstance(v, int) else 1
    return acc

print(flip(1000))
