def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "zero-div"
    except ArithmeticError:
        return "arith"
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__
    except Exception as e:
        return "other:" + type(e).__name__
for exc in [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError(), UnicodeError()]:
    print(classify(exc))
def catch_tuple_var(excs):
    try:
        raise RuntimeError("rt")
    except excs as e:
        return "caught " + type(e).__name__
print(catch_tuple_var((ValueError, RuntimeError)), catch_tuple_var(Exception))
try:
    try:
        raise ValueError("v")
    except TypeError:
        print("wrong")
except ValueError as e:
    print("outer caught", e)
try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as e:
    print("TypeError:", e)
def exceptions_in_handlers():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError as e:
            return f"inner handled {e}, context={e.__context__!r}"
print(exceptions_in_handlers())
try:
    raise KeyboardInterrupt
except Exception:
    print("should not catch")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
