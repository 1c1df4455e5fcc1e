data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print(f"list has {n} elements")
chunks = iter([b"abc", b"de", b""])
while (chunk := next(chunks)):
    print("chunk", chunk)
results = [y for x in data if (y := x * 3) > 10]
print(results)
def f(x):
    return x * 2
vals = [v for x in range(5) if (v := f(x)) % 4 == 0]
print(vals)
print((z := 10) + z)
s = "key=value"
if (i := s.find("=")) != -1:
    print(s[:i], s[i + 1:])
count = 0
while (count := count + 1) < 5:
    pass
print(count)
print([(w, l) for w in ["a", "abc", "ab"] if (l := len(w)) > 1])
def g():
    if (r := compute()) is not None:
        return r * 2
def compute():
    return 21
print(g())
