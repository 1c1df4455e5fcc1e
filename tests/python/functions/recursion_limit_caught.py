import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("RecursionError:", e)
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("measured depth within limit:", 900 < depth <= sys.getrecursionlimit())
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(800))
class Node:
    def __init__(self, nxt=None):
        self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
head = None
for _ in range(500):
    head = Node(head)
print(head.length())
print(isinstance(RecursionError(), RuntimeError))
