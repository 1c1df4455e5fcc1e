# A module-level stencil over two lists held in globals: the lists' element arrays and
# lengths are read once before the loop (no helper call in the body), the loads are direct
# with no type guard (one check of the list's kinds summary at entry says it holds only
# floats), and the store replaces a float in place with no check of the item it replaces. The three bounds checks and the index arithmetic's
# overflow checks are proved by two entry checks on the range (`opt/bounds.rs`): the body
# has none.
n = 50
u = [1.0] * n
v = [0.0] * n
for i in range(1, n - 1):
    v[i] = 0.5 * (u[i - 1] + u[i + 1])
print(sum(v))
