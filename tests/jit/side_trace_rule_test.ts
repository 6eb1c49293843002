// Side traces never begin by repeating the action whose failure took their exit (executor.ts,
// "exits that cannot help"): such an exit stays with tier 1, while guard exits still grow side
// traces, and a translation that cannot fail that way (an exact int chain) is allowed.
import assert from "node:assert/strict";
import { interpHooks } from "../../src/interpreter/hooks.ts";
import { runSource } from "../../src/runtime/program.ts";
import { installJit } from "../../src/jit/install.ts";
import { exitActions, jitStats, leadActions, repeatsFailure } from "../../src/jit/executor.ts";
import { EXIT_LINKED_ID, EXIT_TARGET } from "../../src/jit/exit_layout.ts";
import { fusedName } from "../../src/jit/uops_fused.ts";
import { codes } from "../../src/runtime/func.ts";

Deno.test("the actions an exit can fail in: guards none, fused uops their components'", () => {
  assert.deepEqual(exitActions({ uop: "_GUARD_BOTH_INT", target: 3 }), []);
  assert.deepEqual(exitActions({ uop: "_EXIT_TRACE", target: 3 }), []);
  assert.deepEqual(exitActions({ uop: "_BINARY_OP_MUL_INT", target: 3 }), ["_BINARY_OP_MUL_INT"]);
  const mul = fusedName({ form: "binary", op: "MUL", kind: "INT", a: "L", b: "C", d: "L" });
  assert.deepEqual(exitActions({ uop: mul, oparg: 1, operand0: 0n, target: 3 }), [
    "_BINARY_OP_MUL_INT",
  ]);
  // The chain exits only on its operands' int check (its operations run without a record).
  const chain = fusedName({ form: "chain", a: "S", b: "C", c: "C", op: "ADD", d: "S" });
  const u = { uop: chain, operand0: 0x0402000080000000n, operand1: 0n, operand2: 0n, target: 3 };
  assert.deepEqual(exitActions(u), []);
  // A side trace from a failed * at 3 that starts with the same * repeats it; with the chain not.
  const again = [
    { uop: "_CHECK_VALIDITY", operand0: 0n, target: 3 },
    { uop: "_GUARD_BOTH_INT", target: 3 },
    { uop: "_BINARY_OP_MUL_INT", target: 3 },
    { uop: "_BINARY_OP_ADD_INT", target: 5 },
  ];
  assert.deepEqual(leadActions(again, 3), ["_BINARY_OP_MUL_INT"]);
  assert.ok(repeatsFailure(leadActions(again, 3), ["_BINARY_OP_MUL_INT"]));
  assert.ok(!repeatsFailure(leadActions([u], 3), ["_BINARY_OP_MUL_INT"]));
  // Actions after the first frame push or pop are in another frame.
  const pushed = [{ uop: "_PUSH_FRAME", oparg: 0, operand0: 0n, target: 7 }, {
    uop: "_BINARY_OP_MUL_INT",
    target: 7,
  }];
  assert.deepEqual(leadActions(pushed, 7), ["_PUSH_FRAME"]);
});

const OVERFLOWS = `
def work(x):
    y = x + 1
    return y * 99999999999999 + 1

def scale(x):
    return x * 99999999999999 + 1

def calls(n):
    total = 0
    for i in range(n):
        total = total + (work(i) >> 45)
    return total

def idle(n):
    total = 0
    for i in range(n):
        total = total + (scale(i) >> 45)
    return total

def branches(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total = total + 1
    return total

assert calls(3000) == 12792536
assert idle(3000) == 12784010
assert branches(3000) == 1000
`;

Deno.test({
  name: "an overflow on every call grows no side traces; a branch exit still grows one",
  sanitizeResources: false,
  sanitizeOps: false,
}, () => {
  const jit = installJit({
    xopts: new Map([["jit", "1"], ["jit-threshold", "16"]]),
    env: undefined,
    stats: false,
    dump: false,
  })!;
  const refusedBefore = jitStats.refused.get("side trace would repeat its failed action") ?? 0;
  const removedBefore = jitStats.removedSlow;
  try {
    const r = runSource(OVERFLOWS, "<test>");
    assert.equal(r.exitCode, 0, r.stderr);
    const codeOf = (name: string) => codes.findIndex((c) => c?.code.name === name);
    const live = jit.executors.filter((e) => e !== null);
    // work's entry trace adds, then its * (instruction 7) exits on every call: that exit is hot,
    // tried and linked to nothing, and no side trace starts there.
    const entry = live.find((e) => e!.entry && e!.codeIndex === codeOf("work"))!;
    assert.ok(entry !== undefined, "work has a function-entry executor");
    const mulExit = entry.records.find((rec) =>
      jit.exits.word(rec, EXIT_TARGET) === 7n && jit.exits.hits(rec) > 100
    );
    assert.ok(mulExit !== undefined, "the * exits on every call");
    assert.equal(jit.exits.tried[mulExit], 1);
    assert.equal(jit.exits.word(mulExit, EXIT_LINKED_ID), 0n);
    assert.ok(
      live.every((e) => !(e!.codeIndex === entry.codeIndex && e!.start === 7)),
      "no side trace starts at the *",
    );
    assert.ok(
      (jitStats.refused.get("side trace would repeat its failed action") ?? 0) > refusedBefore,
    );
    // scale's entry trace does nothing before its * fails: it is removed (and backs off).
    assert.ok(!live.some((e) => e!.entry && e!.codeIndex === codeOf("scale")));
    assert.ok(jitStats.removedSlow > removedBefore);
    // A branch exit (a guard) grew a side trace as before.
    assert.ok(live.some((e) => e!.sideKey !== undefined), "a side trace from a guard exit");
  } finally {
    interpHooks.jit = null;
  }
});
