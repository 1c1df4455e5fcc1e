for s in ["1", "1j", "-1j", "1+1j", "1-1j", "+1.5-2.5j", "(3+4j)", " ( 3+4j ) ", "1e3j", "1e-3+1e3j", "inf+nanj", "-infj", "J", "2J", "1_0+2_0j"]:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for bad in ["1+", "j1", "1+2", "(1+2j", "1 + 2j", "abc", ""]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
print(complex(real=1, imag=2), complex(imag=3), complex(1j, 1j), complex(1 + 1j, 2))
class HasComplex:
    def __complex__(self):
        return 5 + 6j
print(complex(HasComplex()))
