for args in [(10, 0, -1), (10, 0, -3), (0, 10, -1), (-1, -10, -2), (5, -5, -5), (3, 3, -1), (-10, -1, 4)]:
    r = range(*args)
    print(args, list(r), len(r), r[0] if r else None, r[-1] if r else None, list(r[::-1]) == list(reversed(r)))
r = range(100, 0, -7)
print(r[2:5], r[::-2][:3], list(r[-3:]), 93 in r, 94 in r, r.index(2), r.count(100))
print(range(0, -5, -1) == range(0, -5, -1), range(5, 0, -1)[1:3])
print(sum(range(-50, 51)), list(range(-3, 3))[::-1], min(range(7, -8, -3)))
