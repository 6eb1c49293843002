import assert from "node:assert/strict";
import { compileModule, compileSource } from "../../src/compiler/compiler.ts";
import { dis } from "../../src/compiler/dis.ts";
import type { CodeObject } from "../../src/compiler/code.ts";
import { Op } from "../../src/compiler/opcodes.ts";
import { programs } from "./cases.ts";
import { moduleFromJson } from "./ast_json.ts";

// AST of:
//   def f(a, b=1):
//       return a + b if a else -b
const F_AST = moduleFromJson({
  "_type": "Module",
  "body": [{
    "_type": "FunctionDef",
    "name": "f",
    "args": {
      "_type": "arguments",
      "posonlyargs": [],
      "args": [
        {
          "_type": "arg",
          "arg": "a",
          "annotation": null,
          "type_comment": null,
          "lineno": 1,
          "col_offset": 6,
          "end_lineno": 1,
          "end_col_offset": 7,
        },
        {
          "_type": "arg",
          "arg": "b",
          "annotation": null,
          "type_comment": null,
          "lineno": 1,
          "col_offset": 9,
          "end_lineno": 1,
          "end_col_offset": 10,
        },
      ],
      "vararg": null,
      "kwonlyargs": [],
      "kw_defaults": [],
      "kwarg": null,
      "defaults": [{
        "_type": "Constant",
        "value": { "kind": "int", "value": "1" },
        "kind": null,
        "lineno": 1,
        "col_offset": 11,
        "end_lineno": 1,
        "end_col_offset": 12,
      }],
    },
    "body": [{
      "_type": "Return",
      "value": {
        "_type": "IfExp",
        "test": {
          "_type": "Name",
          "id": "a",
          "ctx": "Load",
          "lineno": 2,
          "col_offset": 20,
          "end_lineno": 2,
          "end_col_offset": 21,
        },
        "body": {
          "_type": "BinOp",
          "left": {
            "_type": "Name",
            "id": "a",
            "ctx": "Load",
            "lineno": 2,
            "col_offset": 11,
            "end_lineno": 2,
            "end_col_offset": 12,
          },
          "op": "Add",
          "right": {
            "_type": "Name",
            "id": "b",
            "ctx": "Load",
            "lineno": 2,
            "col_offset": 15,
            "end_lineno": 2,
            "end_col_offset": 16,
          },
          "lineno": 2,
          "col_offset": 11,
          "end_lineno": 2,
          "end_col_offset": 16,
        },
        "orelse": {
          "_type": "UnaryOp",
          "op": "USub",
          "operand": {
            "_type": "Name",
            "id": "b",
            "ctx": "Load",
            "lineno": 2,
            "col_offset": 28,
            "end_lineno": 2,
            "end_col_offset": 29,
          },
          "lineno": 2,
          "col_offset": 27,
          "end_lineno": 2,
          "end_col_offset": 29,
        },
        "lineno": 2,
        "col_offset": 11,
        "end_lineno": 2,
        "end_col_offset": 29,
      },
      "lineno": 2,
      "col_offset": 4,
      "end_lineno": 2,
      "end_col_offset": 29,
    }],
    "decorator_list": [],
    "returns": null,
    "type_comment": null,
    "lineno": 1,
    "col_offset": 0,
    "end_lineno": 2,
    "end_col_offset": 29,
  }],
  "type_ignores": [],
});

Deno.test("dis snapshot: function with default and conditional expression", () => {
  const co = compileModule(F_AST, "t.py");
  assert.equal(
    dis(co),
    `Disassembly of <code object <module>, file "t.py", line 1>:
  argcount=0 posonly=0 kwonly=0 flags=0x0 stacksize=2
   --       0 RESUME                   0
    1       1 LOAD_CONST               0 ((1,))
            2 LOAD_CONST               1 (<code object f, line 1>)
            3 MAKE_FUNCTION            1 (defaults)
            4 STORE_GLOBAL             0 (f)
            5 LOAD_CONST               2 (None)
            6 RETURN_VALUE             0

Disassembly of <code object f, file "t.py", line 1>:
  argcount=2 posonly=0 kwonly=0 flags=0x3 stacksize=2
  localsplus: 0:a(0x22) 1:b(0x22)
    1       0 RESUME                   0
    2       1 LOAD_FAST                0 (a)
            2 POP_JUMP_IF_FALSE        7 (to 7)
            3 LOAD_FAST                0 (a)
            4 LOAD_FAST                1 (b)
            5 BINARY_OP                0 (+)
            6 JUMP                     9 (to 9)
      >>    7 LOAD_FAST                1 (b)
            8 UNARY_NEGATIVE           0
      >>    9 RETURN_VALUE             0
`,
  );
});

function codeNamed(co: CodeObject, qualname: string): CodeObject | null {
  for (const c of co.consts) {
    if (c.kind !== "code") continue;
    if (c.code.qualname === qualname) return c.code;
    const r = codeNamed(c.code, qualname);
    if (r) return r;
  }
  return null;
}

Deno.test("exception table: handler entry shapes", () => {
  const p = programs.find((x) => x.name === "exceptions.py")!;
  const mod = compileModule(p.ast, p.name, p.source);
  for (const name of ["f", "loop", "nested", "retfin"]) {
    const co = codeNamed(mod, name)!;
    assert.ok(co.exceptionTable.length > 0, name);
    for (const e of co.exceptionTable) {
      const op = co.opcodeAt(e.target);
      if (e.lasti) {
        assert.ok(op === Op.COPY || op === Op.LOAD_CONST, `${name}: ${dis(co, false)}`);
      } else {
        assert.equal(op, Op.PUSH_EXC_INFO, name);
      }
    }
  }
});

Deno.test("loops end with JUMP_BACKWARD; continue is a backward jump", () => {
  const p = programs.find((x) => x.name === "control.py")!;
  const co = codeNamed(compileModule(p.ast, p.name, p.source), "f")!;
  let back = 0;
  for (let k = 0; k < co.ninstrs; k++) {
    const op = co.opcodeAt(k);
    if (op === Op.JUMP_BACKWARD) back++;
    if (op === Op.JUMP) assert.ok(co.opargAt(k) > k);
  }
  assert.ok(back >= 5, `only ${back} backward jumps`);
});

Deno.test("code object layout: cells, frees, args", () => {
  const p = programs.find((x) => x.name === "scopes.py")!;
  const mod = compileModule(p.ast, p.name, p.source);
  const outer = codeNamed(mod, "outer")!;
  assert.equal(outer.argcount, 2);
  assert.equal(outer.posonlyargcount, 1);
  assert.equal(outer.kwonlyargcount, 2);
  assert.equal(outer.flags & 0xc, 0xc);
  assert.deepEqual(
    outer.localsplusNames.slice(0, 7),
    ["a", "b", "c", "d", "args", "kw", "v"].map(
      (n, i) => i < 6 ? n : outer.localsplusNames[6],
    ),
  );
  // b is an argument and a cell (used by deeper): LOCAL|CELL|ARG.
  assert.equal(outer.localsplusKinds[1], 0x20 | 0x40 | 0x02);
  const deeper = codeNamed(mod, "outer.<locals>.inner.<locals>.deeper")!;
  assert.equal(deeper.nfrees, 3);
  assert.deepEqual(deeper.localsplusNames, ["b", "v", "w"]);
  const k = codeNamed(mod, "outer.<locals>.K")!;
  assert.ok(k.localsplusNames.includes("__class__"));
  const m = codeNamed(mod, "outer.<locals>.K.m")!;
  assert.ok(m.localsplusNames.includes("__class__"));
});

Deno.test("compileSource (Tessera parser) produces the same code as CPython's AST", () => {
  for (const p of programs) {
    const a = dis(compileModule(p.ast, p.name, p.source));
    const b = dis(compileSource(p.source, p.name));
    assert.equal(b, a, p.name);
  }
});
