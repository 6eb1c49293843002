# dict/set operations with str keys and str indexing through tier 1's fast paths: present and
# missing keys, equal strs that are different objects (short ASCII strs compare by a packed key),
# non-ASCII and long strs, str indexes that wrap or fail.


def words(n):
    out = []
    s = 7
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        w = ""
        for k in range(1 + s % 6):
            s = (s * 1103515245 + 12345) % 2147483648
            w = w + "ab\x00é€xyz"[(s >> 16) % 8]
        out.append(w)
    return out


ws = words(3000)
freq = {}
for w in ws:
    if w in freq:
        freq[w] += 1
    else:
        freq[w] = 1
print(len(freq), sum(freq.values()), sorted(freq.items())[:8])
keys = sorted(freq)
print([repr(k) for k in keys[:10]], [freq[k] for k in keys[-5:]])

s = set(ws)
fs = frozenset(ws[:100])
hits = 0
for w in ["a", "b", "a\x00", "\x00", "", "ab", "aaaaa", "é", "€€", "zz", "abcd", "abcde"]:
    print(repr(w), w in freq, w not in freq, w in s, w in fs, freq.get(w))
    try:
        hits += freq[w]
    except KeyError as e:
        print("KeyError", e)
print(hits)

# equal strs built differently
a = "".join(["x", "y"])
b = "x" + "y"
c = "xy"
d = {a: 1}
print(b in d, c in d, d[b], d[c], a == b, a != c, a is b)
d[b] = 2
d[c] += 1
print(d, len(d))
print("abcd" == "abc" + "d", "abcd" != "abcd", "abcde" == "abcd" + "e", "é" == "\xe9")
print("" == "", "" != "a", "a\x00" == "a", "\x00" == "")


# non-str keys at the same sites
mixed = {1: "one", "1": "str one", (1, 2): "tuple", 2.5: "float"}
for k in [1, "1", (1, 2), 2.5, True, 1.0, "2"]:
    print(k in mixed, mixed.get(k))

# str indexing
t = "hello, wörld €"
print([t[i] for i in range(len(t))], t[-1], t[-len(t)])
for i in [len(t), -len(t) - 1, 100]:
    try:
        print(t[i])
    except IndexError as e:
        print("IndexError", e)
u = "a😀b"
print(u[0], u[1], u[2], u[-1], len(u))
print(["xyz"[i % 3] for i in range(-6, 6)])
print("abc"[True], "abc"[-3])
