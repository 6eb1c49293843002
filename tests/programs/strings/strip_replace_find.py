# strip family, replace, find/rfind/index/rindex/count, startswith/endswith.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcHELLOcba".lstrip("abc"), "0012300".rstrip("0"))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("hello world".replace("o", "0"), "banana".replace("na", "NA"), "x".replace("y", "z"))
t = "the cat sat on the mat"
print(t.find("at"), t.rfind("at"), t.find("dog"), t.find("the", 1), t.find("at", 5, 10))
print(t.index("sat"), t.rindex("the"), t.count("at"), t.count("the"), t.count(""))
print(t.startswith("the"), t.startswith("cat", 4), t.endswith("mat"), t.endswith(("x", "at")))
print(t.startswith(("a", "t")), "".startswith(""), "abc".endswith(""))
pos = t.find("at")
while pos != -1:
    print("found at", pos, t[pos - 1:pos + 2])
    pos = t.find("at", pos + 1)
print("a-b-c".replace("-", ""), "Mississippi".count("ss"), "Mississippi".count("s"))
print("abcabc".find(""), "abc".rfind(""), "aaaa".count("aa"))
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"))
