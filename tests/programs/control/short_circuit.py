# and/or return one of their operands; short circuit evaluation.
log = []
def t(x):
    log.append(x)
    return x
print(0 or 5, 3 or 5, "" or "default", None or [] or "last")
print(0 and 5, 3 and 5, "a" and "b", [] and 1 / 0)
print(t(0) or t(1) or t(2), log)
log.clear()
print(t(1) and t(0) and t(2), log)
log.clear()
print(t(1) or t(2), t(0) and t(3), log)
print(not 0, not "x", not [] and "ok")
name = ""
display = name or "anonymous"
print(display)
config = {"debug": 0}
level = config.get("level") or config.get("debug") or "info"
print(level)
def safe_div(a, b):
    return b != 0 and a / b
print(safe_div(1, 2), safe_div(1, 0))
vals = [0, 1, "", "s", None, [], [1]]
for a in vals:
    print(repr(a), [a and b for b in vals[:3]], [a or b for b in vals[:3]])
x = None
print(x is not None and x.attr)
if (n := len("walrus")) > 3:
    print("n is", n)
data = [3, 8, 1]
print([y for v in data if (y := v * 2) > 4])
