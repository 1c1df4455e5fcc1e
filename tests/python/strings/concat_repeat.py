a = "foo"
b = "bar"
print(a + b, a * 3, 3 * b, a * 0, repr(a * -2), "" * 100)
print(a + "" + b, "-".join([a, b, a]))
c = a
c += b
print(a, c)
print("x" * 5 + "y" * 2)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + a
except TypeError as e:
    print("TypeError:", e)
try:
    a * 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    a * "b"
except TypeError as e:
    print("TypeError:", e)
print("ab" "cd" 'ef')
print(str(1) + str(2.5) + str(True) + str(None) + str((1,)))
print("%s" % a + b)
s = ""
for i in range(5):
    s = s + str(i) * i
print(s)
print(len("abc" * 1000))
