import operator as op
print(op.add(1, 2), op.mul(3, 4), op.sub(5, 1), op.truediv(1, 2), op.floordiv(7, 2), op.mod(7, 3), op.neg(5), op.pow(2, 8))
print(op.eq(1, 1), op.lt(1, 2), op.not_(0), op.truth([]), op.contains([1, 2], 2), op.index(5))
print(sorted([("b", 2), ("a", 3)], key=op.itemgetter(1)), op.itemgetter(0, 2)("abc"))
class P:
    def __init__(self):
        self.x = 1
        self.inner = self
print(op.attrgetter("x")(P()), op.attrgetter("inner.x")(P()), op.methodcaller("upper")("abc"))
print(op.concat([1], [2]), op.getitem({"k": "v"}, "k"), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.inv(0))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l, op.iadd([1], [2]), op.length_hint(iter([1, 2, 3])))
