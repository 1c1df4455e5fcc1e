names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
         "LookupError", "KeyError", "IndexError", "ValueError", "UnicodeError", "UnicodeDecodeError", "TypeError",
         "AttributeError", "NameError", "UnboundLocalError", "RuntimeError", "RecursionError", "NotImplementedError",
         "StopIteration", "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "OSError",
         "FileNotFoundError", "PermissionError", "ImportError", "ModuleNotFoundError", "AssertionError", "EOFError",
         "MemoryError", "SyntaxError", "IndentationError", "TabError", "BufferError", "Warning", "UserWarning",
         "DeprecationWarning", "ConnectionError", "TimeoutError", "ExceptionGroup", "BaseExceptionGroup"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, [b.__name__ for b in cls.__mro__[1:]])
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))
