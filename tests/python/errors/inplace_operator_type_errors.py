# In-place operators name themselves (`+=`) in TypeErrors; concatenation messages do not.
for a, b, op in [(1.0, "s", "+="), (1, "s", "**="), ("s", 1, "+="), ([1], 1, "*="), (1, None, "-="), (None, 1, "//=")]:
    try:
        x = a
        exec(f"x {op} b")
    except TypeError as e:
        print(e)
class C: pass
try:
    c = C(); c += 1
except TypeError as e: print(e)
try:
    c = C(); c ** 1
except TypeError as e: print(e)
