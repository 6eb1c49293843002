// The first native trace: `while i < n: total += i; i += 1` on small ints in a heap frame.
import assert from "node:assert/strict";
import { getHeap } from "../../ffi/heap.ts";
import { F_IP, F_SP, localAddr } from "../../src/interpreter/frame_layout.ts";
import { HI_INT, SMALL_INT_MAX, smallIntBits, Words } from "../../src/runtime/value.ts";
import { compileTrace } from "../../src/jit/codegen.ts";
import {
  LOCAL_I,
  LOCAL_N,
  LOCAL_TOTAL,
  LOOP_EXIT_TARGET,
  SUM_LOOP_LOCALS,
  SUM_LOOP_TRACE,
  TOTAL_ADD_INDEX,
  TOTAL_ADD_TARGET,
  writeSumLoopFrame,
} from "../../src/jit/demo_loop.ts";
import { JitState } from "../../src/jit/state.ts";
import { getShim } from "../../src/jit/stencils.ts";

const heap = getHeap();
const words = new Words(heap);
const FRAME = 3 << 20;
const STACK = localAddr(FRAME, SUM_LOOP_LOCALS);
const executor = compileTrace(SUM_LOOP_TRACE, { heapBase: heap.baseAddress });
const state = new JitState(heap.baseAddress);

/** Runs the trace; returns the index of the uop that left it (enter() itself returns the exit
 * record's index, -1 here: these hand-made traces have no exit records). */
function run(): number {
  assert.equal(getShim().enter(executor.entry, FRAME, state.address), -1);
  return state.exitUop;
}

function readWord(at: number): bigint {
  return (BigInt(words.hi(at)) << 32n) | BigInt(words.lo(at));
}

for (const n of [0, 1, 10, 1_000_000]) {
  Deno.test(`the native loop sums 0..${n}-1`, () => {
    writeSumLoopFrame(heap, FRAME, n);
    const exitUop = run();
    assert.equal(words.getInt(localAddr(FRAME, LOCAL_TOTAL)), n * (n - 1) / 2 + 0);
    assert.equal(words.getInt(localAddr(FRAME, LOCAL_I)), n);
    assert.equal(words.getInt(localAddr(FRAME, LOCAL_N)), n);
    // It leaves when the condition is false, at the branch guard, with an empty stack.
    assert.equal(exitUop, 4);
    assert.equal(SUM_LOOP_TRACE[exitUop].uop, "_GUARD_IS_TRUE_POP");
    assert.equal(state.exitUop, 4);
    assert.equal(state.exitTarget, LOOP_EXIT_TARGET);
    assert.equal(state.exitSp, STACK);
    assert.equal(heap.u32[(FRAME + F_SP) >> 2], STACK);
    assert.equal(heap.u32[(FRAME + F_IP) >> 2], LOOP_EXIT_TARGET);
  });
}

Deno.test("an overflowing add takes the side exit with the frame intact", () => {
  const start = SMALL_INT_MAX - 4; // + 0 + 1 + 2 fits, + 3 does not
  writeSumLoopFrame(heap, FRAME, 10, start);
  const exitUop = run();
  assert.equal(exitUop, TOTAL_ADD_INDEX);
  assert.equal(SUM_LOOP_TRACE[exitUop].uop, "_BINARY_OP_ADD_INT");
  assert.equal(state.exitTarget, TOTAL_ADD_TARGET);
  // The add was not applied: total is the last value that fit, i is 3, and both operands are
  // still on the stack for tier 1 to redo the add at instruction TOTAL_ADD_TARGET.
  const total = start + 0 + 1 + 2;
  assert.equal(words.getInt(localAddr(FRAME, LOCAL_TOTAL)), total);
  assert.equal(words.getInt(localAddr(FRAME, LOCAL_I)), 3);
  assert.equal(state.exitSp, STACK + 16);
  assert.equal(heap.u32[(FRAME + F_SP) >> 2], STACK + 16);
  assert.equal(heap.u32[(FRAME + F_IP) >> 2], TOTAL_ADD_TARGET);
  assert.equal(readWord(STACK), smallIntBits(total));
  assert.equal(readWord(STACK + 8), smallIntBits(3));
});

Deno.test("a type guard exits before anything changes when n is not an int", () => {
  writeSumLoopFrame(heap, FRAME, 0);
  words.setNone(localAddr(FRAME, LOCAL_N));
  const exitUop = run();
  assert.equal(SUM_LOOP_TRACE[exitUop].uop, "_GUARD_BOTH_INT");
  assert.equal(exitUop, 2);
  assert.equal(state.exitTarget, 2);
  assert.equal(state.exitSp, STACK + 16);
  assert.equal(words.getInt(STACK), 0); // i
  assert.ok(words.isNone(STACK + 8)); // n
  assert.equal(words.hi(localAddr(FRAME, LOCAL_TOTAL)), HI_INT);
});

Deno.test("negative small ints add and compare correctly", () => {
  writeSumLoopFrame(heap, FRAME, 3, -100, -5);
  run();
  assert.equal(
    words.getInt(localAddr(FRAME, LOCAL_TOTAL)),
    -100 + (-5 - 4 - 3 - 2 - 1 + 0 + 1 + 2),
  );
  assert.equal(words.getInt(localAddr(FRAME, LOCAL_I)), 3);
});

Deno.test("freeing the loop's executor", () => {
  executor.free();
  assert.ok(executor.freed);
});
