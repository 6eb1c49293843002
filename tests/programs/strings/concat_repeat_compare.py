# +, *, in, comparisons and len on strings.
a = "abc"
b = "abd"
print(a + b, a * 3, 3 * a, a * 0, repr(a * -1))
print(a < b, a > b, a == "abc", a != b, a <= "abc", "Z" < "a")
print("" < "a", "a" < "aa", "abc" < "abcd", "b" > "abcd")
print("b" in a, "bc" in a, "ac" in a, "" in a, "x" not in a)
print(len(""), len(a + b), len(a * 100))
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "b", ""]))
print(max(["pear", "fig", "zucchini"]), min("hello"))
s = ""
for i in range(10):
    s += str(i)
    print(s, len(s))
parts = []
for ch in "hello":
    parts.append(ch.upper() + ch)
print("".join(parts))
print("ab" * 3 == "ababab", "-" * 20)
print("%s" % ("x" * 5), ("ab" + "cd") * 2)
print("a" < "b" < "c", "b" < "a" < "c")
print("\u00e9" > "z", "\u00e9" < "\u00f1")
