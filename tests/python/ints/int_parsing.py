print(int("42"), int("-42"), int("  17  "), int("+5"))
print(int("1_000_000"), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("101", 2), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("10", 36))
print(int("12345678901234567890123456789"))
print(int(3.99), int(-3.99), int(1e20), int(True))
print(int(), int("  -1_2_3  "))
print(int("\t\n 99 \n"))
print(int("१२३"))
for bad in ["abc", "", "1.5", "1__0", "_1", "0x", "--1", "1 2", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
class HasInt:
    def __int__(self):
        return 7
class HasIndex:
    def __index__(self):
        return 9
print(int(HasInt()), int(HasIndex()))
print(int("0", 0), int("00", 0))
try:
    int("010", 0)
except ValueError as e:
    print("ValueError:", e)
