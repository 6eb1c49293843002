# RecursionError inside a method
def helper(values):
    total = 0
    for v in values:
        total += v * 2
    return total

class Box:
    def __init__(self, item):
        self.item = item

numbers = [1, 2, 3, 4]
print("helper:", helper(numbers))
print("box:", Box("x").item)
class Walker:
    def walk(self, n):
        return self.walk(n + 1)
print('walking')
Walker().walk(0)
