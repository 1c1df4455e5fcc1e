def get_handler(name):
    handlers = {"greet": lambda: "hello"}
    return handlers.get(name)
print(get_handler("greet")())
print(get_handler("missing")())
