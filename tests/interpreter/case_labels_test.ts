// The interpreter's switch uses numeric case labels (V8 compiles a switch over literals into a
// jump table, but evaluates `case Op.X:` labels one by one), each annotated with its opcode name.
// This test keeps every label equal to the opcode it names.
import assert from "node:assert/strict";
import { Op } from "../../src/compiler/opcodes.ts";
import { SOp } from "../../src/interpreter/spec_ops.ts";

Deno.test("interpreter case labels match the opcode tables", () => {
  const src = Deno.readTextFileSync(new URL("../../src/interpreter/interp.ts", import.meta.url));
  const labels = [...src.matchAll(/case (\d+) \/\* (Op|SOp)\.([A-Z_0-9]+) \*\/:/g)];
  assert.ok(labels.length > 90, `expected the interpreter's case labels, found ${labels.length}`);
  for (const [, num, table, name] of labels) {
    const value = table === "Op"
      ? (Op as Record<string, number>)[name]
      : (SOp as Record<string, number>)[name];
    assert.equal(Number(num), value, `case ${num} is labelled ${table}.${name} = ${value}`);
  }
  assert.ok(!/case S?Op\./.test(src), "symbolic case labels defeat V8's jump tables");
});
