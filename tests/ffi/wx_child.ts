// Run by exec_memory_test.ts in a child Deno with --v8-flags=--jitless, where V8 itself maps no
// writable+executable pages, so "no mapping of the process is ever W+X" can be checked strictly
// before, during (between copy and protect) and after compiling and running a trace.
// Prints one JSON line: { before, during, after, afterRun, total } (W+X mapping lines per stage).
import { getHeap } from "../../ffi/heap.ts";
import { localAddr } from "../../src/interpreter/frame_layout.ts";
import { Words } from "../../src/runtime/value.ts";
import { compileTrace } from "../../src/jit/codegen.ts";
import { LOCAL_TOTAL, SUM_LOOP_TRACE, writeSumLoopFrame } from "../../src/jit/demo_loop.ts";
import { JitState } from "../../src/jit/state.ts";
import { getShim } from "../../src/jit/stencils.ts";
import { writableExecutable } from "./maps.ts";

const lines = () => writableExecutable().map((m) => m.line);
const heap = getHeap();
const frame = 1 << 20;
writeSumLoopFrame(heap, frame, 10);
const shim = getShim();
const before = lines();
let during: string[] = [];
const ex = compileTrace(SUM_LOOP_TRACE, { heapBase: heap.baseAddress }, {
  beforeProtect() {
    during = lines();
  },
});
const after = lines();
shim.enter(ex.entry, frame, new JitState(heap.baseAddress).address);
const afterRun = lines();
const total = new Words(heap).getInt(localAddr(frame, LOCAL_TOTAL));
ex.free();
console.log(JSON.stringify({ before, during, after, afterRun, total }));
