try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second") from None
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def chain_depth(e):
    d = 0
    while e is not None:
        d += 1
        e = e.__context__
    return d
try:
    try:
        try:
            raise A if False else KeyError(1)
        except KeyError:
            raise IndexError(2)
    except IndexError:
        raise LookupError(3)
except LookupError as e:
    print(chain_depth(e), [repr(x) for x in (e, e.__context__, e.__context__.__context__)])
e = ValueError("manual")
e.__cause__ = TypeError("cause set manually")
print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError("x") from KeyError("y")
except ValueError as err:
    print(repr(err.__cause__), err.__suppress_context__)
try:
    raise ValueError("bad") from 5
except TypeError as err:
    print("TypeError:", err)
