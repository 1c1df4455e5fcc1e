import math
xs = [0.0, 0.5, 1.0, 2.0, 10.0, 100.0]
for x in xs:
    print(x, math.sqrt(x), math.exp(-x), math.log1p(x), math.atan(x), math.tanh(x))
for x in [0.1, 1.0, 2.5, 1e10]:
    print(x, math.log(x), math.log2(x), math.log10(x))
angles = [0, 30, 45, 60, 90, 180, 270, 360]
for a in angles:
    r = math.radians(a)
    print(a, round(math.sin(r), 12), round(math.cos(r), 12))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(7), math.ceil(7.000001))
print(math.isqrt(2 ** 100), math.isqrt(99), math.factorial(25), math.comb(52, 5), math.perm(10, 3), math.perm(5))
print(math.gcd(), math.gcd(12), math.gcd(12, 18, 27), math.lcm(2, 3, 4), math.lcm())
print(math.fsum([0.1] * 10), math.prod(range(1, 11)), math.prod([0.5, 4]), math.dist([0, 0, 0], [1, 2, 2]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.nan != math.nan, math.inf > 1e308, -math.inf, math.copysign(0.0, -1), math.fabs(-0.0))
print(math.trunc(-3.9), math.modf(-3.25), math.frexp(0.0), math.frexp(-10.0), math.ldexp(3, -2))
print(math.hypot(), math.hypot(5), math.hypot(3, 4, 12), math.atan2(-1, -1), math.atan2(0, -1))
print(math.exp(700) > 1e300, math.expm1(1), math.erfc(0.5), round(math.gamma(0.5) ** 2, 12))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.remainder(10, 3), math.fmod(10, -3))
