print("defining class")
class Broken:
    x = 1
    y = x + undefined_thing
