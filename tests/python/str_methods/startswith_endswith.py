names = ["test_one.py", "test_two.txt", "main.py", "README", "_hidden.py", "setup.cfg"]
print([n for n in names if n.endswith(".py")])
print([n for n in names if n.startswith(("test_", "_"))])
print([n for n in names if n.endswith((".txt", ".cfg"))])
s = "abcdef"
print(s.startswith("bc", 1), s.startswith("bc", 1, 2), s.endswith("de", 0, 5), s.endswith("ef", -2))
print(s.startswith(""), s.endswith(""), "".startswith(""), s.startswith("abcdefg"))
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError:", e)
