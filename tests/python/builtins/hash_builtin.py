print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
print(hash(0.0), hash(-0.0), hash(1.0), hash(0.5), hash(-0.5), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(1.1), hash(3.14159), hash(2.0 ** 61), hash(123456.789))
print(hash(True), hash(False), hash(None) == hash(None))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash(((1, 2), (3, 4))), hash((0.5, -1)), hash((None,)) == hash((None,)))
print(hash(1j), hash(1 + 1j), hash(complex(0.5, -2)))
print(hash(frozenset()), hash(frozenset({1})) == hash(frozenset({1})))
print(hash(range(5)) == hash(range(0, 5)), hash(b"") == hash(""))
for bad in [[], {}, set(), bytearray()]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
print(hash(-1) == hash(-2), hash(10 ** 20) == hash(10 ** 20 % (2 ** 61 - 1)))
