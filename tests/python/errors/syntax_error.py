print("this line is never executed")
def broken(:
    pass
