import difflib
a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox jumped over the lazy cat".split()
for line in difflib.unified_diff(a, b, "a", "b", lineterm="", n=1):
    print(line)
sm = difflib.SequenceMatcher(None, "abcdefgh", "abxdefyh")
print(round(sm.ratio(), 6), sm.get_matching_blocks())
print(sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
