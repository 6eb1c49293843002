# Globals read inside hot functions and loops get rebound while the loop runs.
SCALE = 2
def scaled(x):
    return x * SCALE
total = 0
for i in range(200):
    total += scaled(i)
    if i == 99:
        SCALE = 3
    if i == 150:
        SCALE = 0.5
    if i % 40 == 0:
        print(i, SCALE, total)
print("total", total)
def helper(x):
    return x + 1
acc = 0
for i in range(100):
    acc = helper(acc)
    if i == 49:
        def helper(x):
            return x + 100
print("acc", acc)
LIMIT = 10
count = 0
i = 0
while i < LIMIT:
    count += 1
    i += 1
    if i == 5:
        LIMIT = 20
print("count", count)
names = ["len", "abs"]
fn = len
out = []
for i in range(6):
    out.append(fn([1, 2, 3]) if fn is len else fn(-i))
    if i == 2:
        fn = abs
print(out)
len_backup = len
def len(x):
    return -1
print(len([1, 2]), len_backup([1, 2]))
del len
print(len([1, 2]))
