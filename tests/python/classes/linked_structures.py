class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
l = LinkedList([1, 2, 3, 4])
print(l, len(l))
l.reverse()
print(l)
l.push(0)
print(l, list(l), sum(l))
print(LinkedList())
class BST:
    def __init__(self):
        self.root = None
    def insert(self, v):
        def ins(node, v):
            if node is None:
                return [v, None, None]
            if v < node[0]:
                node[1] = ins(node[1], v)
            else:
                node[2] = ins(node[2], v)
            return node
        self.root = ins(self.root, v)
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n[1])
                yield n[0]
                yield from walk(n[2])
        return list(walk(self.root))
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n[1]), h(n[2]))
        return h(self.root)
t = BST()
for v in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(v)
print(t.inorder(), t.height())
