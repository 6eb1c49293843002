import assert from "node:assert/strict";
import { ExecMemory } from "../../ffi/exec_memory.ts";
import { getHeap } from "../../ffi/heap.ts";
import { compileTrace } from "../../src/jit/codegen.ts";
import { SUM_LOOP_TRACE } from "../../src/jit/demo_loop.ts";
import { mappingsOver, writableExecutable } from "./maps.ts";

// After munmap the process may map something else at the same addresses (reading the maps spawns
// a process, which allocates), so "unmapped" is checked as "no executable mapping is left there".
const executableOver = (address: bigint, size: number) =>
  mappingsOver(address, size).filter((m) => m.perms.includes("x"));

Deno.test("executable memory goes from RW to RX, never RWX, and is unmapped on free", () => {
  const mem = new ExecMemory(100);
  assert.equal(mem.size % 4096, 0);
  mem.write(0, new Uint8Array([0xc3]));
  assert.deepEqual(mappingsOver(mem.address, mem.size).map((m) => m.perms), ["rw-p"]);
  mem.protect();
  assert.deepEqual(mappingsOver(mem.address, mem.size).map((m) => m.perms), ["r-xp"]);
  assert.throws(() => mem.write(0, new Uint8Array([0x90])), /executable/);
  mem.free();
  assert.deepEqual(executableOver(mem.address, mem.size), [], "the r-x pages are gone");
  assert.throws(() => mem.protect(), /freed/);
});

Deno.test("no mapping of the process is ever W+X (jitless child process)", async () => {
  // In a normal Deno process V8's own code space is mapped rwx (guarded by memory protection
  // keys), so the strict whole-process check runs where V8 has no JIT.
  const child = new URL("./wx_child.ts", import.meta.url).pathname;
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-ffi",
      "--allow-env",
      "--allow-run",
      "--v8-flags=--jitless",
      child,
    ],
    stderr: "inherit",
  }).output();
  assert.equal(out.code, 0);
  const r = JSON.parse(new TextDecoder().decode(out.stdout));
  assert.equal(r.total, 45, "the trace ran");
  assert.deepEqual(r.before, []);
  assert.deepEqual(r.during, [], "between copy and protect");
  assert.deepEqual(r.after, [], "after protect");
  assert.deepEqual(r.afterRun, [], "after running");
});

Deno.test("compiling never makes a W+X mapping in this process either", () => {
  const heap = getHeap();
  const v8Own = writableExecutable().map((m) => m.line);
  let during: ReturnType<typeof mappingsOver> = [];
  const ex = compileTrace(SUM_LOOP_TRACE, { heapBase: heap.baseAddress }, {
    beforeProtect(mem) {
      assert.deepEqual(writableExecutable().map((m) => m.line), v8Own, "no new W+X mapping");
      during = mappingsOver(mem.address, mem.size);
    },
  });
  assert.deepEqual(during.map((m) => m.perms), ["rw-p"], "the code is RW while patched");
  assert.deepEqual(writableExecutable().map((m) => m.line), v8Own, "no new W+X mapping");
  assert.deepEqual(mappingsOver(ex.address, ex.mappedSize).map((m) => m.perms), ["r-xp"]);
  ex.free();
  assert.ok(ex.freed);
  assert.deepEqual(executableOver(ex.address, ex.mappedSize), [], "freed pages are unmapped");
});
