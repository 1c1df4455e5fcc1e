from itertools import permutations, combinations, product, islice, count
print(sum(1 for _ in permutations(range(6))), sum(1 for _ in combinations(range(10), 4)))
print(["".join(p) for p in permutations("abc")])
print([c for c in combinations(range(5), 3) if sum(c) == 6])
print(len(list(product(range(3), repeat=4))), list(product([0, 1], "xy")))
squares = (n * n for n in count(1))
print(list(islice(squares, 10)), list(islice("abcdefg", 1, 6, 2)))
