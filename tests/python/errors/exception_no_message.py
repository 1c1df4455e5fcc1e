class Empty(Exception):
    pass
print("raising an exception without message")
raise Empty
