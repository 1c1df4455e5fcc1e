# tiny version of a 1D heat diffusion stencil
n = 40
u = [0.0] * n
u[n // 2] = 100.0
alpha = 0.25
for step in range(60):
    new = u[:]
    for i in range(1, n - 1):
        new[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1])
    u = new
    if step % 15 == 0:
        print(step, round(sum(u), 9), round(max(u), 9))
print([round(x, 6) for x in u[15:25]])
print(sum(u))
# 2D jacobi
m = 8
g = [[0.0] * m for _ in range(m)]
for i in range(m):
    g[0][i] = 1.0
for it in range(30):
    ng = [row[:] for row in g]
    for i in range(1, m - 1):
        for j in range(1, m - 1):
            ng[i][j] = 0.25 * (g[i - 1][j] + g[i + 1][j] + g[i][j - 1] + g[i][j + 1])
    g = ng
for row in g:
    print(" ".join("%.4f" % v for v in row))
print(repr(g[3][4]))
