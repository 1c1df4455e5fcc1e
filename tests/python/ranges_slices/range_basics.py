for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3), range(0, -10, -3)]:
    print(r, list(r), len(r), bool(r))
r = range(0, 100, 7)
print(r[0], r[-1], r[3], r[2:5], r[::-1], r[::2], r[-3:])
print(14 in r, 15 in r, r.index(21), r.count(28), r.count(29))
print(range(3) == range(0, 3), range(0) == range(5, 5), range(1, 2, 5) == range(1, 3, 5))
print(range(10).start, range(1, 10, 2).stop, range(1, 10, 2).step)
print(list(reversed(range(5))), sum(range(101)), max(range(3, 40, 4)))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(5).index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
big = range(10 ** 20)
print(len(big) if False else big[-1], 10 ** 19 in big, big[10 ** 19])
print(range(2 ** 70, 2 ** 70 + 5)[2])
print(hash(range(3)) == hash(range(0, 3, 1)))
print(list(range(5))[::-1] == list(range(4, -1, -1)))
print(range(0, 10, 2)[1:3], range(10)[::-3], range(10)[-100:100])
