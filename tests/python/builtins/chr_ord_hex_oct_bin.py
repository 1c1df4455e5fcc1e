print(chr(65), chr(97), chr(48), chr(8364), chr(128512), ord("A"), ord("€"), ord("😀"))
print(hex(255), hex(-255), hex(0), hex(2 ** 70), oct(8), oct(-8), oct(0), bin(5), bin(-5), bin(0), bin(2 ** 40))
class I:
    def __index__(self):
        return 10
print(hex(I()), oct(I()), bin(I()))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
print([hex(b) for b in b"\x00\x7f\xff"])
print((255).__format__("x"), format(255, "#06x"), f"{255:#b}")
print(ascii("abc"), ascii("é"), ascii("日本"), ascii(["ü", 1]), ascii("\n"), ascii("😀"))
