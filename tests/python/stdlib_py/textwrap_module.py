import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 40))
print(textwrap.shorten(text, width=50, placeholder="..."))
print(repr(textwrap.dedent("    a\n      b\n    c")))
print(textwrap.indent("x\ny\n", "> "))
