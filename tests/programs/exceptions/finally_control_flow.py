# finally with return, break and continue.
def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally before return")
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret_in_finally(), finally_overrides(), swallow())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop")
def count_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("cleanup", n)
print(count_finally())
def nested():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
                out.append(("ok", i))
            finally:
                out.append(("inner-fin", i))
        except KeyError:
            out.append(("caught", i))
            continue
        finally:
            out.append(("outer-fin", i))
    return out
for item in nested():
    print(item)
def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x set to", x)
print(value_at_return())
