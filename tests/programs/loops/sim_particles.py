# A tiny deterministic particle simulation with floats and a linear congruential generator.
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
ps = []
for i in range(20):
    ps.append([rnd() * 10, rnd() * 10, rnd() - 0.5, rnd() - 0.5])
for t in range(200):
    for p in ps:
        p[0] += p[2] * 0.1
        p[1] += p[3] * 0.1
        if p[0] < 0 or p[0] > 10:
            p[2] = -p[2]
        if p[1] < 0 or p[1] > 10:
            p[3] = -p[3]
        p[3] -= 0.01
    if t % 40 == 0:
        cx = sum([p[0] for p in ps]) / len(ps)
        cy = sum([p[1] for p in ps]) / len(ps)
        print(t, round(cx, 6), round(cy, 6))
energy = 0.0
for p in ps:
    energy += 0.5 * (p[2] * p[2] + p[3] * p[3])
print("energy", round(energy, 9))
print([round(c, 4) for c in ps[0]])
print(seed)
