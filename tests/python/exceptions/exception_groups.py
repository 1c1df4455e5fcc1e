eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(repr(eg), str(eg), len(eg.exceptions))
try:
    raise eg
except* ValueError as group:
    print("ValueErrors:", [str(e) for e in group.exceptions], type(group).__name__)
except* TypeError as group:
    print("TypeErrors:", [str(e) for e in group.exceptions])
try:
    raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("iv"), KeyError("k2")])])
except* KeyError as g:
    print("KeyError group:", repr(g))
except* ValueError as g:
    print("ValueError group:", repr(g))
try:
    try:
        raise ExceptionGroup("mixed", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.subgroup(lambda e: str(e).endswith("1"))))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
def f():
    out = []
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ValueError:
        out.append("handled in except*")
    return out
print(f())
derived = eg.derive([KeyError("d")])
print(repr(derived))
