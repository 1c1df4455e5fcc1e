def outer():
    def middle():
        def inner():
            return [1, 2, 3][3]
        return inner()
    return middle()
print("start")
print(outer())
