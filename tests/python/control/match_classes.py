class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
class Rect:
    def __init__(self, a, b):
        self.a, self.b = a, b
def area(s):
    match s:
        case Circle(Point(x=0, y=0), r):
            return f"origin circle r={r}"
        case Circle(center=Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(_, r):
            return f"circle area {3 * r * r}"
        case Rect(a=Point(x1, y1), b=Point(x2, y2)):
            return f"rect area {abs(x2 - x1) * abs(y2 - y1)}"
        case Point(x, y):
            return f"point {x},{y}"
        case _:
            return "unknown"
shapes = [Circle(Point(0, 0), 2), Circle(Point(1, 1), 20), Circle(Point(1, 1), 3), Rect(Point(0, 0), Point(3, 4)), Point(7, 8), "text"]
for s in shapes:
    print(area(s))
def typed(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str() as s:
            return f"str {s!r}"
        case list([int(), *_]) as l:
            return f"int list {l}"
        case dict():
            return "dict"
        case _:
            return f"other {type(v).__name__}"
for v in [True, -5, 5, 2.5, "s", [1, "a"], ["a"], {}, None]:
    print(typed(v))
try:
    match Rect(1, 2):
        case Rect(x, y):
            print("no")
except TypeError as e:
    print("TypeError:", e)
