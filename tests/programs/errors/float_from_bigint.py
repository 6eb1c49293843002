# OverflowError converting a huge int to float
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
n = 10 ** 300
print(float(n))
print(float(n * 10 ** 100))
