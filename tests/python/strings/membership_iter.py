s = "mississippi"
print("ss" in s, "sip" in s, "xyz" in s, "" in s, "m" not in s)
print(s.count("ss"), s.count("i"), s.count(""), s.find("ss"), s.rfind("ss"))
for ch in "abc":
    print(ch, ord(ch))
print(list("hello"), tuple("hi"), set("aaa"))
it = iter("xyz")
print(next(it), next(it), next(it), next(it, "done"))
print([c * 2 for c in "abc"], "".join(sorted("banana")))
print(list(enumerate("ab")), list(zip("abc", "12")))
print(list(reversed("stressed")), "".join(reversed("stressed")))
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print(sorted(set(s)))
print(any(c.isupper() for c in "abCd"), all(c.islower() for c in "abcd"))
print(max("hello"), min("hello"), sorted("hello", reverse=True))
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
