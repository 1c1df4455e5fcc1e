data = [1, 2, 0, 4]
print("inverting")
inverted = [1 / x for x in data]
print(inverted)
