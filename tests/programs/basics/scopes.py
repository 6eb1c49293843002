# Module globals, function locals, shadowing and global statement.
counter = 0
name = "module"

def show():
    print("show sees", name, counter)

def shadow():
    name = "local"
    print("shadow sees", name)

def bump():
    global counter
    counter += 1
    return counter

def make_global():
    global created
    created = "made inside"

show()
shadow()
show()
for _ in range(3):
    print("bump ->", bump())
show()
make_global()
print(created)

def outer():
    x = "outer-x"
    def inner():
        return x + "!"
    return inner()
print(outer())

def param_shadow(counter):
    counter = counter * 2
    return counter
print(param_shadow(21), counter)

def loop_var():
    for i in range(4):
        pass
    return i
print(loop_var())
total = 0
for k in range(5):
    total += k
print(k, total)
