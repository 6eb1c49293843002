# f-strings: expressions, conversions, format specs, nesting.
name = "world"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{n} {n + 1} {n * 2} {n // 5} {n % 5}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e}")
print(f"{n:>6} {n:<6}| {n:^6}| {n:06d} {n:x} {n:#o} {n:b}")
print(f"{name!r} {name!s} {name.upper()} {len(name)}")
print(f"{items} {items[0]} {items[-1]} {sum(items)}")
print(f"{'quoted'} {'a' + 'b'} {3 > 2}")
width = 8
prec = 3
print(f"[{pi:{width}.{prec}f}]")
print(f"{{braces}} {n}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{1234567:,} {0.5:%} {-3:+d} {3:+d}")
for i in range(4):
    print(f"row {i}: {i * i:3d} {'even' if i % 2 == 0 else 'odd':>5}")
x = 10
print(f"{x=}", f"{x * 2 = }")
print(f"{None} {True} {1.0} {[1, 'a']} {(1,)}")
print(f"{'nested ' + f'{n}'}")
print(f"{3.0:g} {1e20:g} {0.0001:g} {123.456:.2g}")
print(f"multi" f"part {n}")
