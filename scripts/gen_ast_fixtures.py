#!/usr/bin/env python3
"""Generate JSON dumps of CPython's AST for the frontend differential tests.

Usage: python3 scripts/gen_ast_fixtures.py
Copies ../shared/bench/*.py (relative to the repo root) into tests/frontend/fixtures/ and writes
<name>.json next to every fixtures/*.py, in the exact shape of src/frontend/ast.ts:
  nodes: {"_type": ClassName, field: value, ..., lineno, col_offset, end_lineno, end_col_offset}
  operators / contexts: the class name as a string
  Constant.value: {"kind": "int", "value": "<decimal>"} | {"kind": "float", "value": <num>|"inf"|"-inf"|"nan"}
                  | {"kind": "complex", "imag": <num>|"inf"|...} | {"kind": "str", "value": s}
                  | {"kind": "bytes", "value": [ints]} | {"kind": "bool", "value": b}
                  | {"kind": "none"} | {"kind": "ellipsis"}
"""
import ast
import glob
import json
import math
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "tests", "frontend", "fixtures")
SIMPLE = (ast.operator, ast.boolop, ast.unaryop, ast.cmpop, ast.expr_context)
POS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def num(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def const(v):
    if v is None:
        return {"kind": "none"}
    if v is Ellipsis:
        return {"kind": "ellipsis"}
    if isinstance(v, bool):
        return {"kind": "bool", "value": v}
    if isinstance(v, int):
        return {"kind": "int", "value": str(v)}
    if isinstance(v, float):
        return {"kind": "float", "value": num(v)}
    if isinstance(v, complex):
        return {"kind": "complex", "imag": num(v.imag)}
    if isinstance(v, str):
        return {"kind": "str", "value": v}
    if isinstance(v, bytes):
        return {"kind": "bytes", "value": list(v)}
    raise TypeError(type(v))


def conv(node):
    if isinstance(node, list):
        return [conv(x) for x in node]
    if isinstance(node, SIMPLE):
        return type(node).__name__
    if isinstance(node, ast.AST):
        out = {"_type": type(node).__name__}
        for f in node._fields:
            v = getattr(node, f, None)
            if isinstance(node, (ast.Constant, ast.MatchSingleton)) and f == "value":
                out[f] = const(v)
            else:
                out[f] = conv(v)
        for a in POS:
            if a in node._attributes and hasattr(node, a):
                out[a] = getattr(node, a)
        return out
    return node


def main():
    os.makedirs(FIX, exist_ok=True)
    bench = os.path.join(ROOT, "..", "shared", "bench")
    for f in sorted(glob.glob(os.path.join(bench, "*.py"))):
        shutil.copy(f, os.path.join(FIX, os.path.basename(f)))
    n = 0
    for f in sorted(glob.glob(os.path.join(FIX, "*.py"))):
        with open(f, encoding="utf-8") as fh:
            src = fh.read()
        tree = ast.parse(src, filename=os.path.basename(f))
        with open(f[:-3] + ".json", "w", encoding="utf-8") as fh:
            json.dump(conv(tree), fh, ensure_ascii=False, separators=(",", ":"))
        n += 1
    print(f"wrote {n} fixtures", file=sys.stderr)


if __name__ == "__main__":
    main()
