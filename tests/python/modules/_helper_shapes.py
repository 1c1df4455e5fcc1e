"""Helper module imported by tests in this directory (not a test itself)."""
print("_helper_shapes is being imported, __name__ =", __name__)
PI = 3.14159
counter = 0
def area_circle(r):
    return PI * r * r
def bump():
    global counter
    counter += 1
    return counter
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
    def __repr__(self):
        return f"Square({self.s})"
_private = "underscore name"
__all__ = ["area_circle", "Square", "PI"]
if __name__ == "__main__":
    print("this should not run on import")
