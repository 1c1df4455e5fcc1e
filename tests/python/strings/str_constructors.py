print(str(), repr(str()), str(42), str(-3.5), str([1, "a"]), str({"k": (1,)}))
print(str(b"abc"), str(b"abc", "ascii"), str(bytearray(b"xy"), "utf-8"))
print(str(None), str(True), str(str), str(1 + 2j))
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
class R:
    def __repr__(self):
        return "only-repr"
print(str(S()), repr(S()), str(R()), [S(), R()], (S(),), {"k": S()})
print(f"{S()}", f"{S()!r}", "%s %r" % (S(), S()))
print(repr("abc"), repr('a"b'), repr("a'b"), repr("a'\"b"))
print(type(str(5)).__name__, str.__name__)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
m = MyStr("hey")
print(m, m.shout(), m + "x", type(m + "x").__name__, isinstance(m, str), len(m))
print(m == "hey", hash(m) == hash("hey"), {m: 1}["hey"])
print(str(object).startswith("<class"), str(int))
print("".join(map(str, range(10))))
