# A loop over dict items whose values are tuples of floats, with a lookup by the str key in
# another dict: the item pair is never built as a tuple (key and value come straight from
# the entry), the tuple is indexed directly, and the lookup is one helper call.
def total(points, weights):
    s = 0.0
    for name, p in points.items():
        s += weights[name] * (p[0] + p[1])
    return s


points = {f"p{k}": (k * 0.5, k * 0.25) for k in range(20)}
weights = {f"p{k}": 1.0 / (k + 1) for k in range(20)}
print(total(points, weights))
