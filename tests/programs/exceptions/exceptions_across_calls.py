# An exception propagating through several frames, with finally blocks on the way.
log = []
def a(n):
    log.append("enter a")
    try:
        return b(n)
    finally:
        log.append("leave a")
def b(n):
    log.append("enter b")
    try:
        return c(n)
    except KeyError:
        log.append("b handled KeyError")
        return "b-recovered"
    finally:
        log.append("leave b")
def c(n):
    log.append("enter c")
    if n == 1:
        raise KeyError("k")
    if n == 2:
        raise ValueError("v")
    return "c-ok"
for n in (0, 1, 2):
    log.clear()
    try:
        print("result:", a(n))
    except ValueError as e:
        print("top:", repr(e))
    print("  log:", log)
def recurse(n):
    if n == 0:
        raise OverflowError("bottom reached")
    try:
        return recurse(n - 1)
    finally:
        if n % 10 == 0:
            print("unwinding", n)
try:
    recurse(50)
except OverflowError as e:
    print("caught:", e)
