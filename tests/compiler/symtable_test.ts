import assert from "node:assert/strict";
import { type Scope, SymbolTable } from "../../src/compiler/symtable.ts";
import { programs } from "./cases.ts";

function dump(s: Scope, prefix: string, out: Record<string, Record<string, number>>) {
  const key = prefix + s.name;
  const syms: Record<string, number> = {};
  for (const [name, sc] of s.scopes) syms[name] = sc;
  out[key] = syms;
  for (const c of s.children) dump(c, key + "/", out);
}

// Expectations are CPython 3.11's `symtable` module output, captured by fixtures/gen.py.
for (const p of programs) {
  Deno.test(`symtable matches CPython: ${p.name}`, () => {
    const st = SymbolTable.build(p.ast, p.name, null);
    const got: Record<string, Record<string, number>> = {};
    dump(st.top, "", got);
    const want: Record<string, Record<string, number>> = {};
    for (const [k, v] of Object.entries(p.scopes)) want[k] = v.symbols;
    assert.deepEqual(got, want);
  });
}

Deno.test("symtable: class closure and free-class flags", () => {
  const p = programs.find((x) => x.name === "scopes.py")!;
  const st = SymbolTable.build(p.ast, p.name, null);
  const outer = st.top.children.find((c) => c.name === "outer")!;
  const k = outer.children.find((c) => c.name === "K")!;
  assert.equal(k.needsClassClosure, true);
  const c = st.top.children.find((c) => c.name === "C")!;
  assert.equal(c.needsClassClosure, true);
  assert.ok(c.symbols.has("_C__priv"));
});
