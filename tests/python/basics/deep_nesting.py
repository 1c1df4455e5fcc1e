import sys
nested = []
cur = nested
for i in range(40):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(repr(nested))
print(str(nested).count("["))
expr = "(" * 90 + "1" + ")" * 90
print(eval(expr))
print(eval("[" * 50 + "]" * 50))
d = {}
node = d
for i in range(30):
    node["k"] = {}
    node = node["k"]
print(str(d).count("{"))
def depth(x):
    return 1 + max((depth(y) for y in x), default=0) if isinstance(x, list) else 0
print(depth(nested))
t = ()
for i in range(25):
    t = (t, i)
print(t)
deep = []
for _ in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError as e:
    print("RecursionError:", e)
deep2 = []
for _ in range(100000):
    deep2 = [deep2]
try:
    print(deep == deep2)
except RecursionError as e:
    print("RecursionError:", e)
try:
    eval("(" * 300 + ")" * 300)
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("-" * 50 + "1"), eval("not " * 51 + "True"))
print("still alive")
