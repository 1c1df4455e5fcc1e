it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print(list(iter("abc")), list(iter((1, 2))), list(iter({3: 4})), sorted(iter({5, 6})))
s = iter("xyz")
print(iter(s) is s)
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
data = iter([1, 2, 3, 4, 5, 6])
print(list(zip(data, data)))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
r = iter(range(3))
print(type(r).__name__, list(r), list(r))
it = iter([])
print(next(it, "empty default"))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(print, None, 1)
except TypeError as e:
    print("TypeError:", e)
