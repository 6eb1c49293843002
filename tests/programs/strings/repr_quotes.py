# repr() of strings chooses quotes and escapes.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "back\\slash",
           "\x00\x07\x1b", "\x7f", "caf\u00e9", "\u200b", "\U0001F600", "", " ", "\r\n",
           "\u0085", "\xa0", "'", '"', "\u2028"]
for s in samples:
    print(repr(s), len(s), len(repr(s)))
print([s for s in samples[:5]])
print(("a'b", 'c"d'))
print({"k'": "v\n"})
print(str(["x"]), repr(["x"]), str("x"), repr("x"))
print(repr(repr("a")), repr(str(1)))
print(ascii("caf\u00e9"), ascii("\U0001F600"), ascii("plain"))
print(repr("\\n"), repr("\\"), repr("a\\'b"))
for s in ["a'b\"c", "only'single", 'only"double']:
    r = repr(s)
    print(r, r[0], r[-1], len(r) - len(s))
