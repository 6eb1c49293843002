# assert statements, raising classes vs. instances, and raise in expressions.
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    assert x != 5
    return x
for v in (3, -2, 5, 7):
    try:
        print("ok", check(v))
    except AssertionError as e:
        print("AssertionError:", repr(str(e)), e.args)
try:
    raise ValueError
except ValueError as e:
    print("raised a class:", repr(e))
try:
    raise ValueError()
except ValueError as e:
    print("raised an instance:", repr(e))
def pick(kind):
    errors = {"k": KeyError, "v": ValueError, "t": TypeError}
    raise errors[kind]("from pick " + kind)
for kind in "kvt":
    try:
        pick(kind)
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
def validate(age):
    if not isinstance(age, int):
        raise TypeError("age must be int, not " + type(age).__name__)
    if age < 0:
        raise ValueError("age must be >= 0")
    return age
for a in (5, "x", -1, 2.5):
    try:
        print(validate(a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
