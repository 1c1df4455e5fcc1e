from contextlib import contextmanager, suppress, ExitStack
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("a") as t:
    print("inside", t)
try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
with suppress(KeyError):
    {}["x"]
print("suppressed")
with ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(tag(n))
    print("stack body")
