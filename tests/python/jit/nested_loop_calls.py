# Functions whose body holds a loop: once the loop is compiled, the function's own trace calls
# the loop's trace. Every way out of such a call must leave the same values as the interpreter:
# the loop's normal end, an empty range, a range of one, big ints past 2**47 and 2**63 made
# mid-loop, a break, an exception, a global rebound between calls, a float that becomes an
# int, steps other than 1, and loops with effects (not called, run by the interpreter).

K = 3


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def tri(n):
    s = 0
    for i in range(n):
        s += i
    return s


def last_index(n):
    for i in range(n):
        pass
    return i


def floats(n, x):
    s = x
    for i in range(n):
        s = s + i * 0.5
    return s


def stepped(lo, hi):
    up = 0
    for i in range(lo, hi, 3):
        up += i
    down = 0
    for j in range(hi, lo, -2):
        down += j
    return up, down, up - down


def first_square_over(n, lim):
    found = -1
    for i in range(n):
        if i * i > lim:
            found = i
            break
    return found


def divides(n, d):
    s = 0
    for i in range(n):
        s += 100 // (d - i)
    return s


def uses_global(n):
    s = 0
    for i in range(n):
        s += K
    return s


def stores(n, out):
    for i in range(n):
        out[i % len(out)] = i
    return out[0]


def two_loops(n):
    s = 0
    for i in range(n):
        s += i * i
    t = 1
    for j in range(n // 2):
        t = t * 3 % 1000003
    return s + t


total = 0
for rep in range(400):
    total += fib(rep % 100)
print("fib", total, fib(0), fib(1), fib(2), fib(92), fib(93), fib(150))

print("tri", sum(tri(k % 50) for k in range(300)), tri(0), tri(-5), tri(1))

out = []
for k in range(200):
    try:
        out.append(last_index(k % 7))
    except UnboundLocalError as e:
        out.append(type(e).__name__)
print("last", out[:20], len(out))

acc = 0.0
for k in range(300):
    acc += floats(k % 30, 0.25 if k % 2 else 1)
print("floats", acc, floats(0, 7), floats(3, 7), floats(0, 2.5))

print("stepped", [stepped(k % 11, 40 - k % 13) for k in range(0, 300, 37)])
s = 0
for k in range(300):
    s += sum(stepped(k % 17, 2 * k % 29))
print("stepped sum", s)

print("square", [first_square_over(k % 40, k % 500) for k in range(0, 300, 23)])
s = 0
for k in range(300):
    s += first_square_over(k % 40, k % 500)
print("square sum", s)

s = 0
errors = 0
for k in range(300):
    try:
        s += divides(k % 20, 15)
    except ZeroDivisionError:
        errors += 1
print("divides", s, errors)

s = 0
for k in range(300):
    if k == 150:
        K = 2.5
    if k == 220:
        K = 10**20
    s += uses_global(k % 10)
print("global", s)

buf = [0] * 7
s = 0
for k in range(300):
    s += stores(k % 12, buf)
print("stores", s, buf)

print("two", sum(two_loops(k % 60) for k in range(300)))

big = 0
for k in range(60):
    big += tri(3000 + 7 * k)
print("tri big", big)


def grows(n):
    x = 1
    for i in range(n):
        x = x * 7 + i
    return x


print("grows", [grows(k) for k in range(15, 40, 3)], sum(grows(k % 30) for k in range(300)))
