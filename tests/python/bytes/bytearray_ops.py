ba = bytearray(b"hello")
print(ba, len(ba))
ba[0] = ord("H")
print(ba)
ba.append(33)
print(ba)
ba.extend(b" world")
print(ba)
ba += b"!!"
print(ba)
ba[1:5] = b"ELLO"
print(ba)
del ba[0]
print(ba)
del ba[-2:]
print(ba)
ba.insert(0, 104)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("E"))
print(ba)
ba.reverse()
print(ba)
print(bytearray(3), bytearray([1, 2, 3]), bytearray(b"x") * 3, bytearray("é", "utf-8"))
b2 = bytes(ba)
print(type(b2).__name__, b2 == ba, ba == b2)
ba2 = bytearray(b"abc")
ba2[1:2] = b"XYZ"
print(ba2)
ba2[::2] = b"123"
print(ba2)
print(ba2.upper(), ba2.find(b"Y"), ba2.hex(), bytearray.fromhex("ff00"))
try:
    ba2[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    ba2.remove(0)
except ValueError as e:
    print("ValueError:", e)
ba3 = bytearray()
for i in range(10):
    ba3.append(i * 25)
print(ba3, list(ba3), sum(ba3))
ba3.clear()
print(ba3, len(ba3))
print(bytearray(b"abc").decode(), bytearray(b"x").copy(), bytearray(b"a b").split())
print(ba2 + b"!", b"!" + ba2, type(b"!" + ba2).__name__)
