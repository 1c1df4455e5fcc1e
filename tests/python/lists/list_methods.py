a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); print(a)
a.extend([3, 5]); print(a)
a.extend(range(2)); print(a)
a.insert(0, 100); print(a)
a.insert(-1, 200); print(a)
a.insert(1000, 300); print(a)
a.insert(-1000, 400); print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1); print(a)
print(a.index(5), a.index(5, 5), a.count(5), a.count(42))
a.reverse(); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
b = a.copy(); b.clear(); print(a, b)
try:
    a.remove(999)
except ValueError as e:
    print("ValueError:", e)
try:
    a.index(999)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
c = [1, 2, 3]
print(c.__len__(), c.__getitem__(1), c.__contains__(2), c.__add__([4]), c.__mul__(2))
print(list(), list("ab"), list(range(3)), list((1, 2)), list({1: 2}), list(x for x in "xy"))
