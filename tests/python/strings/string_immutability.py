s = "abc"
t = s
s += "d"
print(s, t)
u = s.upper()
print(s, u)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    s.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
lst = list(s)
lst[0] = "Z"
print("".join(lst), s)
print(s.replace("a", "A"), s)
print(id(s) == id(s), s is s)
