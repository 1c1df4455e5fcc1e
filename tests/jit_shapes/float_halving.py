# A float loop: no boxing inside the loop, the multiply by 1.0 folds away.
def settle(lim):
    x = 0.0
    k = 0
    while x < lim:
        x = x * 1.0 + 0.25
        k += 1
    return k, x


print(settle(100.0))
