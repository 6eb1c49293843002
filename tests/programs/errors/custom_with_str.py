# A custom exception with __str__
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
class Oops(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return 'oops code %d' % self.code
for c in range(3):
    print('code', c)
raise Oops(42)
