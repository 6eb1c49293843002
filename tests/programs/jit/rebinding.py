# Globals and class attributes rebound while a trace runs; a method redefined on the class.
SCALE = 2

def use_global(n):
    global SCALE
    total = 0
    for i in range(n):
        total = total + SCALE * i
        if i == n // 2:
            SCALE = 3
    return total

print(use_global(400))
SCALE = 10
print(use_global(400))

class Counter:
    step = 1
    def __init__(self):
        self.value = 0
    def bump(self):
        self.value = self.value + Counter.step
        return self.value

c = Counter()
for i in range(300):
    c.bump()
    if i == 100:
        Counter.step = 5
print(c.value)

def bump2(self):
    self.value = self.value - 1
    return self.value

for i in range(300):
    if i == 150:
        Counter.bump = bump2
    c.bump()
print(c.value)

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

pts = [P(i, i * 2) for i in range(200)]
s = 0
for k in range(5):
    for p in pts:
        s = s + p.x + p.y
        p.x = p.y
print(s)
q = P(1, 2)
q.z = 3
pts.append(q)
s = 0
for p in pts:
    s = s + p.x
print(s)
