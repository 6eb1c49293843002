# join, split (with/without sep, maxsplit), rsplit, splitlines, partition.
words = ["alpha", "beta", "gamma", "delta"]
print(" ".join(words), ",".join(words), "".join(words), "--".join([]))
print(", ".join([str(i) for i in range(5)]))
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1))
print("a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 1))
print("a--b--c".split("--"), "abc".split("x"))
print("".split(), "".split(","), "   ".split())
print("1 2 3".split(" ", 0), "1 2 3".split(maxsplit=1))
print("line1\nline2\r\nline3\n".splitlines())
print("key=value=more".partition("="), "novalue".partition("="))
print("key=value=more".rpartition("="))
csv = "name,age,city\nann,31,oslo\nbob,27,rome"
for line in csv.split("\n"):
    fields = line.split(",")
    print(len(fields), fields, "|".join(fields))
print(" ".join("hello world".split()[::-1]))
print("-".join("abc"), "+".join(["x"]))
