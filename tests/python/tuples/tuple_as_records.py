records = [("alice", "eng", 120), ("bob", "ops", 95), ("carol", "eng", 130), ("dan", "ops", 90), ("erin", "sales", 70)]
by_dept = {}
for name, dept, salary in records:
    by_dept.setdefault(dept, []).append((salary, name))
for dept in sorted(by_dept):
    entries = sorted(by_dept[dept], reverse=True)
    print(dept, entries, sum(s for s, _ in entries))
top = max(records, key=lambda r: r[2])
print(top)
print(sorted(records, key=lambda r: (r[1], -r[2])))
points = [(0, 0), (3, 4), (-1, 1), (2, -2)]
print(sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2))
print(tuple(map(sum, zip(*points))))
coords = {(x, y): x * y for x in range(3) for y in range(3)}
print(coords[(2, 2)], len(coords), sorted(coords)[:4])
def tup_eq(a, b):
    return a == b, a is b
print(tup_eq((1, 2), (1, 2))[0])
