# Branchy nested loops: the longest Collatz sequence below a limit (a while loop with an
# if/else inside a for loop; the branch goes each way about half the time).
import sys


def collatz_max(limit):
    best = 0
    besti = 0
    for i in range(1, limit):
        n = i
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > best:
            best = steps
            besti = i
    return besti, best


limit = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
print(collatz_max(limit))
