# Functions that return None implicitly, pass statements, empty bodies.
def nothing():
    pass

def early(x):
    if x:
        return
    print("early: fell through")

def explicit():
    return None

print(nothing())
print(early(1))
print(early(0))
print(explicit())
result = [nothing(), explicit(), early(True)]
print(result)
print(result.count(None))

class Empty:
    pass

e = Empty()
e.value = 3
print(e.value)
print(type(e).__name__)

for i in range(3):
    pass
print(i)

if True:
    pass
else:
    print("no")

while False:
    pass
print("None repr:", repr(None), str(None))
print([None] * 3)
print({None: 1}[None])
x = print("side effect")
print(x)
