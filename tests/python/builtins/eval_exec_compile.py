print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'abc'.upper()"))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 3, "y": 4}), eval("x", {}, {"x": "local"}))
ns = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b", ns)
print(ns["a"], ns["b"], ns["f"](1))
exec("print('printed from exec')")
code = compile("3 ** 4", "<expr>", "eval")
print(eval(code), type(code).__name__)
code2 = compile("for i in range(3):\n    print('loop', i)", "<stmts>", "exec")
exec(code2)
g = {"__builtins__": __builtins__}
exec("import math\nr = math.sqrt(16)", g)
print(g["r"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("undefined_name_here")
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
def scope_test():
    local_v = 7
    return eval("local_v * 6")
print(scope_test())
loc = {}
exec("z = 1", None, loc)
print(loc)
print(eval("lambda q: q + 1")(1))
src = """
class K:
    v = 3
result = K.v * 2
"""
d = {}
exec(src, d)
print(d["result"])
print(eval(compile("x if x > 5 else -x", "<c>", "eval"), {"x": 3}))
