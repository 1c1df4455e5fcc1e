def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long: first={first} rest={rest}"
        case [first, *middle, last]:
            return f"many: {first} {middle} {last}"
for s in [[], [1], [1, 2], (1, 2, 3), [1, 2, 3, 4, 5], range(3), "ab"]:
    print(repr(s), shape(s) if not isinstance(s, str) else "str not matched as sequence: " + str(shape(s)))
def points(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on y axis at {y}"
        case (x, 0):
            return f"on x axis at {x}"
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y):
            return f"point {x},{y}"
        case (x, y, z):
            return f"3d {x},{y},{z}"
        case _:
            return "not a point"
for p in [(0, 0), (0, 5), (3, 0), (2, 2), (1, 2), [4, 5, 6], (1,), "xy"]:
    print(p, points(p))
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [[*row] , *rows]:
            return f"rows starting with {row}"
        case _:
            return None
print(nested([[1, 2], [3, 4]]), nested([[1, 2, 3], [4]]), nested(5))
match [1, 2, 3]:
    case [1, *_]:
        print("starts with 1")
match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]):
        print(a + b + c + d)
