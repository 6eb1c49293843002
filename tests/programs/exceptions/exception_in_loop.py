# Exceptions raised inside loops and functions, handled at different levels.
def parse_all(items):
    good, bad = [], []
    for s in items:
        try:
            good.append(int(s))
        except ValueError as e:
            bad.append(str(e))
    return good, bad
g, b = parse_all(["1", "x", "3", "4.5", "-7", ""])
print(g)
for msg in b:
    print(msg)
def safe_div(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(a / b)
        except ZeroDivisionError:
            out.append(None)
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out
print(safe_div([(1, 2), (3, 0), (4, "x"), (5.0, 0.0), (9, 3)]))
def first_negative(xs):
    class Found(Exception):
        pass
    try:
        for i, x in enumerate(xs):
            for y in x:
                if y < 0:
                    raise Found((i, y))
    except Found as f:
        return f.args[0]
    return None
print(first_negative([[1, 2], [3, -4, -5], [-6]]), first_negative([[1]]))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 4:
            raise ConnectionError("attempt %d failed" % attempts)
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print(e)
d = {}
for w in "a b a c b a".split():
    try:
        d[w] += 1
    except KeyError:
        d[w] = 1
print(d)
