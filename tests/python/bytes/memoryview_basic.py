b = bytearray(b"abcdef")
m = memoryview(b)
print(len(m), m[0], bytes(m[1:3]), m.tobytes(), m.tolist()[:3])
m[0] = ord("A")
print(b)
m2 = m[2:4]
m2[0] = ord("C")
print(b, m2.tobytes())
print(m.readonly, memoryview(b"xyz").readonly, m.nbytes, m.itemsize)
try:
    memoryview(b"xyz")[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(bytes(memoryview(b"hello")[::2]))
print(memoryview(b"ab") == b"ab")
