// Module-level views of the heap shared by the whole runtime. Plain module constants (rather than
// fields of a runtime object) let V8 keep them in registers across the interpreter loop.
import { getHeap } from "../../ffi/heap.ts";
import { Words } from "./value.ts";

export const heap = getHeap();
export const u8 = heap.u8;
export const u16 = heap.u16;
export const u32 = heap.u32;
export const i32 = heap.i32;
export const f64 = heap.f64;
export const W = new Words(heap);

/** Heap map: [0, NULL_GUARD) is never used, so offset 0 means "no object". */
export const NULL_GUARD = 4096;
/**
 * Scratch slots inside the guard page: TypeScript may use them within one call that reaches no
 * safepoint (they are not GC roots). Addresses SCRATCH_START + 8*k for k < 64.
 */
export const SCRATCH_START = 2048;
/** Frames are pushed and popped on their own stack region (no GC allocation per call). */
export const FRAME_STACK_START = NULL_GUARD;
export const FRAME_STACK_BYTES = 64 * 2 ** 20;
/** Scratch value slots for TypeScript code (GC roots); see roots.ts. */
export const TEMP_START = FRAME_STACK_START + FRAME_STACK_BYTES;
export const TEMP_BYTES = 2 ** 20;
/** Garbage-collected objects live from here to the end of the heap. */
export const OBJECT_SPACE_START = TEMP_START + TEMP_BYTES;
