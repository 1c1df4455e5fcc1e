n = 24
grid = [[0.0] * n for _ in range(n)]
for i in range(n):
    grid[0][i] = 100.0
    grid[i][0] = 50.0
for it in range(40):
    new = [row[:] for row in grid]
    for i in range(1, n - 1):
        row_up = grid[i - 1]
        row = grid[i]
        row_dn = grid[i + 1]
        out = new[i]
        for j in range(1, n - 1):
            out[j] = 0.25 * (row_up[j] + row_dn[j] + row[j - 1] + row[j + 1])
    grid = new
print(round(sum(sum(r) for r in grid), 6))
print([round(v, 4) for v in grid[n // 2][:8]])
print(repr(grid[5][5]), repr(grid[10][3]))
