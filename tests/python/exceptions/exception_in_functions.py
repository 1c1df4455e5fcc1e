def level3():
    raise ValueError("deep")
def level2():
    level3()
    print("not reached")
def level1():
    try:
        level2()
    finally:
        print("level1 finally")
try:
    level1()
except ValueError as e:
    print("caught at top:", e)
import sys
def tb_names():
    try:
        level1()
    except ValueError:
        tb = sys.exc_info()[2]
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return names
print(tb_names())
def catch_and_return():
    try:
        return int("nope")
    except ValueError:
        return -1
print(catch_and_return())
def cleanup_order():
    log = []
    def inner():
        try:
            log.append("inner try")
            raise KeyError
        finally:
            log.append("inner finally")
    try:
        inner()
    except KeyError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(cleanup_order())
def gen_raises():
    yield 1
    raise IndexError("from generator")
try:
    for v in gen_raises():
        print("got", v)
except IndexError as e:
    print("IndexError:", e)
try:
    list(map(lambda x: 1 // x, [1, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    sorted([3, 1, 2], key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
