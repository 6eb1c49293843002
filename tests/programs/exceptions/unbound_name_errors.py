# NameError and UnboundLocalError caught and printed.
def uses_later():
    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    value = 5
    return value
print(uses_later())
try:
    print(not_defined_anywhere)
except NameError as e:
    print("NameError:", e)
def deleted():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(deleted())
counter = 0
def bad_increment():
    try:
        counter += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
bad_increment()
try:
    undefined_function(1, 2)
except NameError as e:
    print(type(e).__name__, e)
print(isinstance(UnboundLocalError("x"), NameError))
try:
    del never_bound
except NameError as e:
    print("del:", e)
def conditional(flag):
    if flag:
        result = "set"
    return result
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("conditional:", e)
