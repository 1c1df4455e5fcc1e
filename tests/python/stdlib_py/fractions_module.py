from fractions import Fraction as F
a = F(1, 3)
b = F(3, 4)
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-b))
print(F("0.25"), F(0.5), F(6, 8), F(5), F("3/7"), F(1, 3) == F(2, 6))
print(F(1, 3) < 0.34, float(F(1, 3)), int(F(7, 2)), round(F(7, 2)), round(F(5, 2)))
print(F(355, 113).limit_denominator(10), F(3.141592653589793).limit_denominator(1000))
print(sum(F(1, n) for n in range(1, 11)), F(1, 3).numerator, F(1, 3).denominator)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
