inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf * -inf)
print(inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, nan == nan, nan is nan)
print(inf == inf, inf > 1e308, -inf < -1e308)
print(max(1, inf), min(-inf, 0))
print(inf // 1, inf % 2, 5 % inf, -5 % inf)
print(divmod(5.0, inf))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf))
print(math.inf == inf, math.isnan(math.nan))
print(sorted([3.0, 1.0, 2.0]))
print(repr(inf), str(-inf), repr(nan))
print(f"{inf}", f"{nan:>6}", f"{-inf:.2f}", f"{inf:e}", f"{nan:g}", f"{inf:%}")
print(round(inf) if False else "skip")
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
print(math.copysign(1, -0.0), math.copysign(3, nan) > 0)
print(inf in [inf], nan in [nan], [nan].count(nan))
x = nan
print(x in [x], [x] == [x], (x,) == (x,))
print(abs(-inf), -(-inf))
print(float("nan") != float("nan"))
print(math.fsum([inf, 1.0]), sum([1.0, inf, -1.0]))
