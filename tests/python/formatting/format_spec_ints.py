nums = [0, 7, -7, 255, 65535, -123456789, 10 ** 12]
specs = ["d", "5d", "<6d", ">6d", "^7d", "06d", "+d", " d", "-d", ",d", "_d", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "_b", "08b", "#010x", "+#x", "=+8d", "*^9d", "n", "c" ,"e", ".2f", "%", ".1%", "g"]
for n in nums:
    out = []
    for s in specs:
        try:
            out.append(format(n, s))
        except (ValueError, OverflowError) as e:
            out.append("ERR(" + str(e) + ")")
    print(n, out)
print(format(True, "d"), format(False, "x"), format(True, ""), format(True, ">5"))
try:
    format(5, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format(5, ".2d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(5, ",x")
except ValueError as e:
    print("ValueError:", e)
