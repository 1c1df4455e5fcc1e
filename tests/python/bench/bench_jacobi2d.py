# Tiny-size copy of benchmarks/programs/jacobi2d.py (arguments in bench_jacobi2d.args).
# 2D Jacobi stencil on nested lists (seed: 1000x1000 grid, 1000 steps; 5 flops a point).
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 200

a = [[0.0] * n for _ in range(n)]
for i in range(n):
    a[i][0] = 1.0
    a[0][i] = 1.0
b = [row[:] for row in a]

for _ in range(steps):
    for i in range(1, n - 1):
        ai, up, down, bi = a[i], a[i - 1], a[i + 1], b[i]
        for j in range(1, n - 1):
            bi[j] = 0.2 * (ai[j] + ai[j - 1] + ai[j + 1] + up[j] + down[j])
    a, b = b, a

total = 0.0
for row in a:
    total += sum(row)
print(f"{total:.6f}")
