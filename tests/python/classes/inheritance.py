class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return super().speak() + " (purr)"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak().upper()
for a in [Animal("generic"), Dog("rex"), Cat("tom"), Puppy("bit", 1)]:
    print(a.speak(), a.kind(), isinstance(a, Dog), isinstance(a, Animal))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(Puppy.__bases__, Puppy.__base__, Animal.__bases__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy("x", 2).age, hasattr(Puppy("y", 1), "name"))
print(issubclass(Dog, (Cat, Animal)), isinstance(Cat("c"), (int, Dog)))
class Base:
    def template(self):
        return f"[{self.hook()}]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
print(Dog.__subclasses__(), sorted(c.__name__ for c in Animal.__subclasses__()))
