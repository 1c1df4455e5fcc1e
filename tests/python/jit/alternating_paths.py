# A loop whose paths follow each other in a fixed order (six of one kind, then one of a
# second, then one of a third or fourth, by turns): the loop trace recorded where a bridge
# ends mostly leaves in its first iteration. Output must not depend on how traces link.


def walk(n):
    a = b = c = d = 0
    for i in range(n):
        k = i % 8
        if k < 6:
            a += 1
        elif k == 6:
            b += 2
        elif (i // 8) % 2 == 0:
            c += 3
        else:
            d += 4
    return a, b, c, d


print(walk(200000))
print(walk(13))
