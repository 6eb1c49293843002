// Tier 2 in process: a real program's loops become executors; their code is never writable and
// executable at once; side traces link through exit records; invalidation unlinks and frees.
import assert from "node:assert/strict";
import { interpHooks } from "../../src/interpreter/hooks.ts";
import { runSource } from "../../src/runtime/program.ts";
import { installJit } from "../../src/jit/install.ts";
import { jitStats } from "../../src/jit/executor.ts";
import { EXIT_LINKED_ID } from "../../src/jit/exit_layout.ts";
import { mappingsOver, writableExecutable } from "../ffi/maps.ts";

const PROGRAM = `
def f(n):
    total = 0
    x = 0.5
    for i in range(n):
        if i % 2 == 0:
            total = total + i
        else:
            x = x * 1.0001
    return total, round(x, 3)
print(f(10000))
`;

Deno.test({
  name: "loops run as native executors, never W+X, and invalidation unlinks them",
  sanitizeResources: false,
  sanitizeOps: false,
}, () => {
  const v8Own = writableExecutable().map((m) => m.line);
  const jit = installJit({
    xopts: new Map([["jit", "1"], ["jit-threshold", "1"]]),
    env: undefined,
    stats: false,
    dump: false,
  })!;
  try {
    const r = runSource(PROGRAM, "<test>");
    assert.equal(r.exitCode, 0, r.stderr);
    assert.deepEqual(writableExecutable().map((m) => m.line), v8Own, "no new W+X mapping");
    const live = jit.executors.filter((e) => e !== null);
    assert.ok(live.length >= 2, "a loop trace and a side trace");
    assert.ok(jitStats.sideTraces >= 1);
    for (const ex of live) {
      assert.deepEqual(
        mappingsOver(ex!.native!.address, ex!.native!.mappedSize).map((m) => m.perms),
        ["r-xp"],
      );
    }
    // A side trace hangs off an exit record of the loop's executor (a data link).
    const root = live.find((e) => e!.backEdge >= 0)!;
    const linked = root.records.filter((rec) => jit.exits.word(rec, EXIT_LINKED_ID) !== 0n);
    assert.ok(linked.length >= 1, "an exit of the loop is linked to a side trace");
    const before = jitStats.invalidations;
    jit.invalidateAll();
    assert.ok(jitStats.invalidations > before);
    assert.ok(jit.executors.every((e) => e === null));
    assert.ok(live.every((e) => e!.native === null && !e!.valid));
  } finally {
    interpHooks.jit = null;
  }
});
