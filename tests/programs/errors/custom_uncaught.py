# A custom exception left uncaught
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
class ConfigError(Exception):
    pass
def load(name):
    if name != 'ok':
        raise ConfigError('bad config: ' + name)
    return name
print(load('ok'))
load('broken')
