// deno task bench-native: what entering native code costs, and how long codegen takes.
//   1. enter() of a one-uop trace (_EXIT_TRACE) through the shim's dlopen'ed symbol, versus the
//      same function called through Deno.UnsafeFnPointer;
//   2. building an executor from 100 uops (layout + link + mmap + copy + mprotect), and the pure
//      layout + link part alone.
// Prints a table; numbers go in README.md ("Measurements").
import { getHeap } from "../ffi/heap.ts";
import { compileTrace, layoutTrace, linkTrace, type UopInstr } from "../src/jit/codegen.ts";
import { SUM_LOOP_TRACE, writeSumLoopFrame } from "../src/jit/demo_loop.ts";
import { JitState } from "../src/jit/state.ts";
import { getShim } from "../src/jit/stencils.ts";

function time(label: string, runs: number, unit: "ns" | "µs", body: () => void): void {
  for (let i = 0; i < Math.min(runs, 10_000); i++) body(); // warm up
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const t = performance.now();
    for (let i = 0; i < runs; i++) body();
    best = Math.min(best, (performance.now() - t) / runs);
  }
  const v = unit === "ns" ? best * 1e6 : best * 1e3;
  console.log(`${label.padEnd(58)} ${v.toFixed(unit === "ns" ? 1 : 2).padStart(9)} ${unit}`);
}

const heap = getHeap();
const frame = 1 << 20;
writeSumLoopFrame(heap, frame, 0);
const state = new JitState(heap.baseAddress);
const shim = getShim();
const exit = compileTrace([{ uop: "_EXIT_TRACE", target: 0 }], { heapBase: heap.baseAddress });
const viaPointer = new Deno.UnsafeFnPointer(
  Deno.UnsafePointer.create(shim.enter_address())!,
  { parameters: ["u64", "u32", "u64"], result: "i32" } as const,
);

console.log(
  `Deno ${Deno.version.deno}, V8 ${Deno.version.v8}, ${Deno.build.arch}-${Deno.build.os}`,
);
time("enter + _EXIT_TRACE via dlopen'ed shim symbol", 2_000_000, "ns", () => {
  shim.enter(exit.entry, frame, state.address);
});
time("enter + _EXIT_TRACE via Deno.UnsafeFnPointer", 200_000, "ns", () => {
  viaPointer.call(exit.entry, frame, state.address);
});

// 100 uops: six copies of the loop body (96 uops) and a loop-closing tail.
const hundred: UopInstr[] = [];
for (let i = 0; i < 6; i++) hundred.push(...SUM_LOOP_TRACE.slice(0, 15));
while (hundred.length < 99) hundred.push({ uop: "_LOAD_FAST", oparg: 0 });
hundred.push({ uop: "_JUMP_TO_TOP", jump: 0 });
const env = { heapBase: heap.baseAddress };
const built = compileTrace(hundred, env);
console.log(`100-uop executor: ${built.size} bytes (${built.mappedSize} mapped)`);
built.free();
time("build an executor from 100 uops (mmap..mprotect)", 2_000, "µs", () => {
  compileTrace(hundred, env).free();
});
time("  of which layout + link (pure)", 2_000, "µs", () => {
  linkTrace(layoutTrace(hundred), 0x7f0000000000n, env);
});
exit.free();
