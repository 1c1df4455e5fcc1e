def f():
    try:
        return {}["x"]
    except KeyError:
        raise RuntimeError("context suppressed") from None
print("start")
f()
