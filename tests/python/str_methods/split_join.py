s = "  a  b   c  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("".split(), "".split(","), "abc".split("abc"), "a--b--c".split("--"))
print("1 2\t3\n4\x0b5".split())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
print("a\nb\r\nc".splitlines(), "one\n".splitlines(keepends=True))
print(",".join(["x", "y", "z"]), "".join([]), "-".join("abc"), " ".join(map(str, [1, 2, 3])))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("a b c d".split(" ", maxsplit=2), "a b c d".rsplit(maxsplit=2))
print("x".join(["1"]), "ab".join(("c", "d", "e")))
