a = {"x": [1, 2], "y": {"z": 3}}
b = {"y": {"z": 3}, "x": [1, 2]}
print(a == b, a != b, a is b)
print({} == {}, {1: 2} == {1: 2.0}, {1: 2} == {1: 3})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print("TypeError:", e)
print(len({}), bool({}), list({}.items()))
print(repr({}), str({1: {2: {3: {}}}}))
print({1: 2}.__contains__(1), {1: 2}.__getitem__(1), {1: 2}.__len__())
print(dict.__name__, type({}) is dict, isinstance({}, dict))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items()))
print(list(iter({"k": 1})), next(iter({"first": 1, "second": 2})))
d = dict(one=1, two=2)
print(d)
print(dict([(1, 2), [3, 4], "ab"]))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict(5)
except TypeError as e:
    print("TypeError:", e)
