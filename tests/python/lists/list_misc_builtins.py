a = [5, 3, 8, 1]
print(len(a), sorted(a), list(reversed(a)), a)
print(min(a), max(a), sum(a) / len(a))
print(a.__class__.__name__, isinstance(a, list), type(a) is list)
it = iter(a)
print(next(it), list(it), list(it))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(map(str, a)), list(map(pow, [2, 3], [3, 2])))
print(list(zip(a, "abcd", range(10))))
print(list(enumerate(a, 10)))
b = a
a = a + [0]
print(a, b)
class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.total(), len(m), type(m).__name__, type(m[:2]).__name__, type(m + m).__name__)
print(m == [1, 2, 3, 4], isinstance(m, list))
