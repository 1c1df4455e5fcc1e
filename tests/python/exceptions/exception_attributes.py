try:
    {}["key"]
except KeyError as e:
    print(e.args, str(e), repr(e))
try:
    [].pop()
except IndexError as e:
    print(e.args)
try:
    None.attr
except AttributeError as e:
    print(e.args, e.name, e.obj is None)
try:
    undefined_name
except NameError as e:
    print(e.args, e.name)
try:
    import nonexistent_module_xyz
except ModuleNotFoundError as e:
    print(e.args, e.name, isinstance(e, ImportError))
try:
    raise OSError(2, "No such file")
except OSError as e:
    print(e.errno, e.strerror, e.args, str(e))
try:
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit code", e.code, e.args)
try:
    raise StopIteration(42)
except StopIteration as e:
    print("StopIteration value", e.value)
e = ValueError("m")
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
try:
    raise e
except ValueError:
    print(e.__traceback__ is not None)
e2 = Exception(1, 2)
print(e2.args, str(e2), repr(e2), str(Exception()), repr(Exception("x")))
e3 = Exception("note test")
e3.add_note("first note")
e3.add_note("second note")
print(e3.__notes__)
x = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(x.encoding, x.object, x.start, x.end, x.reason, str(x))
s = SyntaxError("msg", ("file.py", 3, 5, "bad line", 3, 8))
print(s.msg, s.filename, s.lineno, s.offset, s.text)
