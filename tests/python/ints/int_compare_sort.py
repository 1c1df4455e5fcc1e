nums = [5, -3, 2 ** 65, 0, -(2 ** 65), 17, 3, 3, -1, 10 ** 20]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(min(nums), max(nums), sum(nums))
print(sorted(nums, key=abs))
print(sorted(nums, key=lambda v: (v % 3, v)))
mixed = [3, 1.5, True, -2, 2.25, 0, False]
print(sorted(mixed))
print(max(mixed), min(mixed))
print([a < b for a, b in zip(nums, nums[1:])])
print(nums.index(3), nums.count(3))
