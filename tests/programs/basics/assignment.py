# Assignment forms: simple, chained, tuple unpacking, swaps, augmented.
a = 1
b = c = 2
print(a, b, c)
x, y = 10, 20
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
n = 5
n += 3
print(n)
n -= 1
print(n)
n *= 4
print(n)
n //= 3
print(n)
n %= 5
print(n)
n **= 3
print(n)
n <<= 2
print(n)
n >>= 1
print(n)
n |= 1
print(n)
n &= 6
print(n)
n ^= 15
print(n)
s = "ab"
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
