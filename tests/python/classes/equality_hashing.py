class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, a != b, hash(a) == hash(a))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(EqOnly(1) == EqOnly(1), EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
class EqHash(EqOnly):
    def __hash__(self):
        return hash(self.v)
print(len({EqHash(1), EqHash(1), EqHash(2)}))
class NeCustom:
    def __eq__(self, o):
        return True
    def __ne__(self, o):
        return "custom ne"
print(NeCustom() == 1, NeCustom() != 1)
class OnlyEq:
    def __eq__(self, o):
        return False
print(OnlyEq() != OnlyEq())
class Child(EqHash):
    pass
print(hash(Child(5)) == hash(5))
print([EqOnly(3)].count(EqOnly(3)), EqOnly(4) in [EqOnly(4)], [EqOnly(1)].index(EqOnly(1)))
x = EqOnly(1)
print(x in [x], [x] == [x])
class Weird:
    def __eq__(self, o):
        raise ValueError("no compare")
w = Weird()
print(w in [w])
try:
    w in [Weird()]
except ValueError as e:
    print("ValueError:", e)
