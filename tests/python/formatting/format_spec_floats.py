vals = [0.0, -0.0, 1.0, 3.14159265358979, -2.5, 1234567.891, 1e-7, 1e16, 123456789012345678.0, 0.1, 2.5e-5, 1e100, 0.5, 1.5, 2.5]
specs = ["", "f", ".0f", ".1f", ".3f", "10.2f", "<10.2f", "^10.2f", "010.2f", "+.2f", " .2f", ",.2f", "_.1f", "e", ".2e", "E", "g", ".3g", ".10g", "G", "%", ".1%", "#.0f", "#g", ".0e", "n", "r" if False else "", "=+12.3f", "#.3g", ".2"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except ValueError as e:
            out.append("ERR")
    print(repr(v), out)
for v in [float("inf"), float("-inf"), float("nan")]:
    print([format(v, s) for s in ["", "f", "e", "g", "10.2f", "+f", "%", "010f"]])
print(format(1e22, "f"), format(1.0e-300, ".3g"), format(123.456, ".0f"), format(0.000123456, ".2g"))
print(format(9.995, ".2f"), format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"))
print(format(1e6, "g"), format(1e5, "g"), format(123456789.0, "g"), format(0.0001, "g"), format(0.00001, "g"))
print(format(12.0, ""), format(12.0, "g"), format(12.5, ".1g"), format(1e-5, ""), str(1e-5))
