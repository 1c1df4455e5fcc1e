w, h = 40, 16
rows = []
for y in range(h):
    row = ""
    ci = (y / h) * 2.4 - 1.2
    for x in range(w):
        cr = (x / w) * 3.2 - 2.2
        zr = zi = 0.0
        it = 0
        while it < 50 and zr * zr + zi * zi <= 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
            it += 1
        row += " .:-=+*#%@"[it % 10] if it < 50 else "@"
    rows.append(row)
print("\n".join(rows))
total = 0
for y in range(h):
    for x in range(w):
        c = complex(x / w * 3 - 2, y / h * 2 - 1)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < 30:
            z = z * z + c
            n += 1
        total += n
print(total)
