total = 1 + \
    2 + \
    3
print(total)
values = [
    1,
    2,
    3,  # trailing comma
]
print(values)
result = (
    "implicit "
    "string "
    "concatenation"
)
print(result)
x = 1; y = 2; z = x + y
print(z)
if x: print("one-line if")
for i in range(2): print("one-line for", i)
def f(
    a,
    b=2,
):
    return a + b
print(f(
    1,
))
d = {
    "k": [
        (1, 2),
        (3, 4),
    ],
}
print(d)
s = """triple
quoted
  string"""
print(s)
print(s.count("\n"))
print('''single 'triple' "quotes"''')
cond = (x > 0 and
        y > 0)
print(cond)
