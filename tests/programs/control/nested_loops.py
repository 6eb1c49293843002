# Nested loops with break/continue at different levels, search patterns.
grid = [[3, 7, 1, 9], [4, 2, 8, 6], [5, 0, 11, 10]]
target = 8
pos = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == target:
            pos = (r, c)
            break
    if pos:
        break
print("found", target, "at", pos)
for r in range(3):
    for c in range(4):
        if c > r:
            break
        print(r, c, grid[r][c])
count = 0
for a in range(1, 21):
    for b in range(a, 21):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                print("triple", a, b, c)
                count += 1
print("triples", count)
out = []
i = 0
while i < 4:
    j = 0
    while j < 4:
        if (i + j) % 3 == 0:
            j += 1
            continue
        out.append(i * 10 + j)
        j += 1
    i += 1
print(out)
for i in range(3):
    for j in range(3):
        for k in range(3):
            if i == j == k:
                print("diag", i)
            elif i + j + k == 7:
                print("sum7", i, j, k)
