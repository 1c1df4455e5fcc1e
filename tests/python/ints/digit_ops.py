def digits(n):
    out = []
    while n:
        n, r = divmod(n, 10)
        out.append(r)
    return out[::-1] or [0]
print(digits(9075), digits(0), digits(2 ** 40))
def is_palindrome(n):
    s = str(n)
    return s == s[::-1]
print([n for n in range(100, 200) if is_palindrome(n)])
def digital_root(n):
    while n >= 10:
        n = sum(int(c) for c in str(n))
    return n
print([digital_root(n) for n in [0, 9, 38, 999999999999, 2 ** 100]])
armstrong = [n for n in range(1, 10000) if n == sum(int(d) ** len(str(n)) for d in str(n))]
print(armstrong)
def to_base(n, b):
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    s = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        s = chars[r] + s
    return "-" + s if neg else s
for b in (2, 3, 7, 16, 36):
    print(b, to_base(1000000, b), int(to_base(1000000, b), b))
print(to_base(-255, 16), to_base(2 ** 70, 36))
