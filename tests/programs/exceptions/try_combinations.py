# try/except/else/finally in all combinations, printing the path taken.
def run(action):
    trace = []
    try:
        trace.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "key":
            {}["missing"]
        if action == "return":
            return trace + ["returned"]
    except ValueError as e:
        trace.append("except ValueError: " + str(e))
    except KeyError as e:
        trace.append("except KeyError: " + repr(e))
    else:
        trace.append("else")
    finally:
        trace.append("finally")
    trace.append("after")
    return trace
for action in ("none", "raise", "key", "return"):
    print(action, run(action))
def only_finally(x):
    log = []
    try:
        try:
            log.append("inner try")
            if x:
                raise TypeError("t")
        finally:
            log.append("inner finally")
    except TypeError:
        log.append("outer caught")
    return log
print(only_finally(0), only_finally(1))
def try_else():
    try:
        v = 1
    except Exception:
        v = 2
    else:
        v += 10
    return v
print(try_else())
for i in range(4):
    try:
        if i % 2:
            raise IndexError(i)
        print("no error", i)
    except IndexError as e:
        print("caught", e.args)
        continue
    finally:
        print("finally", i)
