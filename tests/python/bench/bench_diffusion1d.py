# Tiny-size copy of benchmarks/programs/diffusion1d.py (arguments in bench_diffusion1d.args).
# 1D diffusion, explicit Euler on Python lists (seed: n=100000, niter=2000).
import math
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
niter = int(sys.argv[2]) if len(sys.argv) > 2 else 100
dx = 1.0
kappa = 0.1

u = n * [0.0]
udt = n * [0.0]
for i in range(n):
    u[i] = math.exp(-(dx * (i - n / 2)) ** 2 / 100000)

fac = 1 - 2.0 * kappa
for itern in range(niter):
    for i in range(1, n - 1):
        udt[i] = fac * u[i] + kappa * (u[i + 1] + u[i - 1])
    for i in range(n):
        u[i] = udt[i]

print(f"{sum(u):.10f} {max(u):.10f}")
