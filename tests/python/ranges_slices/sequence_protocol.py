class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * 10
s = Seq(5)
print(len(s), s[0], s[-1], s[1:4], s[::-2])
print(list(s), 30 in s, 35 in s, list(reversed(s)), sorted(s, reverse=True))
for x in s:
    print(x, end=" ")
print()
a, b, *c = s
print(a, b, c)
print(sum(s), max(s), list(enumerate(s))[:2])
try:
    s[7]
except IndexError as e:
    print("IndexError:", e)
class OldIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return chr(65 + i)
print(list(OldIter()), "B" in OldIter(), "".join(OldIter()))
