def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("cleanup")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("stopped")
g = gen()
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
g = gen()
print(next(g))
g.close()
print("closed")
g.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def unstarted():
    print("never printed")
    yield 1
u = unstarted()
u.close()
print("closed unstarted")
u2 = unstarted()
try:
    u2.throw(IndexError("early"))
except IndexError as e:
    print("early throw:", e)
def catcher():
    while True:
        try:
            yield "waiting"
        except Exception as e:
            print("handled", type(e).__name__)
c = catcher()
next(c)
print(c.throw(TypeError))
print(c.throw(ValueError("v")))
def g_ret():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
x = g_ret()
next(x)
print(x.close())
def gen_state():
    yield 1
gs = gen_state()
print(gs.gi_frame is not None, gs.gi_running)
list(gs)
print(gs.gi_frame)
