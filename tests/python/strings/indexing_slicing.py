s = "Hello, World!"
print(s[0], s[-1], s[7], s[-6])
print(s[0:5], s[7:], s[:5], s[-6:-1], s[::2], s[::-1], s[1::3], s[-1:-8:-2])
print(s[100:], repr(s[5:2]), s[-100:3], s[2:100])
print(len(s), len(""), len("日本"))
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
for i in range(-3, 3):
    print(i, s[i])
print(s[slice(2, 8, 2)], s[slice(None, None, -3)])
t = "abcdefghij"
for start in (None, 2, -3):
    for stop in (None, 7, -1):
        for step in (None, 2, -1, -2):
            print(start, stop, step, repr(t[start:stop:step]))
print(t[3:3], t[::100], t[::-100])
