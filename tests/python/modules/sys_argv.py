import sys
print(len(sys.argv))
print(sys.argv[0].replace("\\", "/").split("/")[-3:])
for i, a in enumerate(sys.argv[1:], 1):
    print(i, repr(a))
nums = [int(a) for a in sys.argv[1:] if a.lstrip("-").isdigit()]
print("sum of numeric args:", sum(nums))
