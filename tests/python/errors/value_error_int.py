inputs = ["10", "20", "abc"]
for s in inputs:
    n = int(s)
    print(n * 2)
