# Guards that fail often (candidates for side traces): several hot paths through one loop
# body, side paths that change a local's type, side paths of side paths, side paths that
# leave the loop.


def three_way(n):
    a = 0
    b = 0
    c = 0
    for i in range(n):
        r = i % 3
        if r == 0:
            a += i
        elif r == 1:
            b -= i
        else:
            c = c + i * 2
    return a, b, c


print(three_way(3000), three_way(2), three_way(4))


def nested_paths(n):
    s = 0
    t = 0
    for i in range(n):
        if i % 2 == 0:
            if i % 4 == 0:
                s += 1
            else:
                s += 10
        else:
            if i % 3 == 0:
                t += 100
            elif i % 5 == 0:
                t += 1000
            else:
                t -= 1
    return s, t


print(nested_paths(5000))


def side_path_float(n):
    # the side path makes x a float; the main path keeps adding ints to it
    x = 0
    for i in range(n):
        if i % 100 == 99:
            x = x + 0.5
        else:
            x = x + 1
    return x


print(side_path_float(1000), side_path_float(99), side_path_float(100))


def side_path_back_to_int(n):
    x = 0
    for i in range(n):
        if i % 50 == 10:
            x = x + 0.25
        elif i % 50 == 20:
            x = int(x)
        x = x + 2
    return x, type(x).__name__


print(side_path_back_to_int(1000), side_path_back_to_int(15), side_path_back_to_int(21))


def side_path_breaks(n, stop_at):
    hits = 0
    s = 0
    i = 0
    while i < n:
        if i % 7 == 3:
            hits += 1
            if hits == stop_at:
                break
        s = s + i
        i += 1
    return i, s, hits


print(side_path_breaks(10000, 500), side_path_breaks(10000, 10 ** 6), side_path_breaks(10, 1))


def side_path_unsupported(n):
    log = []
    s = 0
    for i in range(n):
        s = s + i
        if i % 10 == 0:
            log.append(s)
    return len(log), log[:4], log[-1], s


print(side_path_unsupported(3000))


def flip_flop_types(n):
    # the accumulator alternates between int and float every 200 iterations
    acc = 0
    for i in range(n):
        if i % 400 == 200:
            acc = acc + 0.5
        elif i % 400 == 0:
            acc = round(acc)
        acc = acc + 3
    return acc, type(acc).__name__


print(flip_flop_types(2000), flip_flop_types(2201))


def phase_change(n):
    # which branch is hot changes halfway through
    x = 0
    y = 0.0
    for i in range(n):
        if i < n // 2:
            if i % 10 == 0:
                y = y + 1.5
            else:
                x = x + 1
        else:
            if i % 10 == 0:
                x = x + 1000
            else:
                y = y - 0.5
    return x, y


print(phase_change(4000), phase_change(1), phase_change(0))


def overflow_on_side_path(n):
    x = 1
    small = 0
    for i in range(n):
        if i % 5 == 0:
            x = x * 9
        else:
            small = small + 1
    return x, small


print(overflow_on_side_path(200))


def while_multi_exit(n):
    i = 0
    evens = 0
    odds = 0
    while i < n:
        if i % 2:
            odds = odds + i
            if odds > 100000:
                return "odds", i, odds, evens
        else:
            evens = evens + i
            if evens > 150000:
                return "evens", i, odds, evens
        i += 1
    return "end", i, odds, evens


print(while_multi_exit(10000), while_multi_exit(100))
