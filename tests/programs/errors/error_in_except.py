# An exception raised inside an except block
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
try:
    print({}['k'])
except KeyError as e:
    print('handling', repr(e))
    print(1 / 0)
