data = {
    "users": [
        {"name": "ann", "age": 31, "tags": ["a", "b"]},
        {"name": "bob", "age": 25, "tags": []},
        {"name": "cy", "age": 40, "tags": ["c"]},
    ],
    "meta": {"count": 3, "ok": True, "ratio": 0.75, "none": None},
}
print(data)
print(data["users"][0]["tags"][1])
print(sum(u["age"] for u in data["users"]))
oldest = max(data["users"], key=lambda u: u["age"])
print(oldest["name"])
for u in sorted(data["users"], key=lambda u: u["name"], reverse=True):
    print(u["name"], len(u["tags"]))
data["users"][1]["tags"].append("z")
print(data["users"][1])
matrix = [[i * j for j in range(4)] for i in range(4)]
print(matrix)
print([row[2] for row in matrix])
print(list(zip(*matrix)))
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[1][1] = 5
print(bad)
tree = (1, (2, (4, None, None), (5, None, None)), (3, None, (6, None, None)))
def walk(t, depth=0):
    if t is None:
        return
    print("  " * depth + str(t[0]))
    walk(t[1], depth + 1)
    walk(t[2], depth + 1)
walk(tree)
