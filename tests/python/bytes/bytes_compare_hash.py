vals = [b"", b"a", b"ab", b"b", b"\x00", b"\xff", bytearray(b"ab")]
print(sorted(vals))
print([hash(v) == hash(bytes(v)) for v in vals if isinstance(v, bytes)])
print(b"ab" == bytearray(b"ab"), bytearray(b"ab") == b"ab", b"ab" == "ab", b"a" != b"b")
d = {b"k": 1, b"k2": 2}
print(d[b"k"], d.get(bytes([107])))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError:", e)
print(b"abc" < bytearray(b"abd"), max([b"x", b"xy", b"w"]), min(b"zyx"))
print(bytes(bytearray(b"q")), bytearray(bytes(3)), b"".join([bytearray(b"a"), b"b"]))
