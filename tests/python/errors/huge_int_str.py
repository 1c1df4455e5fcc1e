x = 10 ** 100000
print(x.bit_length())
print(len(str(x)))
