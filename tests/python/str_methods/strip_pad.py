s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "..a..".lstrip("."), "..a..".rstrip("."))
print("hi".center(10, "*"), "hi".ljust(6, "-") + "|", "hi".rjust(6) + "|", "hi".center(1))
print("abc".center(6), "|" + "abc".center(6) + "|", "|" + "ab".center(5) + "|")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(6), "".zfill(3))
print("prefix_name".removeprefix("prefix_"), "name.txt".removesuffix(".txt"), "x".removeprefix("y"))
print("a\tb\tc".expandtabs(), "a\tbb\tccc".expandtabs(3), "\t".expandtabs(0) + "|")
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
