data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
nums = [5, -2, 9, 0, -7, 3]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda x: x % 3)
print(nums)
stable = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
print(sorted(stable, key=lambda t: t[0]))
print(sorted(stable, key=lambda t: t[0], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted([1]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None].sort()
except TypeError as e:
    print("TypeError:", e)
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"V{self.v}"
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5)], key=lambda x: x.v))
big = list(range(1000, 0, -7))
big.sort()
print(big[:5], big[-5:], len(big))
print(sorted("hello world"), sorted({3: 1, 1: 2}), sorted((2.5, 1, 3)))
lst = [9, 8, 7]
r = lst.sort()
print(r, lst)
