// deno task jit-demo [n]: runs `while i < n: total += i; i += 1` as machine code copied from the
// stencils and patched at run time, and prints what it did. (The lead replaces this with a Python
// program once the language runs.)
import { getHeap } from "../ffi/heap.ts";
import { localAddr } from "../src/interpreter/frame_layout.ts";
import { Words } from "../src/runtime/value.ts";
import { compileTrace } from "../src/jit/codegen.ts";
import { LOCAL_I, LOCAL_TOTAL, SUM_LOOP_TRACE, writeSumLoopFrame } from "../src/jit/demo_loop.ts";
import { JitState } from "../src/jit/state.ts";
import { getShim, jitSupported } from "../src/jit/stencils.ts";

if (!jitSupported()) {
  console.error(`tessera demo: no stencils for ${Deno.build.os}-${Deno.build.arch} yet`);
  Deno.exit(1);
}
const n = Number(Deno.args[0] ?? 1_000_000);
if (!Number.isSafeInteger(n) || n < 0) {
  console.error("usage: deno task jit-demo [n]   (n a non-negative integer)");
  Deno.exit(2);
}

const heap = getHeap();
const words = new Words(heap);
const frame = 1 << 20;
writeSumLoopFrame(heap, frame, n);

const executor = compileTrace(SUM_LOOP_TRACE, { heapBase: heap.baseAddress });
const state = new JitState(heap.baseAddress);
console.log(`trace: ${SUM_LOOP_TRACE.map((u) => u.uop).join(" ")}`);
console.log(
  `compiled ${executor.uopCount} uops into ${executor.size} bytes at 0x${
    executor.address.toString(16)
  }`,
);
const t0 = performance.now();
getShim().enter(executor.entry, frame, state.address);
const exitUop = state.exitUop;
const ms = performance.now() - t0;
const total = words.getInt(localAddr(frame, LOCAL_TOTAL));
const i = words.getInt(localAddr(frame, LOCAL_I));
console.log(`total = ${total}, i = ${i} for n = ${n} (${ms.toFixed(2)} ms native)`);
console.log(
  `left the trace at uop ${exitUop} (${SUM_LOOP_TRACE[exitUop].uop}); tier 1 would resume at ` +
    `instruction ${state.exitTarget}`,
);
executor.free();
