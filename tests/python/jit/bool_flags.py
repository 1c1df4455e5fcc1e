# Bool variables in loops: flags set before they are read in each iteration, flipped on a
# branch, printed (True/False, not 1/0) after the loop and at exits.


def primes(limit):
    found = []
    for i in range(2, limit):
        prime = True
        d = 2
        while d * d <= i:
            if i % d == 0:
                prime = False
                break
            d += 1
        if prime:
            found.append(i)
    return len(found), found[-3:], prime


print(primes(3000))


def last_flags(n):
    seen = []
    for i in range(n):
        big = i > n // 2
        odd = i % 2 == 1
        both = big and odd
        if i % 97 == 0:
            seen.append((big, odd, both))
    return seen, big, odd, both


print(last_flags(700))


def flag_in_exit(n):
    hits = 0
    for i in range(n):
        ok = i % 3 != 0
        if i == n - 5:
            print("at", i, ok, type(ok).__name__)
        if ok:
            hits += 1
    return hits, ok


print(flag_in_exit(600))


def not_flag(n):
    total = 0
    for i in range(n):
        f = not (i % 4)
        total += f
    return total, f


print(not_flag(800))
