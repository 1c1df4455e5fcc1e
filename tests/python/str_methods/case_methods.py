for s in ["hello world", "HELLO", "hElLo WoRlD", "it's a test-case", "123abc", "ǆemal", "", "mIxEd 42 x"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ß".casefold(), "ß".lower(), "ß".upper())
print("hello world".title(), "they're bill's".title(), "a1b2c3".title())
print("Hello".istitle(), "Hello World".istitle(), "hello".islower(), "HELLO".isupper(), "123".islower())
