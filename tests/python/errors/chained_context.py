def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError(f"bad key {k!r}")
print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")
