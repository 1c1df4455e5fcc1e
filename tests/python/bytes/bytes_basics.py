b = b"hello world"
print(b, len(b), b[0], b[-1], b[0:5], b[::-1], b[::2])
print(type(b[0]).__name__, type(b[0:1]).__name__)
print(b + b"!", b * 2, b"x" in b, b"wor" in b, 111 in b, 300 in [] )
print(bytes(5), bytes([65, 66, 67]), bytes(range(10)), bytes("héllo", "utf-8"), bytes())
print(b.upper(), b.title(), b.split(), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith(b"ld"), b.strip(b"hd"), b"  x  ".strip())
print(b.hex(), b.hex(" "), bytes.fromhex("48 65 6c6c 6f"), b"\x00\xff".hex())
print(list(b"abc"), tuple(b"\x01\x02"), sorted(b"cab"))
print(b.decode(), b.decode("ascii"), str(b, "latin-1"))
print(b"\x00\x01\x7f\x80\xff", b"\t\n\r'\"\\", b'"', b"'")
print(repr(b"it's"), repr(b'say "x"'), repr(b"both ' \""))
print(b"abc" < b"abd", b"abc" == b"abc", b"a" < b"ab", b"" < b"\x00")
print(b"-".join([b"a", b"b", b"c"]), b",".join([]))
print(b"a,b,,c".split(b","), b"k=v".partition(b"="), b"line1\nline2".splitlines())
print(b"abc".isalpha(), b"123".isdigit(), b"ab1".isalnum(), b" ".isspace(), b"ABC".isupper())
print(b"hello"[1:3] == b"el", hash(b"abc") == hash(b"abc"))
print(b"%s=%d" % (b"k", 5), b"%x" % 255, b"%5s|" % b"ab", b"%c" % 65)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes("x")
except TypeError as e:
    print("TypeError:", e)
print(b"abc".center(9, b"*"), b"7".zfill(3), b"ab".ljust(4) + b"|")
print(bytes.maketrans(b"ab", b"xy"), b"aabb".translate(bytes.maketrans(b"ab", b"xy")))
print(b"AbC".lower(), b"AbC".swapcase(), b"hello world".capitalize())
print(b"x" * 0, b"abc".index(b"c"), b"abcabc".rfind(b"b"), b"abc".removeprefix(b"a"))
