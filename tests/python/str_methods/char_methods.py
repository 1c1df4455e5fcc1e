print(ord("a"), ord("€"), ord("\n"), chr(97), chr(8364), chr(0), repr(chr(0)))
print([chr(c) for c in range(65, 91)])
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
print(ord(b"A"), ord(bytearray(b"z")))
print(sum(ord(c) for c in "checksum") % 256)
print(sorted("Zebra apple", key=ord))
