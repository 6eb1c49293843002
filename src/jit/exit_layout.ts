// Exit records: one per side exit of every executor, in native memory that both TypeScript and
// the stencils read and write (DESIGN.md, "Executors"). A record is four 64-bit words:
//   EXIT_HITS     times the exit was taken (incremented by the native exit stub / uop interpreter)
//   EXIT_LINKED   native entry of the executor this exit continues in, 0 when none
//   EXIT_LINKED_ID  that executor's id + 1 (the uop-interpreter backend follows this one), 0: none
//   EXIT_TARGET   the bytecode instruction where tier 1 resumes (for tools)
// Linking a trace to a hot exit is a write of EXIT_LINKED and EXIT_LINKED_ID: never a code patch.
export const EXIT_HITS = 0;
export const EXIT_LINKED = 1;
export const EXIT_LINKED_ID = 2;
export const EXIT_TARGET = 3;
export const EXIT_RECORD_WORDS = 4;
export const EXIT_RECORD_BYTES = EXIT_RECORD_WORDS * 8;
