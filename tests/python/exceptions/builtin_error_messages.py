cases = [
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "divmod(1, 0)", "[][0]", "[1, 2][5]", "()[0]", "'abc'[10]",
    "{}['k']", "{1: 2}[3]", "int('abc')", "int('')", "float('x')", "None.foo", "(1).foo", "'s'.nope",
    "undefined_var", "len(5)", "1 + 'a'", "'a' + 1", "[] + ()", "1 < 'a'", "n = None; n()", "n = 5; n()",
    "n = None; [1][n]", "{}[[]]", "hash([])", "iter(1)", "next(iter([]))", "list.nope", "abs('x')",
    "chr(-1)", "ord('')", "range(0, 1, 0)", "[1].remove(2)", "'abc'.index('z')", "(1, 2).index(3)",
    "int.from_bytes('x', 'big')", "'%d' % 'x'", "'{}'.format()", "x, y = 1, 2, 3", "a, b = [1]",
    "set().pop()", "{}.popitem()", "[].pop()", "'a' * 'b'", "-'a'", "~1.5", "1 << -1", "2 ** 10000.0",
    "sum(['a', 'b'])", "max([])", "min([], key=len)", "getattr(1, 'x')", "object().x = 1", "del [][0]",
    "tuple()[0] = 1", "'abc'[0] = 'x'", "frozenset().add(1)", "import math; math.sqrt(-1)",
    "bytes([300])", "b'a' + 'b'", "memoryview(5)", "complex('x')", "int(3+4j)", "round('x')",
]
for src in cases:
    try:
        exec(src, {})
        print("no error:", src)
    except Exception as e:
        print(f"{src!r:32} -> {type(e).__name__}: {e}")
