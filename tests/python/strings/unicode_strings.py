s = "Grüße, 世界! 👋🏽"
print(s, len(s))
print([hex(ord(c)) for c in s])
print(s.upper(), s.lower(), s.casefold())
print(s[::-1])
print(s.encode("utf-8"))
print(len(s.encode("utf-8")), len(s.encode("utf-16-le")))
print(s.encode("utf-8").decode("utf-8") == s)
print("ß".upper(), "ǅ".lower(), "ǅ".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("Σ".lower(), "ΑΣ".lower(), "σς".upper())
print("é".isalpha(), "٣".isdigit(), "٣".isdecimal(), "½".isnumeric(), "½".isdigit(), "²".isdigit())
print(int("٣"), float("٣.٥"))
print("abc".isascii(), "é".isascii(), "".isascii())
print(chr(0x10FFFF) == "\U0010ffff", ord("\U0010ffff"))
print("日本語テキスト".find("テ"), "日本語テキスト"[3:5])
print("a\u0301" == "á", len("a\u0301"))
print("x".center(7, "→"), "wide".ljust(8, "。"))
print(repr("\u00a0"), "\u00a0".isspace(), "\u3000".isspace(), " a\u3000".strip())
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("latin-1"))
print(b"\xff\xfe".decode("utf-8", "replace"), b"caf\xc3\xa9".decode())
print("é".encode("ascii", "backslashreplace"), "é".encode("ascii", "xmlcharrefreplace"))
