café = 3
naïve = 4
print(café + naïve)
π = 3.14159
print(round(π * 2, 3))
def größe(x):
    return x * 2
print(größe(21))
class Ünï:
    def __init__(self):
        self.wert = "ok"
print(Ünï().wert, Ünï.__name__)
s = "héllo wörld ✓ 日本語"
print(s, len(s))
print(s.upper())
print([c for c in "日本語"])
print(ord("✓"), chr(0x2713), "\u00e9", "\N{GREEK SMALL LETTER ALPHA}")
print("\U0001F600" == chr(0x1F600), len("\U0001F600"))
print(repr("tab\there"), repr("naïve"), ascii("naïve"))
