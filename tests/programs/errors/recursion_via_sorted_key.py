# Recursion through a key function called by a built-in
def f(x):
    return sorted([x], key=f)
f(1)
