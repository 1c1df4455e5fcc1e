s = "the quick brown fox jumps over the lazy dog the end"
print(s.find("the"), s.find("the", 1), s.find("the", 1, 20), s.find("cat"), s.rfind("the"), s.rfind("the", 0, 40))
print(s.index("fox"), s.rindex("o"), s.count("the"), s.count("o", 10, 30), s.count("o", -10))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("cat")
except ValueError as e:
    print("ValueError:", e)
print(s.replace("the", "THE"), s.replace("the", "a", 2), s.replace("", "-")[:20], s.replace("zz", "y") == s)
print("aaaa".replace("aa", "b"), "abab".replace("ab", ""), "x".replace("x", "yy", 0))
print(s.startswith("the"), s.startswith("quick", 4), s.endswith("end"), s.endswith(("x", "end")), s.startswith(("a", "t")))
print("".find(""), "abc".find(""), "abc".rfind(""), "abc".find("", 5))
print("hello".find("l"), "hello".rfind("l"), "hello".index("l", 3))
