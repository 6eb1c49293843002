# Less common but simple str methods and iteration over strings.
s = "Hello World"
for i, ch in enumerate(s):
    if ch.isupper():
        print("upper at", i, ch)
print(list(s), tuple("abc"), set("aab") == {"a", "b"})
print(s.count("o"), s.index("W"), s.lower().count("l"))
print("-".join(reversed(s)), "".join(sorted(s)))
vowels = 0
for ch in s.lower():
    if ch in "aeiou":
        vowels += 1
print("vowels", vowels)
words = "one two three two one two".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(max(counts, key=counts.get), sorted(counts.items()))
print("abc".translate({ord("a"): "A", ord("b"): None}))
print(str.maketrans("ab", "xy") == {97: 120, 98: 121})
print("x".join("123"), "ab".join(["", ""]), str(3) + str(4.5))
print("Title Case Words".istitle(), "  lead".isspace(), "\t\n".isspace())
print("%s" % "ok", "{}".format("ok"), f"{'ok'}")
print("a" * 3 + "b" * 2, ("ab" * 3).count("ab"))
print(len("naïve"), "naïve".upper(), "straße".upper())
