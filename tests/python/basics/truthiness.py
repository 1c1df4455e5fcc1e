values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {0: 0}, None, True, False, 0j, 1j, range(0), range(1), set(), {0}, b"", b"\x00"]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
class Z:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class L2:
    def __len__(self):
        return 3
class Plain:
    pass
print(bool(Z()), bool(L()), bool(L2()), bool(Plain()))
print(not Z(), not L2())
print(0 or "default", 5 or "x", "" and 1, 2 and 3)
print(None or [] or 0, 1 and [] and 3)
x = [] or {} or "end"
print(x)
