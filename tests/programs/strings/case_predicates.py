# upper/lower/title/capitalize/swapcase and is* predicates.
samples = ["hello", "WORLD", "Mixed Case", "123", "12.5", "abc123", "   ", "", "a b", "ÉCOLE", "snake_case"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
    print("   ", s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isidentifier(), s.isdecimal(), s.isnumeric())
print("hello world".title(), "they're".title(), "o'neil".capitalize())
print("ß".upper(), "İ".lower() == "i̇", len("ß".upper()))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print("a\tb\tc".expandtabs(4), "x".center(4), "|" + "ab".center(5) + "|")
print("HeLLo".casefold(), "ǅ".istitle())
for w in ["MiXeD", "lower", "UPPER", "Title Words", "123abc", "x1_Y2"]:
    flipped = ""
    for ch in w:
        flipped += ch.lower() if ch.isupper() else ch.upper()
    print(w, flipped, flipped == w.swapcase())
