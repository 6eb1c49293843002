# Conway's game of life on a small torus.
W, H = 12, 10
grid = [[0] * W for _ in range(H)]
for x, y in [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (7, 5), (8, 5), (9, 5)]:
    grid[y][x] = 1
def step(g):
    new = [[0] * W for _ in range(H)]
    for y in range(H):
        for x in range(W):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dx or dy:
                        n += g[(y + dy) % H][(x + dx) % W]
            new[y][x] = 1 if n == 3 or (n == 2 and g[y][x]) else 0
    return new
def show(g):
    for row in g:
        print("".join(["#" if c else "." for c in row]))
show(grid)
for gen in range(1, 25):
    grid = step(grid)
    if gen % 8 == 0:
        print("generation", gen, "alive", sum([sum(r) for r in grid]))
        show(grid)
