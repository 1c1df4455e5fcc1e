def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case b"bytes":
            return "bytes literal"
        case _:
            return "other"
for v in [0, 1, 3, -1, 1.5, "hello", True, None, b"bytes", 99, "x", False, 1.0]:
    print(repr(v), describe(v))
def status(code):
    match code:
        case 200 | 201 | 204:
            return "ok"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case c if 500 <= c < 600:
            return f"server error {c}"
        case _:
            return "unknown"
print([status(c) for c in (200, 204, 302, 404, 503, 418)])
