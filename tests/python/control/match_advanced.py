def evaluate(expr):
    match expr:
        case int() | float():
            return expr
        case ("+", left, right):
            return evaluate(left) + evaluate(right)
        case ("-", left, right):
            return evaluate(left) - evaluate(right)
        case ("*", left, right):
            return evaluate(left) * evaluate(right)
        case ("neg", operand):
            return -evaluate(operand)
        case ("sum", *operands):
            return sum(evaluate(o) for o in operands)
        case _:
            raise ValueError(f"bad expr {expr!r}")
print(evaluate(("+", 1, ("*", 2, 3))))
print(evaluate(("sum", 1, 2, ("neg", 3), ("-", 10, 4))))
try:
    evaluate(("/", 1, 2))
except ValueError as e:
    print("ValueError:", e)
def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", _]:
            return "unknown direction"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb}"
for c in ["go north", "go up", "take sword shield", "take", "quit", "", "dance wildly"]:
    print(repr(c), "->", command(c))
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
match 42:
    case int(x) if x > 40:
        print("x is", x)
match (1, 2):
    case [a, b]:
        print("tuple matched list pattern", a, b)
match "abc":
    case ["a", "b", "c"]:
        print("string as sequence?")
    case str():
        print("strings don't match sequence patterns")
