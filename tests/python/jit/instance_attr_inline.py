# Attribute loads and stores that compiled traces do inline (the entry an attribute was in
# when recorded, the first index slot for a method's shadow check): instances whose entries
# move, values that become heap objects, many attributes, methods shadowed through __dict__.


class Body:
    def __init__(self, k):
        self.x = float(k)
        self.v = 0.5 - k % 3
        self.tag = "b"

    def kinetic(self):
        return 0.5 * self.v * self.v


def advance(bodies, steps):
    e = 0.0
    for _ in range(steps):
        for b in bodies:
            b.x = b.x + b.v * 0.01
            e += b.kinetic()
    return e


bodies = [Body(k) for k in range(30)]
print(f"{advance(bodies, 200):.6f}")

# Entries move: an attribute deleted and added back lands in another entry.
for b in bodies[::3]:
    del b.x
    b.x = 1.0
print(f"{advance(bodies, 50):.6f}")

# Stored values that are heap objects (an int past 2**63, a str) and back to floats.
bodies[4].x = 1 << 70
try:
    advance(bodies, 5)
except TypeError as e:
    print("TypeError:", e)
bodies[4].x = 2 ** 64
bodies[4].v = 3
print(advance(bodies[4:5], 3), bodies[4].x)
bodies[4].x, bodies[4].v = 0.25, 0.125
bodies[7].v = "fast"
try:
    advance(bodies, 5)
except TypeError as e:
    print("TypeError:", e)
bodies[7].v = 0.75
print(f"{advance(bodies, 20):.6f}")

# A method shadowed through the instance dict, through vars(), then unshadowed.
bodies[2].__dict__["kinetic"] = lambda: 100.0
print(f"{advance(bodies, 20):.6f}")
vars(bodies[5]).update(kinetic=lambda: -1.0)
print(f"{advance(bodies, 20):.6f}")
del bodies[2].kinetic
del bodies[5].__dict__["kinetic"]
print(f"{advance(bodies, 20):.6f}")


# Many attributes: a bigger index table, where first slots collide.
class Wide:
    def __init__(self):
        for k in range(40):
            setattr(self, f"a{k}", k)

    def total(self):
        return self.a0 + self.a7 + self.a13 + self.a39


def wide_sum(objs, n):
    s = 0
    for _ in range(n):
        for o in objs:
            o.a13 = o.a13 + 1
            s += o.total() + o.a21
    return s


ws = [Wide() for _ in range(5)]
print(wide_sum(ws, 100))
ws[1].total = lambda: 0
print(wide_sum(ws, 10))
ws[3].a13 = [1]
try:
    wide_sum(ws, 10)
except TypeError as e:
    print("TypeError:", e)
print(ws[0].a13, ws[3].a13)


# A store whose old or new value is an object: reference counts stay right.
class Node:
    def __init__(self):
        self.item = None
        self.count = 0


def churn(nodes, n):
    for i in range(n):
        for nd in nodes:
            nd.item = [i]
            nd.count = nd.count + 1
    return sum(nd.count for nd in nodes), nodes[0].item


print(churn([Node() for _ in range(4)], 300))
