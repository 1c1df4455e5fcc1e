# split and rsplit with one-char, multi-char, non-ASCII and overlapping separators, every maxsplit.
cases = ["", "a", ",", ",,", "a,b,,c,", ",a,b", "aXYbXYXYc", "XYXYX", "ééxéé", "a::b:::c", "héllo wörld"]
seps = [",", "XY", ":", "::", "é", "x", "ll", "XYX"]
for s in cases:
    for sep in seps:
        for m in (-1, 0, 1, 2, 5):
            print(repr(s), repr(sep), m, s.split(sep, m), s.rsplit(sep, m))
for bad in ("",):
    try:
        "abc".split(bad)
    except ValueError as e:
        print("ValueError", e)
    try:
        "abc".rsplit(bad)
    except ValueError as e:
        print("ValueError", e)
