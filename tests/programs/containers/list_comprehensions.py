# List/dict/set comprehensions, nested and conditional.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in "hello" if c != "l"])
print([x if x % 2 else -x for x in range(8)])
print({x: x % 3 for x in range(7)})
print(sorted({x % 4 for x in range(20)}))
words = ["apple", "bob", "kayak", "tree", "level"]
print([w for w in words if w == w[::-1]])
print({w: len(w) for w in words})
flat = [n for row in [[1, 2], [3], [], [4, 5, 6]] for n in row]
print(flat)
x = "outer"
print([x for x in "ab"], x)
pts = [(x, y) for x in range(-2, 3) for y in range(-2, 3) if x * x + y * y <= 2]
print(len(pts), pts)
print([i for i in range(5)][::-1], sum([i for i in range(101)]))
mult = [[i * j for j in range(1, 6)] for i in range(1, 6)]
for row in mult:
    print(row)
print([len(str(2 ** i)) for i in range(0, 200, 20)])
