# Replacing a value in a namespace dict that holds deleted entries must not move other
# entries behind the back of cached name lookups (the table is only rebuilt on insertion of a
# new key, and a rebuild invalidates the caches).
code = compile("for _ in range(3):\n    r.append(v)\n", "<ns>", "exec")
bad = []
for n in range(2, 60):
    d = {"gone": 0, "r": [], "v": "value"}
    for j in range(n):
        d["k%d" % j] = j
    del d["gone"]
    exec(code, d)
    d["k1"] = -1
    d["v"] = "value2"
    exec(code, d)
    if d["r"] != ["value"] * 3 + ["value2"] * 3:
        bad.append((n, d["r"]))
print(bad)
print(len(d), sorted(d)[:4])
