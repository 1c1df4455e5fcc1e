for n in [0, 1, 255, 256, 65535, 2 ** 32 - 1, 2 ** 64 + 5]:
    length = max(1, (n.bit_length() + 7) // 8)
    be = n.to_bytes(length, "big")
    le = n.to_bytes(length, "little")
    print(n, be, le, int.from_bytes(be, "big"), int.from_bytes(le, "little"))
for n in [-1, -128, -129, 127, -(2 ** 63)]:
    b = n.to_bytes(9, "big", signed=True)
    print(n, b.hex(), int.from_bytes(b, "big", signed=True))
print(int.from_bytes(b"", "big"), int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x80"), "big", signed=True))
try:
    (-1).to_bytes(2, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (1).to_bytes(2, "middle")
except ValueError as e:
    print("ValueError:", e)
print((1).to_bytes(), int.from_bytes(b"\x01\x00"))
