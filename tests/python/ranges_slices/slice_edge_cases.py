seq = list(range(10))
cases = [(None, None, None), (None, None, -1), (-1, None, -1), (0, 0, 1), (9, -11, -1), (-11, 11, 1), (3, 1, 1), (3, 1, -1),
         (None, 3, -1), (3, None, -1), (100, None, -1), (-100, None, 1), (None, -100, -1), (2, 8, 3), (8, 2, -3), (1, -1, 4)]
for a, b, c in cases:
    print((a, b, c), seq[a:b:c], "".join("abcdefghij"[a:b:c]), tuple(seq)[a:b:c] == tuple(seq[a:b:c]))
print(seq[True:], seq[:False])
class Idx:
    def __index__(self):
        return 3
print(seq[Idx()], seq[Idx():], "hello"[Idx()])
try:
    seq[1.0]
except TypeError as e:
    print("TypeError:", e)
try:
    seq[1.0:2]
except TypeError as e:
    print("TypeError:", e)
