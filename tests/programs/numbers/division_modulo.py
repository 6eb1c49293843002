# True division, floor division and modulo for ints and floats with all sign combinations.
nums = [7, -7, 7.5, -7.5, 0, 1, -1]
dens = [2, -2, 3, -3, 0.5, -0.5, 2.5]
for a in nums:
    row = []
    for b in dens:
        row.append((a // b, a % b))
    print(a, row)
for a in nums:
    print(a, [a / b for b in dens])
print(-1 // 3, -1 % 3, 1 // -3, 1 % -3)
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0)
print(5 % 5, -5 % 5, 5 % -5, 5.0 % -5)
print(divmod(10 ** 20 + 7, -13), divmod(-(10 ** 20) - 7, 13))
print((2 ** 70) / 3, (-(2 ** 70)) // 3)
print(1 / 3 * 3, 2 / 3 + 1 / 3, 0.3 // 0.1, 0.3 % 0.1)
