excs = [ValueError(), ValueError("x"), ValueError("x", "y"), ValueError(1), ValueError(None), KeyError("k"), KeyError(("a", 1)),
        KeyError(), OSError(13, "denied"), OSError("plain"), OSError(2, "nf", "file.txt"), StopIteration(5), SystemExit(2),
        UnicodeError("u"), Exception([1, 2]), Exception(""), Warning("w"), ExceptionGroup("eg", [ValueError(1)])]
for e in excs:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
