import sys
try:
    line = input()
    print("read:", repr(line))
except EOFError as e:
    print("EOFError:", repr(e))
print(sys.stdin.read() == "")
print(sys.stdin.readline() == "")
try:
    input("prompt> ")
except EOFError:
    print("\nEOF after prompt")
