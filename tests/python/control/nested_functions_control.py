def outer(n):
    results = []
    def visit(k):
        if k <= 0:
            return
        results.append(k)
        for j in range(k - 1, 0, -2):
            visit(j)
    visit(n)
    return results
print(outer(6))
def make_ops():
    ops = {}
    for name, fn in [("inc", lambda x: x + 1), ("dbl", lambda x: x * 2), ("neg", lambda x: -x)]:
        ops[name] = fn
    return ops
ops = make_ops()
x = 3
for name in ["inc", "dbl", "neg", "inc"]:
    x = ops[name](x)
    print(name, x)
def early_exit(items):
    for i in items:
        if i < 0:
            return f"negative found: {i}"
        if i == 0:
            break
    else:
        return "no zero, all positive"
    return "zero found"
print(early_exit([1, 2, 3]), early_exit([1, 0, -1]), early_exit([1, -5]))
