# A list nested 100000 deep: repr must fail cleanly, not overflow the host stack
l = []
for i in range(100000):
    l = [l]
print(len(l))
s = repr(l)
