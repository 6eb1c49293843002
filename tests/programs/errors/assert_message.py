# AssertionError with message
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
def check(v):
    assert v % 2 == 0, 'odd value: ' + str(v)
    return v
print(check(4))
print(check(7))
