def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key", "key": k}:
            return f"special key {k!r}"
        case {"type": "resize", **rest}:
            return f"resize with {sorted(rest.items())}"
        case {"type": t}:
            return f"unknown event type {t}"
        case {}:
            return "no type"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": (1, 2, 3)},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "Enter"},
    {"type": "key", "key": 13},
    {"type": "resize", "w": 10, "h": 20},
    {"type": "scroll", "extra": 1},
    {"other": 1},
    [("type", "click")],
]
for e in events:
    print(handle(e))
config = {"db": {"host": "h", "port": 5432}, "debug": True}
match config:
    case {"db": {"host": host, "port": int(port)}, "debug": bool(debug)}:
        print(host, port, debug)
class DictLike(dict):
    pass
match DictLike(a=1):
    case {"a": 1}:
        print("dict subclass matches mapping pattern")
