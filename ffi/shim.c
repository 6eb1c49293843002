/* The native shim: the one ordinary C function TypeScript calls to run a trace, plus (later) the
 * native helpers stencils call. scripts/build_stencils.ts builds it into a tiny shared object with
 * no libc dependency; ffi/shim.ts loads it from a memfd and binds it with Deno.dlopen, so entering
 * native code is a fast FFI call (DESIGN.md, "Entering native code").
 */
#include "../stencils/generated/uops.h"

/* Runs the trace at `code` on the frame at heap offset `frame_offset`; returns the index of the
 * exit record it left through (-1: none; the uop is in state->exit_uop, the frame then running in
 * state->exit_frame: a frame pushed by an inlined call when the exit is inside one). The frame is passed as a heap offset because that is
 * what TypeScript holds (a plain number: a fast u32 FFI argument); code and state are addresses
 * the caller keeps as BigInts made once. Stencils get the frame's native address. The trace starts
 * with the stack pointer saved in the frame (a heap offset). Being an ordinary function, enter()
 * saves the callee-saved registers that the preserve_none stencils are free to clobber. */
__attribute__((visibility("default"))) int32_t enter(uint64_t code, uint32_t frame_offset,
                                                     uint64_t state_address) {
  TesseraState *state = (TesseraState *)state_address;
  char *heap = (char *)state->heap_base;
  char *frame = heap + frame_offset;
  Word *sp = (Word *)(heap + *(uint32_t *)(frame + F_SP));
  state->exit_record = 0;
  ((Stencil *)code)(frame, sp, state);
  uint64_t rec = state->exit_record;
  return rec == 0 ? -1 : (int32_t)((rec - state->exit_base) / (8 * EXIT_RECORD_WORDS));
}

/* The address of enter() itself, so benchmarks can call it through Deno.UnsafeFnPointer too. */
__attribute__((visibility("default"))) uint64_t enter_address(void) {
  return (uint64_t)&enter;
}
