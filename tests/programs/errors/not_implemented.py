# NotImplementedError from an abstract method
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
class Shape:
    def area(self):
        raise NotImplementedError('subclass must implement area')
class Sq(Shape):
    def area(self):
        return 4
print(Sq().area())
print(Shape().area())
