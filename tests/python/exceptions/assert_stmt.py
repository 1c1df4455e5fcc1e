assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    x = [1, 2]
    assert len(x) == 3, f"len was {len(x)}"
except AssertionError as e:
    print("AssertionError:", e)
def check(v):
    assert isinstance(v, int), ("not int", v)
    return v * 2
print(check(4))
try:
    check("s")
except AssertionError as e:
    print(e.args)
def side():
    print("side effect evaluated")
    return "msg"
try:
    assert True, side()
    assert False, side()
except AssertionError as e:
    print(e)
