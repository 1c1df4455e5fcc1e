def t(name, val):
    print("call", name)
    return val
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", 0))
print(t("a", 3) or t("b", 4))
print(not t("a", ""))
print(t("a", 1) and t("b", 0) or t("c", 5))
print(t("a", 0) or t("b", 1) and t("c", 0))
print(True and False, True or False, not True, not False)
print(True == 1, False == 0, True is True)
print(isinstance(True, int), True + 1, True * 3.5)
print(bool("False"), bool(0.0), bool(-0.0))
print([] and "never", [0] and "yes")
print(str(True), repr(False), int(True), float(False))
print(True & False, True | False, True ^ True, ~True)
print(type(True & True).__name__, type(True + True).__name__)
x = None
y = x or 10
print(y)
z = x is None and "none" or "some"
print(z)
print(all([]), any([]), all([1, 1]), any([0, 0, 1]))
