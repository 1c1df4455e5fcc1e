# Dictionary counting: word frequencies with dict.get over a deterministic pseudo-random
# text, then the most common words (dict reads and writes with str keys, method calls).
import sys


def make_words(n):
    vocab = ["w%d" % k for k in range(500)]
    out = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(vocab[(x >> 8) % 500])
    return out


def count(words):
    c = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    return c


n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
words = make_words(n)
total = {}
for _ in range(5):
    total = count(words)
top = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(len(total), top)
