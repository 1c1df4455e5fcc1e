samples = ["abc", "ABC", "Abc", "123", "12.3", "abc123", " ", "", "\t\n", "Ⅻ", "½", "٣", "a b", "_id", "if", "x1", "1x", "héllo", "\x00"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
