from collections import Counter
text = "one two three two three three four four four four"
c = Counter(text.split())
print(c.most_common())
print(c["four"], c["five"], len(c), c.total())
c2 = Counter(three=1, four=10)
print((c & c2).most_common(), (c | c2).most_common())
c.subtract({"four": 4})
print(+c)
print(sorted(Counter("hello world").items()))
