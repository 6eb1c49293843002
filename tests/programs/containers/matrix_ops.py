# Matrices as nested lists: multiplication, transpose, determinant.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum([a[i][k] * b[k][j] for k in range(m)]) for j in range(p)] for i in range(n)]
def transpose(a):
    return [list(col) for col in zip(*a)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b), matmul(b, a), transpose(a))
ident = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
print(ident)
m = [[2, -1, 0, 3], [1, 4, 2, -2], [0, 5, 1, 1], [3, 0, -1, 2]]
print(matmul(m, ident) == m, det(m), det(a), det(transpose(m)))
p = m
for i in range(5):
    p = matmul(p, m)
    print(i + 2, p[0], det(p) == det(m) ** (i + 2))
f = [[0.5, 0.25], [0.125, 2.0]]
print(matmul(f, f), det(f))
