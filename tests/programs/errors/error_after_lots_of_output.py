# Lots of output and then an uncaught error
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
for i in range(40):
    print(i, i * i, str(i) * 3)
print(int('4x'))
