def checksum(data):
    s = 0
    for b in data:
        s = (s * 31 + b) & 0xFFFFFFFF
    return s
print(checksum(b"hello"), checksum(b""), checksum(bytes(range(256))))
def xor(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))
enc = xor(b"secret message", b"key")
print(enc, xor(enc, b"key"))
def b64(data):
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = bytearray()
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        for j in range(4):
            if j <= len(chunk):
                out.append(alphabet[(n >> (18 - 6 * j)) & 63])
            else:
                out += b"="
    return bytes(out)
for s in [b"", b"f", b"fo", b"foo", b"foobar", b"Hello, World!"]:
    print(s, b64(s))
def hexdump(data):
    for off in range(0, len(data), 8):
        chunk = data[off:off + 8]
        hx = " ".join(f"{c:02x}" for c in chunk)
        asc = "".join(chr(c) if 32 <= c < 127 else "." for c in chunk)
        print(f"{off:04x}  {hx:<23}  {asc}")
hexdump(b"The quick brown fox\x00\x01\x02\xff jumps")
counts = [0] * 256
for c in b"mississippi":
    counts[c] += 1
print([(chr(i), n) for i, n in enumerate(counts) if n])
