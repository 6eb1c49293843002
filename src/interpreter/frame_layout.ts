// Frames live in the heap (DESIGN.md, "Tier 1"): tier 1 and tier 2 read and write the same
// frame, so leaving a trace is only "resume tier 1 at instruction i with this stack pointer".
//
// A frame is a header of u32 fields followed by value words: `nlocalsplus` locals (arguments,
// then other locals, then cell and free variables), then the value stack. Frames are pushed and
// popped on a dedicated stack region inside the heap; a frame's address is a heap byte offset.

/** Index of the code object in the runtime's code registry. */
export const F_CODE = 0;
/** Index of the instruction being executed (when the frame is not running: where to resume). */
export const F_IP = 4;
/** Address of the calling frame, 0 for the bottom frame. */
export const F_PREV = 8;
/** Globals dict (heap ref). */
export const F_GLOBALS = 12;
/** Function object (heap ref), 0 for module and class bodies. */
export const F_FUNC = 16;
/** Byte address of the first free stack slot, saved whenever the frame is not running. */
export const F_SP = 20;
/** Builtins dict (heap ref). */
export const F_BUILTINS = 24;
/** FRAME_* flags. */
export const F_FLAGS = 28;
/** Locals dict for module and class bodies (LOAD_NAME / STORE_NAME), else 0. */
export const F_LOCALS_DICT = 32;
/** Number of local slots (locals plus cells plus free variables). */
export const F_NLOCALSPLUS = 36;
/** Address in the caller's value stack where this frame's return value goes. */
export const F_RESULT = 40;
/** Recursion depth of this frame (Python frames below it, itself included). */
export const F_DEPTH = 44;
/** Size of the header; the first local is at frame + FRAME_HEADER. */
export const FRAME_HEADER = 48;

/** The frame runs `__init__` for a constructor call: discard its return, push the instance. */
export const FRAME_INIT = 1;
/** The frame was entered from TypeScript (a re-entrant call): returning leaves the loop. */
export const FRAME_ENTRY = 2;

/** Address of local `i` of the frame at `frame`. */
export function localAddr(frame: number, i: number): number {
  return frame + FRAME_HEADER + 8 * i;
}
