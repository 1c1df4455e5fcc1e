import math
print(math.pi, math.e, math.tau)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.log1p(1e-10), math.expm1(1e-10))
print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12))
print(math.atan2(1, 1), math.atan(1), math.asin(1), math.acos(0))
print(math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.degrees(math.pi), math.radians(180))
print(math.factorial(20), math.factorial(0))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 100, 6 ** 30), math.lcm(4, 6))
print(math.comb(10, 3), math.perm(5, 2), math.comb(100, 50))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.copysign(2, -1), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.dist((0, 0), (3, 4)))
print(math.sinh(1), math.cosh(1), math.tanh(1))
print(math.pow(2, 10), math.pow(2, 0.5), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.erf(1), math.gamma(5), math.lgamma(10))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(2.5)
except TypeError as e:
    print("TypeError:", e)
print(math.fsum([0.1] * 10), math.isqrt(0))
