for s in ["1", "1.5", "-2.5e3", "1e-7", "  3.25  ", "inf", "-INF", "nan", "NaN", "1_000.5", "0x", "1e", "", "abc", "1.2.3", "--1", "1e400", "-1e400", "1e-400", "infinity", "+inf", "0.000001", "1" * 30]:
    try:
        print(repr(s), "->", repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)
class HasFloat:
    def __float__(self):
        return 2.5
class HasIndex:
    def __index__(self):
        return 3
print(float(HasFloat()), float(HasIndex()))
print(float(b"1.5") if False else "skip")
