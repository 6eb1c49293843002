# Dicts: insertion order, deletion, update, get, setdefault, pop, views, in.
d = {"one": 1, "two": 2, "three": 3}
print(d, len(d))
d["four"] = 4
d["one"] = 100
print(d)
del d["two"]
print(d, "two" in d, "three" in d)
d["two"] = 2
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("one"), d.get("nine"), d.get("nine", -1))
print(d.setdefault("five", 5), d.setdefault("one", 0), d)
print(d.pop("three"), d.pop("missing", "dflt"), d)
d.update({"six": 6, "one": 1})
d.update(seven=7)
d.update([("eight", 8)])
print(d)
print(d.popitem(), d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
e = dict(d)
e.clear()
print(e, d == dict(d), {} == {})
print({1: "a", 2: "b"} == {2: "b", 1: "a"})
f = dict.fromkeys(["x", "y"], 0)
print(f, dict(zip("abc", range(3))))
g = {i: i * i for i in range(6)}
print(g, {k: v for k, v in g.items() if v % 2 == 0})
print(sorted(g, reverse=True), max(g.values()), sum(g))
h = {**g, 10: 100}
print(h, {**{"a": 1}, **{"a": 2, "b": 3}})
print(len(d | {"new": 0}), d | {"one": -1})
