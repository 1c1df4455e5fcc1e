matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([[x * 2 for x in row] for row in matrix if sum(row) > 6])
print({i: {j: i == j for j in range(3)} for i in range(2)})
print([(i, j, k) for i in range(3) for j in range(i) for k in range(j)])
board = [["." if (r + c) % 2 else "#" for c in range(6)] for r in range(4)]
print("\n".join("".join(r) for r in board))
print(sum(sum(x for x in row) for row in matrix))
words = ["apple", "banana", "cherry"]
print({w: {c: w.count(c) for c in sorted(set(w))} for w in words})
print([[c for c in w if c in "aeiou"] for w in words])
queens = []
def solve(n, row=0, cols=()):
    if row == n:
        queens.append(cols)
        return
    for c in range(n):
        if all(c != pc and abs(c - pc) != row - pr for pr, pc in enumerate(cols)):
            solve(n, row + 1, cols + (c,))
solve(6)
print(len(queens), queens)
