def tokenizer(text):
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            yield ("NUM", int(text[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            yield ("NAME", text[i:j])
            i = j
        else:
            yield ("OP", c)
            i += 1
toks = list(tokenizer("x1 = 42 + foo*(3 - y)"))
print(toks)
def parse_expr(tokens):
    tokens = list(tokens) + [("END", None)]
    pos = 0
    def peek():
        return tokens[pos]
    def advance():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def atom():
        kind, v = advance()
        if kind == "NUM":
            return v
        if v == "(":
            r = expr()
            advance()
            return r
        if v == "-":
            return -atom()
        raise SyntaxError("unexpected " + repr(v))
    def term():
        r = atom()
        while peek()[1] in ("*", "/"):
            op = advance()[1]
            r = r * atom() if op == "*" else r / atom()
        return r
    def expr():
        r = term()
        while peek()[1] in ("+", "-"):
            op = advance()[1]
            r = r + term() if op == "+" else r - term()
        return r
    return expr()
for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "-(2 + 3) * 2", "2 * (3 + (4 - 1)) / 3"]:
    print(src, "=", parse_expr(tokenizer(src)))
try:
    parse_expr(tokenizer("1 + * 2"))
except SyntaxError as e:
    print("SyntaxError:", e)
def traffic_light():
    while True:
        yield "green"
        yield "yellow"
        yield "red"
t = traffic_light()
print([next(t) for _ in range(7)])
