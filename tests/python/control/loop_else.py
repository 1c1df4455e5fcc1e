def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")
for n in [7, 12, 13, 25, 2]:
    find_prime_factor(n)
i = 0
while i < 3:
    i += 1
else:
    print("while completed, i =", i)
i = 0
while True:
    i += 1
    if i == 2:
        break
else:
    print("never printed")
print("broke at", i)
for x in []:
    pass
else:
    print("else after empty for")
for i in range(3):
    for j in range(3):
        if i * j == 2:
            break
    else:
        print("inner completed for i =", i)
        continue
    print("inner broke at", i, j)
    break
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
else:
    print("continue does not skip else; n =", n)
def search(items, target):
    for idx, item in enumerate(items):
        if item == target:
            return idx
    else:
        return -1
print(search("abc", "c"), search("abc", "z"))
