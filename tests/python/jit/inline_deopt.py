# Calls inlined into hot loop traces that must leave the trace or observe side effects:
# a global function rebound mid-loop, callees raising three calls deep (caught around the
# loop body), callees mutating their arguments and globals, reading a global the loop
# writes, default and keyword arguments, recursion, closures, methods and lambdas.


# A global function rebound to another function mid-loop.
def g(x):
    return x + 1


def other(x):
    return x * 2


acc = 0
for i in range(3000):
    if i == 1500:
        g = other
    acc += g(i)
print("rebound", acc)


# Rebinding from inside a function that loops (the global is written by `global`).
def h(x):
    return x - 1


def h_other(x):
    return -x


def loop_rebind(n):
    global h
    s = 0
    for i in range(n):
        if i == 2000:
            h = h_other
        s += h(i)
    return s


print("rebound in function", loop_rebind(3000))


# A callee three calls deep raises ZeroDivisionError after N iterations; caught by a
# try/except around the loop body, so the loop carries on.
def c3(x):
    return 100 // (x % 1000 - 999)


def c2(x):
    return c3(x) + 1


def c1(x):
    return c2(x) * 2


acc = 0
errors = []
for i in range(3000):
    try:
        acc += c1(i)
    except ZeroDivisionError as e:
        errors.append(i)
        print(type(e).__name__, e, i)
print("zerodiv", acc, errors)


# An IndexError three calls deep, caught inside a function that loops.
data = list(range(2200))


def d3(i):
    return data[i]


def d2(i):
    return d3(i) * 3


def d1(i):
    return d2(i) - 1


def index_loop(n):
    s = 0
    misses = 0
    for i in range(n):
        try:
            s += d1(i)
        except IndexError as e:
            misses += 1
            if misses == 1:
                print(type(e).__name__, e, i)
    return s, misses


print("index", index_loop(3000))


# An exception raised deep down ends the loop and is caught outside it.
def boom(x):
    if x == 2345:
        raise ValueError("bad value %d" % x)
    return x


def boom_mid(x):
    return boom(x) + 1


acc = 0
try:
    for i in range(3000):
        acc += boom_mid(i)
except ValueError as e:
    print(type(e).__name__, e, acc)


# Side effects in callees: appending to and storing into a list passed in.
def push(lst, x):
    lst.append(x * 2)


def store(lst, i, x):
    lst[i % len(lst)] = x


out = []
buf = [0] * 7
for i in range(3000):
    push(out, i)
    store(buf, i, i * i)
print("mutate", len(out), sum(out), out[-3:], buf)


# A callee reading a global that the loop writes.
total = 0


def read_total(x):
    return total + x


for i in range(3000):
    total = read_total(i % 13)
print("global read", total)


# A callee changing a global.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


acc = 0
for i in range(3000):
    acc += bump()
print("global write", counter, acc)


# Default arguments used and not used, and keyword arguments.
def with_default(x, step=3):
    return x + step


def kw(a, b=0, c=1):
    return a * c - b


acc = 0
for i in range(3000):
    acc += with_default(i)
    if i % 2:
        acc += with_default(i, 10)
    acc += kw(i, c=2) + kw(i, b=i % 5) + kw(a=i, b=1, c=3)
print("defaults and keywords", acc)


# A recursive callee called in a loop.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


acc = 0
for i in range(300):
    acc += fib(10) + fib(i % 5)
print("recursive", acc)


# A closure (nested def using an outer variable), and a lambda.
def make_adder(n):
    def adder(x):
        return x + n
    return adder


add5 = make_adder(5)
sq = lambda x: x * x
acc = 0
for i in range(3000):
    acc += add5(i) + sq(i % 17)
print("closure and lambda", acc)


def closure_loop(n):
    base = 7
    scale = 2

    def inner(x):
        return x * scale + base

    s = 0
    for i in range(n):
        s += inner(i)
        if i == 1800:
            base = -100
    return s


print("closure changes", closure_loop(3000))


# Method calls on an instance; the method changes the instance state.
class Acc:
    def __init__(self):
        self.total = 0

    def method(self, i):
        self.total += i
        return self.total % 97

    def twice(self, i):
        return self.method(i) + self.method(1)


obj = Acc()
acc = 0
for i in range(3000):
    acc += obj.method(i) + obj.twice(i)
print("method", acc, obj.total)


# A lambda rebound mid-loop to one returning a float.
fn = lambda x: x + 1
acc = 0
for i in range(3000):
    if i == 2222:
        fn = lambda x: x / 4
    acc += fn(i)
print("lambda rebound", acc)
