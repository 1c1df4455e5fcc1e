s = "0123456789"
print(s[::2], s[1::2], s[::-2], s[-2::-2], s[3:7], s[7:3:-1], s[-3:], s[:-3])
words = "alpha beta gamma delta"
print(words[:5], words[6:10], words[-5:], words.split()[1][1:3])
print(s[len(s):], s[:0], s[-1:-2], s[5:5:-1])
def rotate(t, k):
    k %= len(t)
    return t[k:] + t[:k]
print(rotate(s, 3), rotate(s, -3), rotate(s, 13))
print([s[i:i + 3] for i in range(0, len(s), 3)])
print(s[::3][::-1], s[::-1][::3])
lst = list(s)
lst[2:8:2] = "xyz"
print("".join(lst))
t = tuple(s)
print(t[2:5], t[::-4])
