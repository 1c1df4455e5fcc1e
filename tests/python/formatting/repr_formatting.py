vals = [1, -1.5, "s", "it's", 'q"q', b"b", b"'\"", None, True, [1, "a"], (1,), (), {"k": [1, 2]}, {1, 2}, frozenset({3}), set(), frozenset(), range(5), range(1, 10, 2), slice(1, 2), slice(None), 1 + 2j, [[]], [()], ((),), {}, [None, ...], NotImplemented, bytearray(b"xy"), str, int, type, Ellipsis]
for v in vals:
    print(repr(v), str(v))
lst = [1, 2]
lst.append(lst)
print(lst)
d = {"a": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
