s = {1, 2, 3}
for name, fn in [("remove missing", lambda: s.remove(9)), ("pop empty", lambda: set().pop()),
                 ("unhashable add", lambda: s.add([1])), ("unhashable in", lambda: [1] in s),
                 ("bad union", lambda: s | [1]), ("bad update", lambda: s.update(5)),
                 ("frozenset add", lambda: frozenset().add(1)), ("index", lambda: s[0])]:
    try:
        fn()
        print(name, "no error")
    except Exception as e:
        print(name, type(e).__name__ + ":", e)
print(s.union(), s.intersection(), s.difference(), s.copy() == s, s.copy() is s)
t = set("aaa")
t.update("bb", ["c"])
print(sorted(t), len(t))
print(set(range(5)).difference([1], (2,), {3}), set(range(5)).intersection(range(3), [0, 1, 9]))
print({1, 2}.symmetric_difference([2, 3]), {1}.union((2,), [3], {4: None}))
print(frozenset({1, 2}) == {1, 2}, {frozenset({1}): "ok"}[frozenset([1])])
