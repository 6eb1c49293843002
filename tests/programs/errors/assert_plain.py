# AssertionError without message
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
for v in (3, 2, 1, 0):
    assert v >= 1
    print('ok', v)
