def classify(v):
    match v:
        case (int() | float()) as num if num > 100:
            return f"big number {num}"
        case int(n) | float(n):
            return f"number {n}"
        case [int() as a, int() as b] as pair:
            return f"int pair {pair} sum {a + b}"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str(s):
            return f"string {s}"
        case {"k": (1 | 2) as k}:
            return f"k is {k}"
        case _:
            return "?"
for v in [500, 5, 5.5, [1, 2], "123", "abc", {"k": 2}, {"k": 3}, [1, "x"]]:
    print(repr(v), classify(v))
x = 5
match x:
    case 1:
        pass
    case other:
        print("captured", other)
print(other)
log = []
def g(v):
    log.append(v)
    return v
match 3:
    case n if g(n) > 5:
        print("not this")
    case n if g(n * 2) > 5:
        print("second guard true")
print(log)
import math
match 3.14:
    case math.pi:
        print("pi?")
    case _:
        print("value pattern via dotted name compares equal:", math.pi == 3.14)
class Color:
    RED = 1
    GREEN = 2
match 2:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
