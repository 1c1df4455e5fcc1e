def process(x):
    try:
        try:
            if x == 0:
                raise ZeroDivisionError("zero")
            if x < 0:
                raise ValueError("negative")
            if x > 100:
                raise OverflowError("too big")
            return 100 / x
        except ZeroDivisionError:
            print("  inner handled zero")
            return float("inf")
        finally:
            print("  inner finally for", x)
    except ValueError as e:
        print("  outer handled", e)
        return None
    finally:
        print("  outer finally for", x)
for v in (4, 0, -1, 1000):
    try:
        print(v, "->", process(v))
    except OverflowError as e:
        print(v, "escaped:", e)
def deep(n):
    try:
        if n == 0:
            raise RuntimeError("bottom")
        return deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(3)
except RuntimeError as e:
    print("caught", e)
