s = "text"
for spec in ["", "10", "<10", ">10", "^10", "*<10", "-^11", ".2", "10.2", ">3", "^5", "=^9.1", "s"]:
    print(repr(spec), "[" + format(s, spec) + "]")
print("[" + format("", "5") + "]", "[" + format("日本", "^6") + "]")
try:
    format("x", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format("x", "=10")
except ValueError as e:
    print("ValueError:", e)
try:
    format("x", "+")
except ValueError as e:
    print("ValueError:", e)
print(format([1, 2]), format(None), format((1,), ""))
try:
    format([1, 2], "10")
except TypeError as e:
    print("TypeError:", e)
