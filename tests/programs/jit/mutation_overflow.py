# List mutation during iteration; small ints overflowing into big ints inside a trace.
xs = list(range(20))
seen = []
for x in xs:
    seen.append(x)
    if x % 3 == 0 and len(xs) < 60:
        xs.append(x * 10)
print(len(seen), seen[-5:])

ys = [1, 2, 3, 4, 5, 6, 7, 8]
out = []
for y in ys:
    out.append(y)
    if y == 4:
        del ys[5:]
print(out, ys)

def grow(n):
    v = 1
    for i in range(n):
        v = v * 3
    return v

print(grow(20), grow(40), grow(100))

def add_past(n):
    x = 2 ** 47 - 200
    for i in range(n):
        x = x + 1
    return x

print(add_past(500))

def neg(n):
    x = -(2 ** 47) + 300
    for i in range(n):
        x = x - 1
    return x

print(neg(600))

def mul_sign(n):
    a = 1
    for i in range(n):
        a = a * -7
    return a

print(mul_sign(30))
total = 0
i = 0
while i < 3000:
    total = total + i * i * i * i
    i = i + 1
print(total)
