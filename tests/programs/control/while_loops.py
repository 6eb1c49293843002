# while loops with else, break and continue.
i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("loop ended normally at", i)
n = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 9:
        break
    print("odd", n)
else:
    print("not printed")
print("after break n =", n)
def find(xs, target):
    k = 0
    while k < len(xs):
        if xs[k] == target:
            print("found", target, "at", k)
            break
        k += 1
    else:
        print(target, "not found")
        return -1
    return k
print(find([4, 8, 15, 16], 15), find([4, 8], 3), find([], 1))
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
count = 0
while count < 3:
    count += 1
    inner = 0
    while inner < count:
        inner += 1
        if inner == 2:
            continue
        print("outer", count, "inner", inner)
x = 100
while x:
    x //= 3
    print(x, end=" ")
print()
