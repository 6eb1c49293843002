# RecursionError caught and execution continuing normally.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("still a RecursionError:", type(e).__name__, isinstance(e, RuntimeError))
print(deep(800))
class Node:
    def __init__(self):
        self.me = self
    def walk(self):
        return self.me.walk()
try:
    Node().walk()
except RecursionError:
    print("method recursion caught")
print("done", deep(10))
