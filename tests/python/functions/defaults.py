def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("A"), greet("B", "Hi"), greet("C", punct="?"), greet(greeting="Yo", name="D"))
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
counter = 0
def default_eval(x=counter):
    return x
counter = 5
print(default_eval())
def f(a, b=2, *args, c=3, d, **kw):
    return a, b, args, c, d, kw
print(f(1, d=4), f(1, 2, 3, 4, d=5, e=6), f(a=1, d=2, c=9))
print(f.__defaults__, f.__kwdefaults__)
def mutate_defaults(a, b=[1]):
    return b
mutate_defaults.__defaults__ = (["replaced"],)
print(mutate_defaults(0))
def none_default(items=None):
    items = [] if items is None else items
    items.append(len(items))
    return items
print(none_default(), none_default(), none_default([9]))
