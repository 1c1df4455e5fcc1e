import sys
for i in range(5):
    print("line", i)
    print("err line", i, file=sys.stderr)
raise LookupError("after output")
