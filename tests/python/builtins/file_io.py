# Text and binary files: write, read, readline(s), iteration, append mode, context managers.
import time
path = "/tmp/_rpy_fileio_%d.txt" % int(time.time() * 1e6)
with open(path, "w") as fh:
    n = fh.write("alpha\nbeta\n")
    fh.write("gamma")
    print("wrote", n, fh.closed)
print("closed after with:", fh.closed)
with open(path) as fh:
    print([line.rstrip("\n") for line in fh])
with open(path) as fh:
    print(repr(fh.readline()), repr(fh.read(3)), repr(fh.read()))
with open(path, "a") as fh:
    fh.write("\ndelta")
with open(path) as fh:
    print(fh.readlines())
with open(path, "rb") as fh:
    data = fh.read()
    print(type(data).__name__, data[:5], len(data))
with open(path, "wb") as fh:
    fh.write(bytes([0, 1, 2, 255]))
with open(path, "rb") as fh:
    print(list(fh.read()))
try:
    open(path + ".missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
