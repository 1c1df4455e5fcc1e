text = """Line one
  Line two indented
Line three

Line five after blank"""
lines = text.splitlines()
print(len(lines))
for i, ln in enumerate(lines, 1):
    print(f"{i:>2}: {ln!r}")
print(text.count("Line"), text.index("two"))
print([ln.strip() for ln in lines if ln.strip()])
print("\n".join(ln.upper() for ln in lines[:2]))
words = text.split()
print(len(words), words[:4])
print(max(lines, key=len))
wrapped = []
line = ""
for w in ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor").split():
    if len(line) + len(w) + 1 > 20:
        wrapped.append(line)
        line = w
    else:
        line = (line + " " + w).strip()
wrapped.append(line)
print("\n".join(wrapped))
print("a\r\nb\rc\n".splitlines(), "a\r\nb\rc\n".splitlines(True))
