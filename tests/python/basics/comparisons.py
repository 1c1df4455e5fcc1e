print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(1 == 1.0, 1 == True, 0 == False, 1 != 2)
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2))
print((1, "a") < (1, "b"), (2,) > (1, 99))
print(1 < 2 > 1, 1 == 1 == 1, 1 == 1 != 1)
x = 5
print(0 < x <= 5, 0 < x < 5)
print(None == None, None is None, None is not None)
a = [1]
b = [1]
print(a == b, a is b, a is not b)
print(1.5 > 1, -1 < -0.5, 2 ** 60 > 2.0 ** 59)
print(float("inf") > 10 ** 300, float("-inf") < -10 ** 300)
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print("abc" == "abc", "abc" != "ABC")
print([1, [2, 3]] == [1, [2, 3]], {1: 2} == {1: 2}, {1, 2} == {2, 1})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 4} > {1})
print(max(3, 7) == 7, min("b", "a"))
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(5))
print(f(3) < f(2) < f(10))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1)
print([nan] == [nan])
print(1 in [1, 2], 3 not in [1, 2], "b" in "abc", "" in "abc")
print(0 == -0, 0.0 == -0.0, 1 == 1 + 0j)
