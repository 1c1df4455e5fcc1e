import sys
def check(args):
    if len(args) < 5:
        print("not enough arguments", file=sys.stderr)
        sys.exit(2)
try:
    check([1])
finally:
    print("finally still runs")
