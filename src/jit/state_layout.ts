// The layout of the native JIT state: the one struct that TypeScript and native code share while a
// trace runs. This file is its only definition: `stateCDeclaration()` generates the C struct that
// the stencils and the shim include (stencils/generated/uops.h), and `StateField` offsets are what
// TypeScript reads. Every field is a 64-bit word so offsets are trivially 8*i and no padding rules
// differ between languages.
//
// Tier 2 extends it by appending fields (the generated header asserts the size, and the stencils
// are rebuilt because this file is one of their hashed inputs).

export interface StateFieldDef {
  readonly name: string;
  /** Why the field exists and who writes it. */
  readonly doc: string;
}

export const STATE_FIELDS: readonly StateFieldDef[] = [
  { name: "heap_base", doc: "native address of the heap base; written once by TypeScript" },
  { name: "exit_uop", doc: "index in the trace of the uop that left it; written by _EXIT_TRACE" },
  {
    name: "exit_target",
    doc: "bytecode instruction where tier 1 resumes; written by _EXIT_TRACE",
  },
  { name: "exit_sp", doc: "stack pointer at exit as a heap offset; written by _EXIT_TRACE" },
  {
    name: "exit_record",
    doc: "native address of the exit record that left the trace (0: none); by _EXIT_TRACE",
  },
  {
    name: "exit_frame",
    doc: "heap offset of the frame running at exit (an inlined callee's); by _EXIT_TRACE",
  },
  {
    name: "frame_top",
    doc: "first free byte of the frame stack (heap offset): TypeScript before enter(), then " +
      "_PUSH_FRAME / _POP_FRAME",
  },
  { name: "recursion_limit", doc: "frames allowed (sys.getrecursionlimit()); TypeScript" },
  { name: "frame_limit", doc: "end of the frame stack region (heap offset); TypeScript, once" },
  { name: "exit_base", doc: "native address of exit record 0; TypeScript, once" },
  {
    name: "alloc_ptr",
    doc: "next free byte of the allocation region handed to native code (heap offset; 0: none); " +
      "TypeScript refills it before enter() (src/runtime/space.ts), native allocation bumps it",
  },
  {
    name: "alloc_end",
    doc: "end of the allocation region (heap offset); TypeScript (src/runtime/space.ts)",
  },
];

export const STATE_SIZE = STATE_FIELDS.length * 8;

/** Byte offset of a field in the state struct. */
export function stateOffset(name: string): number {
  const i = STATE_FIELDS.findIndex((f) => f.name === name);
  if (i < 0) throw new Error(`no state field ${name}`);
  return i * 8;
}

export const STATE_HEAP_BASE = stateOffset("heap_base");
export const STATE_EXIT_UOP = stateOffset("exit_uop");
export const STATE_EXIT_TARGET = stateOffset("exit_target");
export const STATE_EXIT_SP = stateOffset("exit_sp");
export const STATE_EXIT_RECORD = stateOffset("exit_record");
export const STATE_EXIT_FRAME = stateOffset("exit_frame");
export const STATE_FRAME_TOP = stateOffset("frame_top");
export const STATE_RECURSION_LIMIT = stateOffset("recursion_limit");
export const STATE_FRAME_LIMIT = stateOffset("frame_limit");
export const STATE_EXIT_BASE = stateOffset("exit_base");
export const STATE_ALLOC_PTR = stateOffset("alloc_ptr");
export const STATE_ALLOC_END = stateOffset("alloc_end");

/** The C declaration of the state struct, with size and offset assertions. */
export function stateCDeclaration(): string {
  const lines = ["typedef struct TesseraState {"];
  for (const f of STATE_FIELDS) lines.push(`  uint64_t ${f.name}; /* ${f.doc} */`);
  lines.push("} TesseraState;");
  lines.push(`_Static_assert(sizeof(TesseraState) == ${STATE_SIZE}, "state size");`);
  for (const f of STATE_FIELDS) {
    lines.push(
      `_Static_assert(__builtin_offsetof(TesseraState, ${f.name}) == ${
        stateOffset(f.name)
      }, "state.${f.name}");`,
    );
  }
  return lines.join("\n");
}
