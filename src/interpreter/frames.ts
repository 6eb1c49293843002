// The frame stack: frames are pushed and popped in their own region of the heap (no GC allocation
// per call). The GC scans every frame from the current one down the F_PREV chain, each up to its
// saved stack pointer, so a frame must save F_SP before anything that may reach a safepoint.
import { FRAME_STACK_BYTES, FRAME_STACK_START, u32, W } from "../runtime/mem.ts";
import { markRef, markSlot, rootProviders } from "../runtime/space.ts";
import { codes } from "../runtime/func.ts";
import { E, pyError } from "../runtime/errors.ts";
import {
  F_BUILTINS,
  F_CODE,
  F_DEPTH,
  F_FLAGS,
  F_FUNC,
  F_GLOBALS,
  F_IP,
  F_LOCALS_DICT,
  F_NLOCALSPLUS,
  F_PREV,
  F_RESULT,
  F_SP,
  FRAME_HEADER,
} from "./frame_layout.ts";

export const frameState = {
  /** The innermost frame (0 when none). */
  current: 0,
  /** First free byte of the frame stack. */
  top: FRAME_STACK_START + 64,
  recursionLimit: 1000,
};

/** Push a frame for registered code ci. Locals start unbound. */
export function pushFrame(
  ci: number,
  func: number,
  globals: number,
  builtins: number,
  localsDict: number,
): number {
  const info = codes[ci];
  const f = frameState.top;
  const prev = frameState.current;
  const depth = prev === 0 ? 1 : u32[(prev + F_DEPTH) >> 2] + 1;
  if (depth > frameState.recursionLimit) {
    throw pyError(E.RecursionError, "maximum recursion depth exceeded");
  }
  if (f + info.frameBytes > FRAME_STACK_START + FRAME_STACK_BYTES) {
    throw pyError(E.RecursionError, "maximum recursion depth exceeded");
  }
  frameState.top = f + info.frameBytes;
  const i = f >> 2;
  u32[i + (F_CODE >> 2)] = ci;
  u32[i + (F_IP >> 2)] = 0;
  u32[i + (F_PREV >> 2)] = prev;
  u32[i + (F_GLOBALS >> 2)] = globals;
  u32[i + (F_FUNC >> 2)] = func;
  const n = info.code.localsplusNames.length;
  u32[i + (F_SP >> 2)] = f + FRAME_HEADER + 8 * n;
  u32[i + (F_BUILTINS >> 2)] = builtins;
  u32[i + (F_FLAGS >> 2)] = 0;
  u32[i + (F_LOCALS_DICT >> 2)] = localsDict;
  u32[i + (F_NLOCALSPLUS >> 2)] = n;
  u32[i + (F_RESULT >> 2)] = 0;
  u32[i + (F_DEPTH >> 2)] = depth;
  for (let k = 0; k < n; k++) W.setNull(f + FRAME_HEADER + 8 * k);
  frameState.current = f;
  return f;
}

/** Pop the current frame (which must be f). */
export function popFrame(f: number): void {
  frameState.current = u32[(f + F_PREV) >> 2];
  frameState.top = f;
}

rootProviders.push(() => {
  for (let f = frameState.current; f !== 0; f = u32[(f + F_PREV) >> 2]) {
    markRef(u32[(f + F_GLOBALS) >> 2]);
    markRef(u32[(f + F_FUNC) >> 2]);
    markRef(u32[(f + F_BUILTINS) >> 2]);
    markRef(u32[(f + F_LOCALS_DICT) >> 2]);
    const sp = u32[(f + F_SP) >> 2];
    for (let a = f + FRAME_HEADER; a < sp; a += 8) markSlot(a);
  }
});
