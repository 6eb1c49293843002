# except forms: bare, tuples, ordering, as-variable deletion, nested handlers.
def risky(n):
    if n == 0:
        return 1 / 0
    if n == 1:
        return [][0]
    if n == 2:
        return {}["k"]
    if n == 3:
        raise RuntimeError("rt")
    if n == 4:
        raise NotImplementedError("nie")
    return "fine"
for n in range(6):
    try:
        print(risky(n))
    except (ZeroDivisionError, IndexError) as e:
        print(n, "arith-or-index", type(e).__name__)
    except LookupError as e:
        print(n, "lookup", repr(e))
    except RuntimeError as e:
        print(n, "runtime family", type(e).__name__, isinstance(e, RuntimeError))
try:
    risky(0)
except:
    print("bare except caught it")
err = "before"
try:
    raise ValueError("v")
except ValueError as err:
    print("inside:", err)
try:
    print(err)
except NameError as e:
    print("NameError:", e)
try:
    try:
        risky(1)
    except IndexError:
        print("handling IndexError")
        risky(2)
except KeyError as e:
    print("KeyError escaped handler:", e, "context:", type(e.__context__).__name__)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
try:
    raise Exception("multi", "args", 3)
except Exception as e:
    print(e, e.args[2])
print(KeyError("k"), KeyError("k", "v"), str(KeyError()), repr(KeyError(1)))
print(str(IndexError("list index out of range")), BaseException("b"))
