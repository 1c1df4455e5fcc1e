# Tokenizer-level syntax errors: message, line and column as CPython reports them,
# including the rule that a tokenizer error later in the source replaces a generic
# "invalid syntax" found earlier.
sources = [
    "x = 'abc\n",
    "x = 1\ny = br'abc\nz = 1\n",
    "x = 1\ny = '''abc\ndef\n",
    "x = '''abc\ndef",
    "s = f\"abc\n",
    "a b c\nx = 'oops\n",
    "a b c\ny = (1, 2]\n",
    "y = (1,\n  2]\n",
    "z = [1, 2)\n",
    "print(1))\n",
    "foo(1, {2: [3, (4,\n",
    "x = (1,\ny = 2\n",
    "d = {'a': [1, 2}\n",
    "x = 1 +\ny = 'abc\nz = 1\n",
    "ok = 'fine'\nv = \"unterminated\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(src))
