# Single inheritance, overriding, Base.__init__(self, ...), super(), isinstance.
class Animal:
    kind = "animal"
    def __init__(self, name, legs):
        self.name = name
        self.legs = legs
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak() + " on " + str(self.legs) + " legs"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name):
        Animal.__init__(self, name, 4)
        self.tricks = []
    def speak(self):
        return "woof"
class Puppy(Dog):
    kind = "puppy"
    def __init__(self, name):
        super().__init__(name)
        self.tricks.append("roll")
    def speak(self):
        return super().speak() + " (squeaky)"
class Bird(Animal):
    def __init__(self, name):
        super().__init__(name, 2)
    def speak(self):
        return "tweet"
zoo = [Animal("generic", 0), Dog("rex"), Puppy("bit"), Bird("tweety")]
for a in zoo:
    print(a.describe())
    print("  ", type(a).__name__, isinstance(a, Animal), isinstance(a, Dog), isinstance(a, Puppy))
print(zoo[2].tricks, zoo[1].tricks)
print(issubclass(Puppy, Animal), issubclass(Bird, Dog), issubclass(Dog, Dog))
print(Puppy.__bases__[0].__name__, Dog.__name__, Puppy.kind, Animal.kind)
print(isinstance(zoo[2], (Bird, Dog)), type(zoo[2]) is Dog, type(zoo[2]) is Puppy)
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hello(self):
        return "Base.hello"
class Mid(Base):
    def hello(self):
        return "Mid>" + Base.hello(self)
class Leaf(Mid):
    def __init__(self):
        Mid.__init__(self)
        self.log.append("Leaf")
    def hello(self):
        return "Leaf>" + super().hello()
lf = Leaf()
print(lf.hello(), lf.log)
