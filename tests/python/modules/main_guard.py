def main():
    print("main() called")
    return 0
print("__name__ is", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
import sys
print(sys.modules["__main__"].__name__, "main" in dir(sys.modules["__main__"]))
print(__file__.endswith("main_guard.py"), __file__.replace("\\", "/").split("/")[-2:])
