// Misc parser tests: deep nesting, performance, API details.
import assert from "node:assert/strict";
import { parseModule, PyParserRecursionError } from "../../src/frontend/parser.ts";
import { PySyntaxError } from "../../src/frontend/errors.ts";
import type { Assign, Constant, ExprStmt } from "../../src/frontend/ast.ts";

function err(src: string): PySyntaxError {
  try {
    parseModule(src, "t.py");
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error("no error");
}

Deno.test("199 nested parens parse, 201 give 'too many nested parentheses'", () => {
  parseModule("x = " + "(".repeat(199) + "1" + ")".repeat(199) + "\n", "t.py");
  const e = err("x = " + "(".repeat(201) + "1" + ")".repeat(201) + "\n");
  assert.equal(e.msg, "too many nested parentheses");
});

Deno.test("99 nested ifs parse, 100 give 'too many levels of indentation'", () => {
  const mk = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += " ".repeat(i) + "if x:\n";
    return s + " ".repeat(n) + "pass\n";
  };
  parseModule(mk(99), "t.py");
  const e = err(mk(100));
  assert.equal(e.kind, "IndentationError");
  assert.equal(e.msg, "too many levels of indentation");
});

Deno.test("extreme unary nesting gives a recursion error, not a JS stack overflow", () => {
  parseModule("x = " + "-".repeat(1000) + "1\n", "t.py");
  assert.throws(
    () => parseModule("x = " + "-".repeat(100000) + "1\n", "t.py"),
    PyParserRecursionError,
  );
  assert.throws(
    () => parseModule("x = " + "not ".repeat(100000) + "1\n", "t.py"),
    PyParserRecursionError,
  );
  assert.throws(
    () => parseModule("x = a" + ".b".repeat(100000) + "\n", "t.py"),
    PyParserRecursionError,
  );
});

Deno.test("big ints, floats, complex, bytes constants", () => {
  const m = parseModule(
    "a = 123456789012345678901234567890\nb = 1e400\nc = 2j\nd = b'\\xff'\n",
    "t",
  );
  const v = (i: number) => ((m.body[i] as Assign).value as Constant).value;
  assert.deepEqual(v(0), { kind: "int", value: 123456789012345678901234567890n });
  assert.deepEqual(v(1), { kind: "float", value: Infinity });
  assert.deepEqual(v(2), { kind: "complex", imag: 2 });
  assert.deepEqual(v(3), { kind: "bytes", value: new Uint8Array([255]) });
});

Deno.test("error carries text and 1-based offset", () => {
  const e = err("x = 1\ny = )\n");
  assert.equal(e.lineno, 2);
  assert.equal(e.offset, 5);
  assert.equal(e.text, "y = )");
});

Deno.test("utf-8 byte column offsets", () => {
  const m = parseModule("é = 'ü'; x = 1\n", "t");
  const s = m.body[1] as Assign;
  assert.equal(s.col_offset, 11);
  const e = m.body[0] as Assign;
  assert.equal(e.targets[0].end_col_offset, 2);
});

Deno.test("parsing 5000 lines is fast", () => {
  const unit = [
    "def f(a, b=1, *c, **d):",
    "    x = [i * 2 for i in range(a) if i % 3]",
    "    y = {'k': (a, b), **d}",
    "    if x and not y or a < b <= c:",
    '        return f"{a!r:>{b}} {x[1:2, ::3]}"',
    "    return lambda q: q ** -2",
    "",
  ];
  const lines: string[] = [];
  while (lines.length < 5000) lines.push(...unit);
  const src = lines.join("\n") + "\n";
  parseModule(src, "warm");
  const t0 = performance.now();
  const m = parseModule(src, "big");
  const dt = performance.now() - t0;
  assert.ok(m.body.length > 700);
  assert.ok(dt < 300, `took ${dt} ms`);
});

Deno.test("expression statement", () => {
  const m = parseModule("f(x)", "t");
  assert.equal((m.body[0] as ExprStmt).value._type, "Call");
});
