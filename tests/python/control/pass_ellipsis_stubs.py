def todo():
    ...
def todo2():
    pass
class Stub:
    def m(self):
        ...
print(todo(), todo2(), Stub().m())
for i in range(2):
    pass
while False:
    pass
if True:
    pass
else:
    ...
try:
    pass
except Exception:
    pass
finally:
    pass
print("all stubs ran")
