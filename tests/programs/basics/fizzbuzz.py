# Classic small program with string building.
out = []
for i in range(1, 36):
    if i % 15 == 0:
        s = "FizzBuzz"
    elif i % 3 == 0:
        s = "Fizz"
    elif i % 5 == 0:
        s = "Buzz"
    else:
        s = str(i)
    out.append(s)
    print(i, s)
print(", ".join(out))
print(out.count("Fizz"), out.count("Buzz"), out.count("FizzBuzz"))
line = ""
for i in range(1, 16):
    line += "F" * (i % 3 == 0) + "B" * (i % 5 == 0) or str(i)
    line += " "
print(line.strip())
