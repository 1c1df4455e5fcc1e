print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{x} {y}".format(x=1, y=2))
print("{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3 + 4j))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*^11}".format("mid"), "{:08.3f}".format(3.14159), "{:+d}".format(5))
print("{0:{1}}|".format("w", 6), "{:{}.{}f}".format(2.71828, 10, 2))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{{literal}} {}".format("x"))
print("{:,}".format(1234567890), "{:_b}".format(255), "{:#o}".format(8))
print("{:%}".format(0.25), "{:.1%}".format(0.12345), "{:e}".format(12345.678))
class P:
    x = 3
    y = [1, 2]
print("{p.x} {p.y[1]}".format(p=P()))
for bad in ["{", "}", "{0", "{1}", "{a}", "{0!x}", "{:q}"]:
    try:
        print(bad.format(1))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print("{} {}".format(*"ab"), "{a}{b}".format(**{"a": 1, "b": 2}))
print("{:d}".format(True), "{:s}".format("s"), "{}".format(None))
