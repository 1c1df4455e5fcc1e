words = ["banana", "Apple", "cherry", "apple", "Banana", "", "a", "ab", "B", "á", "z", "Z", "10", "9", "ß"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(max(words), min(words))
print("a" < "b", "a" < "B", "abc" < "abcd", "" < "a", "Z" < "a")
print("apple" == "apple", "Apple" != "apple")
print("é" > "z", "\u00e9" == "é", "straße" == "strasse")
print([ord(c) for c in "aAzZ09 "])
print("abc".__lt__("abd"), "b".__ge__("a"), "a".__eq__(1))
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
