def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 65, 55, 90, 89.9)])
x = 7
r = "big" if x > 5 else "small"
print(r, "even" if x % 2 == 0 else "odd", "a" if 0 else "b" if 0 else "c")
if x:
    if x > 3:
        if x > 6:
            print("deeply nested true")
if []:
    print("empty list truthy?")
elif {}:
    print("empty dict truthy?")
elif "0":
    print("non-empty string '0' is truthy")
y = 0
if y == 0: print("single line if")
if not y and x: print("combined conditions")
if (x > 5 and
        y == 0 or
        False):
    print("multi-line condition")
