// The uop table, the generated header and the stencils agree.
import assert from "node:assert/strict";
import { STENCILS } from "../../stencils/generated/x86_64-unknown-linux-gnu.ts";
import { generateUopsHeader } from "../../src/jit/c_header.ts";
import { UOP_ID, UOPS } from "../../src/jit/uops.ts";
import { stencils } from "../../src/jit/stencils.ts";

Deno.test("every uop has a stencil and every stencil a uop", () => {
  assert.deepEqual(Object.keys(STENCILS), UOPS.map((u) => u.name));
  for (const u of UOPS) {
    // An empty body (_NOP) is an empty stencil: its jump to the next one is removed.
    if (u.body.trim() !== "") assert.ok(stencils().get(u.name)!.code.length > 0, u.name);
  }
});

Deno.test("the header numbers the uops as the table does", () => {
  const header = generateUopsHeader();
  for (const u of UOPS) {
    assert.match(header, new RegExp(`#define UOP${u.name} ${UOP_ID[u.name]}\n`));
  }
  assert.match(header, new RegExp(`#define UOP_COUNT ${UOPS.length}\n`));
});

Deno.test("each stencil's holes are those its operands and flags call for", () => {
  for (const u of UOPS) {
    const symbols = new Set(stencils().get(u.name)!.holes.map((h) => h.symbol));
    const uses = (s: string) => symbols.has(s);
    // Fused uops take their locals' frame offsets from the oparg (LOCAL_HOLES).
    const opargHoles = uses("_JIT_OPARG") || [...symbols].some((s) => s.startsWith("_JIT_LOCAL_"));
    assert.equal(opargHoles, u.operands.includes("oparg"), `${u.name} oparg`);
    for (const k of ["operand0", "operand1", "operand2"] as const) {
      assert.equal(uses(`_JIT_${k.toUpperCase()}`), u.operands.includes(k), `${u.name} ${k}`);
    }
    assert.equal(uses("_JIT_JUMP_TARGET"), u.operands.includes("jump"), `${u.name} jump`);
    const stub = u.name === "_EXIT_TRACE";
    assert.equal(uses("_JIT_EXIT_TARGET"), u.flags.exits && !stub, `${u.name} exit`);
    if (u.flags.terminal) assert.ok(!uses("_JIT_CONTINUE"), `${u.name} is terminal`);
    if (u.flags.exits) assert.ok(u.operands.includes("target"), `${u.name} needs a target`);
    // A guard leaves the stack alone, except a _POP guard, which pops what it tested.
    if (u.flags.guard) {
      assert.equal(u.pushes, u.name.endsWith("_POP") ? u.pops - 1 : u.pops, `${u.name} guard`);
    }
  }
});

Deno.test("stack effects are sane", () => {
  for (const u of UOPS) {
    assert.ok(u.pops >= 0 && u.pushes >= 0, u.name);
    if (u.flags.pure) assert.ok(!u.flags.exits && !u.flags.escapes, `${u.name} pure`);
  }
});

Deno.test("every uop has a uop-interpreter case", async () => {
  const { interpretedUops } = await import("../../src/jit/uop_interp.ts");
  assert.deepEqual(interpretedUops(), UOPS.map((u) => u.name));
});

Deno.test("the dict entry size the stencils use is dict.ts's", async () => {
  const { ENTRY_BYTES } = await import("../../src/runtime/dict.ts");
  const { DICT_ENTRY_BYTES } = await import("../../src/jit/c_header.ts");
  assert.equal(DICT_ENTRY_BYTES, ENTRY_BYTES);
});

Deno.test("native list growth uses tier 1's capacity formula", async () => {
  const { grownCapacity } = await import("../../src/runtime/layout.ts");
  const m = /#define LIST_GROWN_CAP\(cap\) (.*)\n/.exec(generateUopsHeader());
  assert.ok(m !== null);
  // The macro's body is also valid TypeScript arithmetic on a number `cap`.
  const macro = new Function("cap", `return ${m[1]};`) as (cap: number) => number;
  for (const cap of [0, 1, 4, 10, 19, 1000, 65535]) assert.equal(macro(cap), grownCapacity(cap));
});
