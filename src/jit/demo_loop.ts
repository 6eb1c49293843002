// The first trace Tessera runs natively: `while i < n: total += i; i += 1` over a frame in the
// heap whose locals are (total, i, n). Used by the demo task, the tests and the benchmark until
// projection from real bytecode exists. Instruction numbers are those of the bytecode this trace
// stands for:
//    0 LOAD_FAST i       1 LOAD_FAST n    2 COMPARE_OP <    3 POP_JUMP_IF_FALSE -> 13
//    4 LOAD_FAST total   5 LOAD_FAST i    6 BINARY_OP +     7 STORE_FAST total
//    8 LOAD_FAST i       9 LOAD_CONST 1  10 BINARY_OP +    11 STORE_FAST i
//   12 JUMP_BACKWARD -> 0                13 (after the loop)
import { smallIntBits } from "../runtime/value.ts";
import type { Heap } from "../../ffi/heap.ts";
import { F_IP, F_SP, FRAME_HEADER, localAddr } from "../interpreter/frame_layout.ts";
import type { UopInstr } from "./codegen.ts";

export const LOCAL_TOTAL = 0;
export const LOCAL_I = 1;
export const LOCAL_N = 2;
/** Resume instruction when the loop condition is false (after the loop). */
export const LOOP_EXIT_TARGET = 13;
/** Trace index of the `total += i` add, and the instruction it resumes at on overflow. */
export const TOTAL_ADD_INDEX = 8;
export const TOTAL_ADD_TARGET = 6;

export const SUM_LOOP_TRACE: readonly UopInstr[] = [
  { uop: "_LOAD_FAST", oparg: LOCAL_I },
  { uop: "_LOAD_FAST", oparg: LOCAL_N },
  { uop: "_GUARD_BOTH_INT", target: 2 },
  { uop: "_COMPARE_OP_INT", oparg: 1 /* < */ },
  { uop: "_GUARD_IS_TRUE_POP", target: LOOP_EXIT_TARGET },
  { uop: "_LOAD_FAST", oparg: LOCAL_TOTAL },
  { uop: "_LOAD_FAST", oparg: LOCAL_I },
  { uop: "_GUARD_BOTH_INT", target: TOTAL_ADD_TARGET },
  { uop: "_BINARY_OP_ADD_INT", target: TOTAL_ADD_TARGET },
  { uop: "_STORE_FAST", oparg: LOCAL_TOTAL },
  { uop: "_LOAD_FAST", oparg: LOCAL_I },
  { uop: "_LOAD_CONST", operand0: smallIntBits(1) },
  { uop: "_GUARD_BOTH_INT", target: 10 },
  { uop: "_BINARY_OP_ADD_INT", target: 10 },
  { uop: "_STORE_FAST", oparg: LOCAL_I },
  { uop: "_JUMP_TO_TOP", jump: 0 },
];

/** Number of locals of the loop's frame, and the frame's size in bytes with a 4-word stack. */
export const SUM_LOOP_LOCALS = 3;
export const SUM_LOOP_FRAME_BYTES = FRAME_HEADER + 8 * (SUM_LOOP_LOCALS + 4);

/**
 * Writes a frame for the loop at heap offset `frame`: total and i as given, n, an empty value
 * stack (F_SP = its first slot), about to run instruction 0.
 */
export function writeSumLoopFrame(
  heap: Heap,
  frame: number,
  n: number,
  total = 0,
  i = 0,
): void {
  heap.u8.fill(0, frame, frame + SUM_LOOP_FRAME_BYTES);
  const word = (at: number, bits: bigint) => {
    heap.u32[at >> 2] = Number(bits & 0xffffffffn);
    heap.u32[(at >> 2) + 1] = Number(bits >> 32n);
  };
  word(localAddr(frame, LOCAL_TOTAL), smallIntBits(total));
  word(localAddr(frame, LOCAL_I), smallIntBits(i));
  word(localAddr(frame, LOCAL_N), smallIntBits(n));
  heap.u32[(frame + F_IP) >> 2] = 0;
  heap.u32[(frame + F_SP) >> 2] = localAddr(frame, SUM_LOOP_LOCALS);
}
