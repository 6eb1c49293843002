# printf-style % formatting.
print("%s and %s" % ("this", "that"))
print("%d items" % 5, "%5d|" % 42, "%-5d|" % 42, "%05d" % 42, "%+d" % 42)
print("%f %.2f %10.3f| %-10.1f|" % (3.14159, 3.14159, 3.14159, 3.14159))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%e %.3e %g %g" % (12345.678, 12345.678, 0.00001, 1e16))
print("%r %s" % ("q", "q"), "%r" % ([1, "a"],))
print("%c%c" % (72, "i"), "100%%", "%s%%" % 50)
print("%(name)s is %(age)d" % {"name": "bob", "age": 7})
print("%*d|%-*d|" % (5, 1, 5, 2))
print("%.3s|%5s|%-5s|" % ("abcdef", "ab", "ab"))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True))
print("%d" % 3.99, "%i" % -7, "%.0f" % 2.5, "%.0f" % 3.5)
print("%d" % (2 ** 70), "%x" % (2 ** 70), "%.2f" % (2 ** 70))
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for name, qty, price in rows:
    print("%-12s %3d x %5.2f = %7.2f" % (name, qty, price, qty * price))
print("%s" % "single", "%5.1f%%" % 99.44)
