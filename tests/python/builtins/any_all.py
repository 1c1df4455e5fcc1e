print(any([]), all([]), any([0, 0]), all([1, 1]), any([0, 1]), all([1, 0]))
print(any("abc"), all(""), any([None, "", 0.0, 0j]), all([1, "x", [0]]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(x) for x in [0, 0, 1, 1]))
print(all(noisy(x) for x in [1, 0, 1]))
print(any(x > 10 for x in range(20)), all(x < 20 for x in range(20)))
print(all(c.isalpha() for c in "hello"), any(c.isdigit() for c in "hello"))
print(any([[]]), all([[]]), any(iter([False, True])))
