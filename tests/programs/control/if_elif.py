# if/elif/else chains, nested ifs, conditional expressions.
def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    elif n < 100:
        kind = "medium"
    else:
        kind = "large"
    return kind
for n in (-5, 0, 3, 9, 10, 99, 100, 10 ** 20):
    print(n, classify(n))
def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 65, 90, 80)])
for x in range(4):
    for y in range(4):
        if x == y:
            rel = "="
        else:
            if x < y:
                rel = "<"
            else:
                rel = ">"
        print(x, rel, y, end="; ")
    print()
v = 15
if v % 3 == 0 and v % 5 == 0:
    print("both")
if v % 2 == 0 or v > 10:
    print("even or big")
if not v == 0:
    print("nonzero")
if []:
    print("never")
elif [0]:
    print("nonempty list is true")
