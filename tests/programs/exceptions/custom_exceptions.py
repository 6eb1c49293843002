# Custom exception hierarchies, args, str(), and catching by base class.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: " + key)
        self.key = key
class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return "invalid %s=%r" % (self.field, self.value)
def lookup(k):
    data = {"a": 1}
    if k == "bad":
        raise Invalid("key", k)
    if k not in data:
        raise NotFound(k)
    return data[k]
for k in ("a", "zz", "bad"):
    try:
        print("value", lookup(k))
    except NotFound as e:
        print("NotFound:", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__, str(e), e.args, e.field)
e = AppError("x", 2, [3])
print(e.args, str(e), repr(e))
print(str(AppError()), repr(AppError()), str(AppError("only")), repr(ValueError("v")))
print(isinstance(NotFound("k"), AppError), isinstance(NotFound("k"), Exception), issubclass(Invalid, BaseException))
try:
    raise NotFound("deep")
except Exception as ex:
    print("caught by Exception:", type(ex).__name__, ex)
try:
    raise AppError
except AppError as ex:
    print("class raised:", repr(ex), ex.args)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault()
except WithDefault as ex:
    print(ex)
errs = [ValueError("a"), KeyError("b"), IndexError("c"), ZeroDivisionError("d"), NotFound("e")]
for err in errs:
    try:
        raise err
    except (KeyError, IndexError) as ex:
        print("lookup-ish", type(ex).__name__, ex)
    except Exception as ex:
        print("other", type(ex).__name__, ex)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
