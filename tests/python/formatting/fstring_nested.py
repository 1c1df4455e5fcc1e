width = 10
precision = 3
value = 12.345678
print(f"{value:{width}.{precision}f}|")
print(f"{value:{width}}|")
print(f"{value:>{width}.{precision}}|")
print(f"{'txt':{'^'}{width}}|")
for w in range(4, 9, 2):
    for p in range(0, 4, 2):
        print(f"[{value:{w}.{p}f}]")
fill = "*"
align = "^"
print(f"{'center':{fill}{align}{width + 4}}")
print(f"{42:{'0'}{8}d}", f"{255:#{10}x}")
fmt = ".2e"
print(f"{value:{fmt}}")
print(f"{f'{value:.1f}':>10}|")
names = ["a", "bb", "ccc"]
w = max(len(n) for n in names)
for n in names:
    print(f"|{n:<{w}}|{n:>{w}}|")
print(f"{3.14159:.{precision}}")
print(f"{12345.678:,.{2}f}")
print(f"{'abc':.{2}}")
