# A loop over rows whose inner loop stores into each row: the outer loop's trace calls the
# inner loop's compiled trace. Once, in row 700, an int item turns into a float: the inner
# trace leaves half-way through that row, and the outer trace's exit goes on with the inner
# trace's exit (a chained exit), so the row is finished once, by the interpreter.
rows = [[j for j in range(24)] for i in range(1000)]
rows[700][15] = 0.5
total = 0
for i in range(1000):
    r = rows[i]
    for j in range(1, 24):
        r[j] = r[j] * 2 + r[j - 1] % 7
    total += r[23]
print(total, rows[700][13:17], rows[999][20:])
