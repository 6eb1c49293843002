# Re-raise, raise from, exception context, and exceptions crossing calls.
def level3(x):
    if x < 0:
        raise ValueError("negative: " + str(x))
    return x * 2
def level2(x):
    return level3(x) + 1
def level1(x):
    try:
        return level2(x)
    except ValueError:
        print("level1 saw it, re-raising")
        raise
for v in (5, -1):
    try:
        print("result", level1(v))
    except ValueError as e:
        print("top caught:", e)
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("cannot convert " + repr(s)) from e
try:
    convert("xyz")
except TypeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("while handling")
except KeyError as e:
    print(repr(e), "| context:", type(e.__context__).__name__, e.__context__)
try:
    raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
def cleanup_order():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally runs first")
    except ValueError as e:
        print("then handler:", e)
    finally:
        print("outer finally last")
cleanup_order()
e1 = None
try:
    raise IndexError("saved")
except IndexError as e:
    e1 = e
print(type(e1).__name__, e1)
try:
    raise e1
except IndexError as e:
    print("raised again:", e, e is e1)
