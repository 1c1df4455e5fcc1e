def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally overrides"
print(f2())
def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f3())
def f4():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
f4()
def f5():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after loop"
print(f5())
def f6():
    x = 1
    try:
        return x
    finally:
        x = 2
print(f6())
def f7():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
f7()
def f8():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("f8 finally")
print(f8())
def f9():
    log = []
    for i in range(3):
        try:
            try:
                if i == 2:
                    raise RuntimeError(i)
                log.append(("try", i))
            finally:
                log.append(("fin", i))
        except RuntimeError as e:
            log.append(("caught", e.args[0]))
    return log
print(f9())
def f10():
    try:
        raise ValueError("original")
    finally:
        print("finally before propagation")
try:
    f10()
except ValueError as e:
    print("propagated", e)
