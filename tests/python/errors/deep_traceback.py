def f(n):
    if n == 0:
        return {}["deep"]
    return f(n - 1)
print("recursing 5 levels")
f(5)
