a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3, 4, 5]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
def rotate(l, k):
    k %= len(l)
    return l[-k:] + l[:-k]
print([rotate(list(range(5)), k) for k in range(-1, 4)])
def reverse_in_place(l):
    i, j = 0, len(l) - 1
    while i < j:
        l[i], l[j] = l[j], l[i]
        i += 1
        j -= 1
    return l
print(reverse_in_place(list("abcdef")), reverse_in_place([]), reverse_in_place([1]))
x = y = 5
x += 1
print(x, y)
