from dataclasses import dataclass, field, asdict, replace
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
@dataclass
class Bag:
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
p = Point(1, 2)
print(p, p == Point(1, 2), asdict(p), replace(p, y=5))
print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]))
v = Version(2)
try:
    v.major = 3
except Exception as e:
    print(type(e).__name__, e)
b = Bag()
b.items.append(1)
print(b, Bag(), hash(Version(1)) == hash(Version(1)))
