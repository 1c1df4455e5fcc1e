print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(3 + 4j), abs(True), abs(-(2 ** 70)))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(123.456, -1), round(5), round(5, 2), round(-0.5))
print(round(1.23456, 3), round(1e20), round(0.5 + 1e-9), type(round(1.5)).__name__, type(round(1.5, 1)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(2 ** 65, 7))
print(pow(2, 8), pow(2, -1), pow(2.5, 2), pow(2, 8, 7), pow(-2, 3, 5), pow(3, 0), pow(0, 0), pow(2, 100, 10 ** 9))
print(pow(base=2, exp=3), pow(2, 3, mod=5))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
    def __abs__(self):
        return "absolute"
    def __divmod__(self, o):
        return "dm"
    def __pow__(self, e, m=None):
        return ("pow", e, m)
print(round(R()), round(R(), 2), abs(R()), divmod(R(), 1), pow(R(), 2), pow(R(), 2, 3))
