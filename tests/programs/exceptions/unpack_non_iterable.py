# Unpacking something that is not iterable: CPython says "cannot unpack non-iterable X object",
# while iterating it says "'X' object is not iterable".
def two(v):
    a, b = v
    return a + b


def star(v):
    a, *b = v
    return a


class C:
    pass


for v in [5, None, 1.5, C()]:
    try:
        two(v)
    except TypeError as e:
        print("two:", e)
    try:
        star(v)
    except TypeError as e:
        print("star:", e)
try:
    for x, y in [(1, 2), 3]:
        print(x, y)
except TypeError as e:
    print("for:", e)
try:
    for z in 3:
        pass
except TypeError as e:
    print("iter:", e)
total = 0
for i in range(2000):
    try:
        p, q = (i, 1) if i % 500 else i
        total += p + q
    except TypeError as e:
        total -= 1
print(total)
a, b = 7
