texts = ["ascii only", "café", "日本語", "emoji 🎉", "mixed é 日 🎉", "", "\x00\x7f\x80"]
for t in texts:
    u8 = t.encode("utf-8")
    print(repr(t), len(t), len(u8), u8, u8.decode("utf-8") == t)
for t in texts[:2]:
    print(t.encode("latin-1"), t.encode("utf-16-le"), t.encode("utf-32-be")[:12])
print("ab".encode("utf-16"), "ab".encode("utf-8-sig"))
print(b"\xe6\x97\xa5".decode(), b"\xc3\xa9".decode("latin-1"))
bad = b"ok\xffok\xc3"
print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "ignore"), bad.decode("utf-8", "backslashreplace"))
print(bad.decode("latin-1"))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e.start, e.end, e.reason)
try:
    "日本".encode("latin-1")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.start, e.end, e.reason)
print("\u20ac".encode("cp1252"), b"\x80".decode("cp1252"))
