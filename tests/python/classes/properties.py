class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)
class P2:
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 2
    x = property(get_x, set_x, doc="the x")
p = P2()
p.x = 5
print(p.x, P2.x.__doc__)
class Child(Temperature):
    @property
    def celsius(self):
        return "overridden"
print(Child(5).celsius, Child(5).fahrenheit if False else "skip")
class RO:
    @property
    def only(self):
        return 1
try:
    del RO().only
except AttributeError as e:
    print("AttributeError:", e)
