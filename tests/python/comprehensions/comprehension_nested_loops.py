print([(i, j) for i in range(3) for j in range(3) if i < j])
print([i * 10 + j for i in range(1, 4) if i != 2 for j in range(3) if j != i])
print([[i, j, k] for i in range(2) for j in range(2) for k in range(2) if i ^ j ^ k])
mat = [[1, 2], [3, 4], [5, 6]]
print([x * y for row in mat for x in row for y in row if x < y])
print({(r, c): mat[r][c] for r in range(len(mat)) for c in range(len(mat[r]))})
words = ["ab", "cd"]
print([ch + str(i) for w in words for i, ch in enumerate(w)])
print([list(range(n)) for n in range(4) if n])
lines = ["a b", "c d e", ""]
print([w for line in lines for w in line.split()])
print(sum(1 for a in range(10) for b in range(10) if (a + b) % 3 == 0))
