import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued")
print("x", "y", sep="-", end="!\n")
print()
print("", end="")
print(1, 2.5, None, True, [1], (2,), {3: 4}, sep="|")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5))
print(*"abc", sep=".")
print("multi\nline")
print("sep None", "ok", sep=None, end=None)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print(n)
print("tab\tseparated", "after")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=1)
except TypeError as e:
    print("TypeError:", e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("to custom", "file", file=w, sep="+")
print(w.parts)
print("unicode ✓ 日本", "emoji 🎉")
sys.stderr.write("stderr direct\n")
print(file=None, end="file None goes to stdout\n")
