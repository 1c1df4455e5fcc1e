rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.125), ("kiwi", 0, 10.0)]
header = f"{'item':<10}{'qty':>5}{'price':>9}{'total':>10}"
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<10}{qty:>5d}{price:>9.3f}{total:>10.2f}")
print("=" * len(header))
print(f"{'TOTAL':<10}{sum(r[1] for r in rows):>5d}{'':>9}{grand:>10.2f}")
print("%-10s%5s" % ("left", "right"))
for i in range(1, 6):
    print("%3d %6.2f %8.3e %s" % (i, i ** 0.5, 10.0 ** i, "#" * i))
print("{:<6}{:^6}{:>6}".format("a", "b", "c"))
print("|".join(f"{i:^5}" for i in range(5)))
