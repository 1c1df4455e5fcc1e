data = {"name": "Widget", "price": 9.5, "tags": ["a", "b"]}
print("{name} costs {price:.2f} tags={tags} first={tags[0]}".format(**data))
print("{0}{1}{0}".format("<", ">"), "{:}".format(7))
print("{0:{fill}{align}{width}}".format("x", fill="-", align=">", width=5))
print("{:{}{}}".format(3.14159, ">", 10))
print("{0.__class__.__name__}".format(3))
print("{!r:>10}|{!s:<6}|".format("r", "s"))
print("{:10.3}|{:.3}|".format("abcdefgh", 3.14159))
print("{0:b} {0:o} {0:x} {0:X} {0:#b}".format(10))
print("{:>{w}} {:<{w}}|".format("a", "b", w=4))
class A:
    def __getitem__(self, k):
        return k * 2
print("{0[5]} {0[ab]}".format(A()))
print("{a[0]}-{a[1]}".format(a=(1, 2)))
try:
    "{} {0}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{:c}".format(65), "{:%}".format(1), "{:.0%}".format(0.999))
print(str.format("{}-{}", 1, 2))
print("{0:>5}{0:<5}{0:^5}|".format("*"))
