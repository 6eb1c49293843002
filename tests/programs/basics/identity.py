# is / is not / == on common values, and None handling.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, None == None)
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unreachable")
def f():
    pass
print(f() is None)
print(type(None).__name__)
t = ()
print(t == (), len(t))
print([] == [], [] is not [])
print(1 == 1.0, 1 == True, 0 == False)
print("abc" == "ab" + "c")
d = {"k": None}
print(d["k"] is None, d.get("missing") is None)
vals = [None, 0, False, "", []]
for v in vals:
    print(repr(v), v is None, v == None, v == 0)
print(type(1) is int, type(1.0) is float, type("") is str)
print(type([]) is list, type(()) is tuple, type({}) is dict)
