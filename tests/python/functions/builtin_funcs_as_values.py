fns = [len, abs, str.upper, list.append, dict.get, max, print]
for f in fns:
    print(type(f).__name__, f.__name__, callable(f))
m = "abc".upper
print(m(), type(m).__name__, m.__self__, m.__name__)
lst = []
app = lst.append
for i in range(3):
    app(i)
print(lst)
print(list(map(str.strip, ["  a", "b  "])), list(map(len, ("x", "yy"))))
print(sorted(["b", "A", "c"], key=str.lower))
print(getattr("xyz", "upper")(), getattr([1, 2], "__len__")())
d = {"a": 1}
getter = d.get
print(getter("a"), getter("b", 0))
print(int("7"), float("2.5"), str(3), bool(0), list("ab"), tuple([1]))
conv = [int, float, str, bool]
print([c("1") for c in conv])
print(repr(abs), repr(len) == "<built-in function len>")
