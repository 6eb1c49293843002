// The uop table: the single source of truth for tier 2's micro-ops (DESIGN.md, "Tier 2").
//
// From this table come the C header and body include file the stencils are compiled with
// (src/jit/c_header.ts -> stencils/generated/), the uop ids TypeScript uses (`UOP_ID`), and the
// metadata the projector and optimizer will read (stack effect, operands, flags).
//
// A body is C that runs inside the stencil function of stencils/template.c. It sees `frame`
// (native address of the frame), `sp` (native address of the first free value-stack slot) and
// `state` (TesseraState*), and the macros of template.c: LOCAL(i), PEEK(n), OPARG, OPERAND0,
// TARGET, EXIT_IF(cond), JUMP_TO_TOP(), and the value-word helpers. A body that does not end the
// trace falls through to the next uop (the template adds the continuation).
//
// Exits follow CPython: a uop that may exit does so *before* changing anything it would undo, so
// the frame and stack at the exit are exactly those tier 1 expects at the resume instruction.

/** What a uop instance must be given (each maps to a hole in its stencil). */
export type OperandKind =
  /** small immediate, e.g. a local index (`_JIT_OPARG`) */
  | "oparg"
  /** a 64-bit operand, e.g. a raw value word (`_JIT_OPERAND0`) */
  | "operand0"
  /** the bytecode instruction where tier 1 resumes if this uop exits (`_JIT_TARGET`) */
  | "target"
  /** the index of the uop this one jumps to in the same trace (`_JIT_JUMP_TARGET`) */
  | "jump";

export interface UopFlags {
  /** checks an assumption and exits when it does not hold; no other effect */
  readonly guard: boolean;
  /** may leave the trace (gets an exit stub; needs a "target" operand) */
  readonly exits: boolean;
  /** may call out, allocate or run arbitrary code (needs a validity check after it) */
  readonly escapes: boolean;
  /** no side effects besides its stack effect: the optimizer may drop or fold it */
  readonly pure: boolean;
  /** never falls through to the next uop */
  readonly terminal: boolean;
}

export interface UopDef {
  readonly name: string;
  /** Value-stack words read from the top ... */
  readonly pops: number;
  /** ... and words left in their place. */
  readonly pushes: number;
  readonly operands: readonly OperandKind[];
  readonly flags: UopFlags;
  /** The C body (see above). */
  readonly body: string;
}

const NO_FLAGS: UopFlags = {
  guard: false,
  exits: false,
  escapes: false,
  pure: false,
  terminal: false,
};

function uop(
  name: string,
  stack: [pops: number, pushes: number],
  operands: OperandKind[],
  flags: Partial<UopFlags>,
  body: string,
): UopDef {
  return {
    name,
    pops: stack[0],
    pushes: stack[1],
    operands,
    flags: { ...NO_FLAGS, ...flags },
    body,
  };
}

export const UOPS: readonly UopDef[] = [
  uop(
    "_LOAD_FAST",
    [0, 1],
    ["oparg"],
    { pure: true },
    `
    sp[0] = LOCAL(OPARG);
    sp += 1;
  `,
  ),
  uop(
    "_STORE_FAST",
    [1, 0],
    ["oparg"],
    {},
    `
    sp -= 1;
    LOCAL(OPARG) = sp[0];
  `,
  ),
  uop(
    "_LOAD_CONST_SMALL_INT",
    [0, 1],
    ["operand0"],
    { pure: true },
    `
    sp[0] = OPERAND0;
    sp += 1;
  `,
  ),
  uop(
    "_GUARD_BOTH_INT",
    [2, 2],
    ["target"],
    { guard: true, exits: true },
    `
    EXIT_IF(!IS_SMALL_INT(PEEK(2)) | !IS_SMALL_INT(PEEK(1)));
  `,
  ),
  // Exits on overflow of the 48-bit small-int range, leaving both operands on the stack so tier 1
  // redoes the add with big ints.
  // The payloads are added shifted left by 16, so 48-bit overflow is the CPU's 64-bit overflow.
  uop(
    "_BINARY_OP_ADD_INT",
    [2, 1],
    ["target"],
    { exits: true },
    `
    int64_t shifted_sum;
    EXIT_IF(__builtin_add_overflow((int64_t)(PEEK(2) << 16), (int64_t)(PEEK(1) << 16), &shifted_sum));
    sp[-2] = INT_TAG_WORD | ((uint64_t)shifted_sum >> 16);
    sp -= 1;
  `,
  ),
  uop(
    "_COMPARE_LT_INT",
    [2, 1],
    [],
    { pure: true },
    `
    Word result = BOOL_WORD(INT_VALUE(PEEK(2)) < INT_VALUE(PEEK(1)));
    sp[-2] = result;
    sp -= 1;
  `,
  ),
  // The condition is popped before the exit, as POP_JUMP_IF_FALSE pops it before jumping: the
  // exit resumes at the jump's destination.
  uop(
    "_GUARD_IS_TRUE_POP",
    [1, 0],
    ["target"],
    { guard: true, exits: true },
    `
    sp -= 1;
    EXIT_IF(sp[0] != TRUE_WORD);
  `,
  ),
  uop(
    "_JUMP_TO_TOP",
    [0, 0],
    ["jump"],
    { terminal: true },
    `
    JUMP_TO_TOP();
  `,
  ),
  // Leaves the trace: records where (state and frame) and returns to the shim. Codegen also uses
  // it as the exit stub of every uop that may exit, with _JIT_UOP_INDEX = the exiting uop.
  uop(
    "_EXIT_TRACE",
    [0, 0],
    ["target"],
    { exits: true, terminal: true },
    `
    uint64_t sp_offset = (uint64_t)((char *)sp - HEAP_BASE);
    state->exit_uop = UOP_INDEX;
    state->exit_target = TARGET;
    state->exit_sp = sp_offset;
    *(uint32_t *)(frame + F_IP) = (uint32_t)TARGET;
    *(uint32_t *)(frame + F_SP) = (uint32_t)sp_offset;
    return;
  `,
  ),
];

/** Uop ids, in table order (the same numbers as UOP_<name> in the generated header). */
export const UOP_ID: Readonly<Record<string, number>> = Object.fromEntries(
  UOPS.map((u, i) => [u.name, i]),
);

export function uopDef(name: string): UopDef {
  const id = UOP_ID[name];
  if (id === undefined) throw new Error(`unknown uop ${name}`);
  return UOPS[id];
}
