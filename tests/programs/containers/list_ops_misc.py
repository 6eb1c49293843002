# Misc list behaviour: in, +, *, len, del, aliasing, copies, list(), sum/min/max.
a = [1, 2, 3]
print(2 in a, 5 in a, 5 not in a, a + [4], a * 2, [0] * 5, [] * 3)
del a[1]
print(a, len(a))
b = a
b.append(9)
print(a, b, a is b)
c = list(a)
c.append(10)
print(a, c)
deep = [[1], [2]]
shallow = deep[:]
shallow[0].append("x")
shallow[1] = "replaced"
print(deep, shallow)
print(sum([1, 2, 3]), min([4, -1, 7]), max(["b", "a"]), sum([[1], [2]], []))
print(list(), list((1, 2)), list({"k": 1}), list(range(0)))
nums = [5, 3, 8, 1]
total = 0
for n in nums:
    total += n
print(total, total / len(nums))
idx = 0
while idx < len(nums):
    nums[idx] *= 2
    idx += 1
print(nums)
print([1, 2, 3].__len__(), [3, 1, 2].index(2), [[]] * 2)
x = [1, 2, 3, 4, 5, 6]
x[1], x[4] = x[4], x[1]
print(x)
i = 0
x[i], i = 99, 2
print(x, i)
