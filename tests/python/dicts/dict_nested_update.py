def deep_merge(a, b):
    out = dict(a)
    for k, v in b.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out
base = {"db": {"host": "localhost", "port": 5432}, "debug": False, "tags": ["a"]}
over = {"db": {"port": 6543, "user": "admin"}, "debug": True}
print(deep_merge(base, over))
print(base)
def flatten(d, prefix=""):
    items = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            items.update(flatten(v, key))
        else:
            items[key] = v
    return items
print(flatten({"a": {"b": {"c": 1}, "d": 2}, "e": 3}))
def get_path(d, path, default=None):
    for p in path.split("."):
        if not isinstance(d, dict) or p not in d:
            return default
        d = d[p]
    return d
cfg = deep_merge(base, over)
print(get_path(cfg, "db.port"), get_path(cfg, "db.nope", "?"), get_path(cfg, "debug"))
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def count_leaves(t):
    return 1 if not t else sum(count_leaves(v) for v in t.values())
print(count_leaves(tree))
