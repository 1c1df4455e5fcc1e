import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, s, d)
class Node:
    def __init__(self, v, child=None):
        self.v, self.child = v, child
n = Node(1, Node(2))
m = copy.deepcopy(n)
n.child.v = 20
print(m.child.v, n.child.v, m is not n)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])
