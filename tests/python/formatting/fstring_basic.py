name = "World"
n = 42
pi = 3.14159265
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2} {n // 5} {-n}")
print(f"{name.upper()} {name[::-1]} {len(name)}")
print(f"{pi:.2f} {pi:10.4f}| {pi:<10.3f}| {pi:e} {pi:g}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{n:x}|{n:#b}")
print(f"{'quoted'} {'nested ' + name}")
print(f"{{braces}} {{{n}}}")
d = {"key": "value", "n": 3}
print(f"{d['key']} {d['n'] * 2}")
items = [1, 2, 3]
print(f"{items} {items[0]} {sum(items)} {[x * x for x in items]}")
print(f"{n if n > 40 else 0} {'big' if n > 100 else 'small'}")
print(f"{(lambda x: x * 2)(5)}")
print(f"{n!r} {name!r} {name!s} {'é'!a}")
print(f"{3.0} {1e20} {1/3} {True} {None}")
print(f"multi {n}" f" part {name}")
print(F"capital F {n}")
print(rf"raw \n {n}", fr"raw2 \t {name}")
x = 10
print(f"{x = }")
print(f"{x=}")
print(f"{x = :5d}|")
print(f"{name=!r}")
print(f"{name=!s}")
print(f"{x*2=}")
print(f"{pi=:.3f}")
print(f"{ x + 1 = }")
print(f"{items[1:]=}")
print(f"{d['key']=}")
