items = [1, 2, 3]
print(items[2])
def get(i):
    return items[i]
print(get(5))
