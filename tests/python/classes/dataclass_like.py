class Record:
    fields = ()
    def __init__(self, *args, **kwargs):
        for name, val in zip(self.fields, args):
            setattr(self, name, val)
        for name, val in kwargs.items():
            if name not in self.fields:
                raise TypeError(f"unknown field {name}")
            setattr(self, name, val)
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f) == getattr(other, f) for f in self.fields)
    def __iter__(self):
        return (getattr(self, f) for f in self.fields)
class Person(Record):
    fields = ("name", "age")
class Point3(Record):
    fields = ("x", "y", "z")
p = Person("ann", age=33)
print(p, p == Person("ann", 33), p == Person("bob", 33), list(p))
q = Point3(1, 2, z=3)
x, y, z = q
print(q, x + y + z)
try:
    Person(height=5)
except TypeError as e:
    print("TypeError:", e)
people = [Person("c", 5), Person("a", 9), Person("b", 1)]
print(sorted(people, key=lambda r: r.age))
print(max(people, key=lambda r: r.name))
