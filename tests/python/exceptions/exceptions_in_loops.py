data = ["1", "2", "x", "4", None, "6", "7.5"]
total = 0
errors = []
for item in data:
    try:
        total += int(item)
    except ValueError as e:
        errors.append(("value", item))
        continue
    except TypeError:
        errors.append(("type", item))
        continue
    finally:
        pass
    print("added", item)
print(total, errors)
def find(seq, target):
    for i, v in enumerate(seq):
        try:
            if v == target:
                return i
        finally:
            if v == target:
                print("found at", i)
    raise LookupError(f"{target!r} not found")
print(find("abc", "b"))
try:
    find("abc", "z")
except LookupError as e:
    print("LookupError:", e)
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 4:
            raise ConnectionError(f"attempt {attempts}")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retrying:", e)
results = []
for d in [2, 0, 5, 0]:
    try:
        results.append(10 // d)
    except ZeroDivisionError:
        results.append(None)
print(results)
