# Comments, line continuations, blank lines, semicolons and implicit joining.

x = 1 + \
    2 + \
    3
print(x)  # trailing comment

values = [
    1,
    2,  # a comment inside brackets
    3,
]
print(values)

total = (10
         + 20
         - 5)
print(total)

a = 1; b = 2; c = a + b
print(a, b, c)

if a: print("one-line if")
for i in range(2): print("one-line for", i)

while False: pass

def f(): return "one-line def"
print(f())

s = ("implicit " "string "
     "concatenation")
print(s)

d = {
    "k1": 1,

    "k2": 2,
}
print(d)
	# a comment after a tab-indented blank area
print("end")
