# Generates set_order_cases.json for set_order_test.ts: small Python programs that build sets by
# adds, removes, discards, pops, updates and set operations, and print list(s), repr(s) and what
# pop() returns. CPython 3.11 (the oracle) runs each program here; the test runs the same source
# through Tessera and compares stdout byte for byte. Only keys whose hashes CPython computes
# deterministically are used (ints, bools, floats, tuples and frozensets of those; no str, and no
# None next to other keys since CPython hashes None by address).
#
#   python3 tests/runtime/gen_set_cases.py > tests/runtime/set_order_cases.json
import contextlib, io, json, random, sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

POOLS = {
    "small": [str(i) for i in range(0, 40)],
    "neg": ["-1", "-2", "-3", "-8", "-9", "-16", "-100", "-(2**40)", "-(2**61)", "-(2**63)"],
    "big": ["2**40", "2**40 + 8", "2**61 - 1", "2**61", "2**61 + 5", "2**62", "2**64 + 3",
            "10**20", "-(10**20)", "2**47", "2**47 - 1", "-(2**47)", "2**100"],
    "mult8": [str(8 * i) for i in range(0, 24)],
    "mult32": [str(32 * i) for i in range(0, 24)],
    "pow2": [f"2**{k}" for k in range(3, 63, 3)] + [f"-(2**{k})" for k in range(5, 60, 7)],
    "float": ["1.5", "-0.25", "0.1", "2.0", "1e20", "-3.75", "1e-5", "123456.789", "float('inf')",
              "-float('inf')", "0.5", "7.0", "2.5e15"],
    "bool": ["True", "False", "1", "0"],
    "tuple": ["(1, 2)", "(2, 1)", "(-1,)", "()", "((1, 2), 3)", "(1.5, True)", "(0, 0)",
              "(2**64, -1)", "(8, 16, 24)", "(frozenset({1, 2}), 3)"],
    "frozenset": ["frozenset()", "frozenset({1})", "frozenset({1, 2})", "frozenset({2**61, -2})",
                  "frozenset({(1, 2)})"],
}
MIXED = POOLS["small"] + POOLS["neg"] + POOLS["big"] + POOLS["float"] + POOLS["tuple"]


def run(src):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(src, "<case>", "exec"), {})
    return out.getvalue()


def lit(vals):
    return "{" + ", ".join(vals) + "}" if vals else "set()"


def random_program(rng, pool):
    lines = []
    show = "print(list(s), repr(s), len(s))"

    def some(k):
        return [rng.choice(pool) for _ in range(rng.randint(0, k))]

    lines.append(f"s = {lit(some(12))}" if rng.random() < 0.5 else "s = set()")
    for _ in range(rng.randint(8, 30)):
        r = rng.random()
        v = rng.choice(pool)
        if r < 0.30:
            lines.append(f"s.add({v})")
        elif r < 0.40:
            lines.append(f"s.discard({v})")
        elif r < 0.45:
            lines.append(f"if {v} in s: s.remove({v})")
        elif r < 0.53:
            lines.append("if s: print('pop', s.pop())")
        elif r < 0.58:
            lines.append(f"s.update([{', '.join(some(10))}])")
        elif r < 0.62:
            lines.append(f"s |= {lit(some(10))}")
        elif r < 0.66:
            lines.append(f"s &= {lit(some(25) + some(3))} | set(list(s)[::2])")
        elif r < 0.70:
            lines.append(f"s -= {lit(some(10))}")
        elif r < 0.74:
            lines.append(f"s ^= {lit(some(10))}")
        elif r < 0.77:
            lines.append(f"s = s | {lit(some(8))}")
        elif r < 0.80:
            lines.append(f"s = {lit(some(8))} - s")
        elif r < 0.83:
            lines.append(f"s = s ^ {lit(some(8))}")
        elif r < 0.85:
            lines.append(f"s = s.union([{', '.join(some(8))}], {lit(some(5))})")
        elif r < 0.87:
            lines.append(f"s = s.difference([{', '.join(some(6))}], {lit(some(4))})")
        elif r < 0.89:
            lines.append(f"s.symmetric_difference_update([{', '.join(some(8))}])")
        elif r < 0.91:
            lines.append(f"s.difference_update([{', '.join(some(8))}])")
        elif r < 0.93:
            lines.append(f"s.intersection_update(s | {lit(some(5))})")
        elif r < 0.95:
            lines.append("s = s.copy()")
        elif r < 0.96:
            lines.append("s = set(list(s)[::-1])")
        elif r < 0.97:
            lines.append("s = {x for x in s}")
        elif r < 0.98:
            lines.append("s.clear()")
        else:
            lines.append(f"s = frozenset(s) | {lit(some(4))}; s = set(s)")
        if rng.random() < 0.35:
            lines.append(show)
    lines.append(show)
    lines.append("while s: print('pop', s.pop())")
    return "\n".join(lines) + "\n"


FIXED = [
    "print({8, 9, 4, 7}, {16, 1, 2, 3, 4})\na, b = 16, 1\nprint({a, b, 2, 3, 4})",
    "s = {0, 8}\ns.discard(0)\ns.add(16)\nprint(list(s))",
    "s = set(range(20))\nprint(s.pop(), s.pop(), s)\ns.add(0)\nprint(s.pop(), s)",
    "s = {i * 32 for i in range(30)}\nprint(s)\nfor _ in range(10): print(s.pop())\nprint(s)",
    "s = {-1, -2, 2**61 - 1, 2**61, -(2**61), 2**64, -(2**64)}\nprint(s)\ns.add(-3)\nprint(s)",
    "print({1.5, 2.5, 0.1, 1e20, -0.5, float('inf')})",
    "print({(1, 2), (2, 1), (1, 2, 3), ((1,), 2), (-1, -2)})",
    "print({True, 1, 1.0}, {1.0, True}, {0, False, 0.0}, {False, 2})",
    "print({1} & {True}, {True} & {1, 2}, {1, 2} | {1.0, 2.0}, {1.0} ^ {1})",
    "a = {1, 2, 3, 9, 17}\nb = {17, 9, 2, 100}\nprint(a | b, a & b, a - b, b - a, a ^ b, b ^ a)",
    "a = set(range(100))\nb = {3, 64, 99, 1000}\nprint(a & b, b & a, b - a, a ^ b == b ^ a)",
    "a = set(range(0, 200, 7))\na -= set(range(0, 200, 3))\nprint(a)\na.add(3)\nprint(a.pop(), a)",
    "a = set(range(50))\nfor k in range(0, 50, 2): a.discard(k)\nprint(a)\na.update(range(64, 80))\nprint(a)",
    "s = set()\nfor k in range(1, 60): s.add(k * 8)\nprint(s)\nfor k in range(1, 60, 3): s.remove(k * 8)\nprint(s)",
    "s = set([3, 3, 1] * 5 + [2**70, 2**70 + 1])\nprint(s, sorted(s) == sorted(set(sorted(s))))",
    "fs = frozenset({5, 3, 99, 2**40})\nprint(fs, fs | {1}, {1} | fs, fs.union([7]), fs & {99, 3}, hash(fs))",
    "print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), -1})))",
    "print({frozenset({1}), frozenset({2, 3}), frozenset(), frozenset({-1, 2**61})})",
    "d = {5: 1, 3: 2, 99: 0, 2**40: 1}\nprint(set(d), set(d.keys()), d.keys() | {1}, d.keys() & {3, 5}, {3} - d.keys(), d.keys() ^ {5, 7})",
    "s = set(range(10))\ns.intersection_update({1, 2, 3, 100}, range(2, 9))\nprint(s, s.pop(), s)",
    "s = {1, 2, 3}\ns.symmetric_difference_update({3, 4, 5, 2**63})\nprint(s)\ns.difference_update([1], {4})\nprint(s)",
    "s = set(range(16))\nt = s.copy()\nprint(t)\nfor i in range(8): s.pop()\nprint(s, s.copy(), set(s), frozenset(s))",
    "for x in {40, 8, 16, 1, 0}: print(x, end=' ')\nprint()\nprint([x for x in {24, 16, 8, 0, 32}])",
    "print({x * x % 37 for x in range(40)}, {(x, -x) for x in range(6)})",
    "print({*range(5), *[40, 8]}, {*{16, 8}, 0})",
    "s = {1, 2}\nprint(s.union(), s.intersection(), s.difference(), s | s, s & s, s - s, s ^ s)",
    "s = set(range(6))\ns.clear()\ns.update([9, 17, 1])\nprint(s, s.pop(), s)",
    "s = set()\nfor i in range(100000): s.add(i * 37 % 1000003)\nprint(len(s), list(s)[:10], list(s)[-5:])\nfor i in range(5): print(s.pop())",
    "s = {(i, i * 2) for i in range(40)}\nprint(list(s)[:12])\ns.discard((3, 6))\nprint(s.pop(), s.pop())",
    "s = {2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -(2**61) + 1, -(2**61) - 1}\nprint(s)",
    "print({0.5, 0.25, 0.125, 1e-300, 5e-324, 1.7976931348623157e308, -2.0, -1.0})",
    "print({(1, 2.5, True), (0, False), ((), ()), (2**62, (-1, -2))})",
    "s = set(range(10))\nprint(s.isdisjoint([20]), s.issubset(range(20)), s.issuperset([1, 2]), s <= set(range(10)))",
]


def main():
    rng = random.Random(311)
    cases = []
    for i, src in enumerate(FIXED):
        src = src if src.endswith("\n") else src + "\n"
        cases.append({"name": f"fixed{i}", "src": src, "out": run(src)})
    for name, pool in list(POOLS.items()) + [("mixed", MIXED)]:
        for k in range(12 if name != "mixed" else 30):
            src = random_program(rng, pool)
            cases.append({"name": f"{name}{k}", "src": src, "out": run(src)})
    json.dump(cases, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


main()
