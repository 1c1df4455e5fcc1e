s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, 3), slice(1, None, -1))
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(7))
print(slice(None, None, 2).indices(0))
data = list(range(20))
print(data[s], data[slice(None, None, 5)], data[slice(-5, None)])
class Sliceable:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", key)
        return ("index", key)
o = Sliceable()
print(o[1], o[1:2], o[::3], o[:], o[1:2, 3], o[..., 1], o[-1])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
print("abcdef"[slice(1, -1)], (1, 2, 3, 4)[slice(None, None, -2)])
