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

// Shorthands for the table below.
const G = { guard: true, exits: true };
const X = { exits: true };
const P = { pure: true };

/** A guard on one or two stack words: `cond(w)` must hold for each checked word. */
function typeGuards(kind: string, test: string): UopDef[] {
  return [
    uop(`_GUARD_TOS_${kind}`, [1, 1], ["target"], G, `EXIT_IF(!${test}(PEEK(1)));`),
    uop(`_GUARD_NOS_${kind}`, [2, 2], ["target"], G, `EXIT_IF(!${test}(PEEK(2)));`),
    uop(
      `_GUARD_BOTH_${kind}`,
      [2, 2],
      ["target"],
      G,
      `EXIT_IF(!${test}(PEEK(2)) | !${test}(PEEK(1)));`,
    ),
  ];
}

/** A guard on a local (used by loop-invariant guard hoisting, at the top of a trace). */
function localGuard(kind: string, test: string): UopDef {
  return uop(
    `_GUARD_LOCAL_${kind}`,
    [0, 0],
    ["oparg", "target"],
    G,
    `
    EXIT_IF(!${test}(LOCAL(OPARG)));
  `,
  );
}

function intOp(name: string, builtin: string): UopDef {
  // Exits on overflow of the 48-bit small-int range before writing anything, leaving both
  // operands on the stack so tier 1 redoes the operation with big ints. Payloads shifted left by
  // 16 make 48-bit overflow the CPU's 64-bit overflow (for mul: one operand shifted only).
  const mul = builtin === "__builtin_mul_overflow";
  return uop(
    `_BINARY_OP_${name}_INT`,
    [2, 1],
    ["target"],
    X,
    `
    int64_t r;
    EXIT_IF(${builtin}((int64_t)(PEEK(2) << 16), ${
      mul ? "INT_VALUE(PEEK(1))" : "(int64_t)(PEEK(1) << 16)"
    }, &r));
    sp[-2] = INT_TAG_WORD | ((uint64_t)r >> 16);
    sp -= 1;
  `,
  );
}

function floatOp(name: string, op: string): UopDef {
  const div = op === "/";
  return uop(
    `_BINARY_OP_${name}_FLOAT`,
    [2, 1],
    div ? ["target"] : [],
    div ? X : P,
    `
    double a = AS_DOUBLE(PEEK(2)), b = AS_DOUBLE(PEEK(1));
    ${div ? "EXIT_IF(b == 0.0);" : ""}
    sp[-2] = FLOAT_WORD(a ${op} b);
    sp -= 1;
  `,
  );
}

/** Comparisons: oparg is a mask of the relations that make the result true (CMP_MASKS), so one
 * stencil serves all six operators without a branch: 1 less, 2 equal, 4 greater, 8 unordered. */
function cmpBody(get: string): string {
  const conv = get === "double" ? "AS_DOUBLE" : "INT_VALUE";
  return `
    ${get} a = ${conv}(PEEK(2)), b = ${conv}(PEEK(1));
    uint64_t rel = (uint64_t)(a < b) | ((uint64_t)(a == b) << 1) | ((uint64_t)(a > b) << 2)${
    get === "double" ? " | ((uint64_t)(a != a || b != b) << 3)" : ""
  };
    sp[-2] = BOOL_WORD((rel & OPARG) != 0);
    sp -= 1;
  `;
}

/** COMPARE_OP oparg (0..5 = < <= == != > >=) -> the relation mask the compare uops take. */
export const CMP_MASKS = [1, 3, 2, 13, 4, 6] as const;

/** Guard and step of FOR_ITER over one built-in iterator kind. Exhaustion (and anything unusual)
 * exits to the FOR_ITER itself, so tier 1 finishes the loop exactly as it always does. */
function forIter(kind: string, typeId: string, step: string, extra = ""): UopDef[] {
  return [
    uop(
      `_GUARD_ITER_${kind}`,
      [1, 1],
      ["target"],
      G,
      `
      Word it = PEEK(1);
      EXIT_IF(!IS_REF(it) || OBJ_TYPE(REF_ADDR(it)) != ${typeId}${extra});
    `,
    ),
    uop(`_FOR_ITER_${kind}`, [1, 2], ["target"], X, step),
  ];
}

export const UOPS: readonly UopDef[] = [
  uop("_NOP", [0, 0], [], P, ""),
  uop(
    "_LOAD_FAST",
    [0, 1],
    ["oparg"],
    P,
    `
    sp[0] = LOCAL(OPARG);
    sp += 1;
  `,
  ),
  // LOAD_FAST of a local that may be unbound: tier 1 raises UnboundLocalError there.
  uop(
    "_LOAD_FAST_CHECK",
    [0, 1],
    ["oparg", "target"],
    X,
    `
    Word v = LOCAL(OPARG);
    EXIT_IF(v == NULL_WORD);
    sp[0] = v;
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
  // A constant's raw word (constants are immutable and kept alive by their code object).
  uop(
    "_LOAD_CONST",
    [0, 1],
    ["operand0"],
    P,
    `
    sp[0] = OPERAND0;
    sp += 1;
  `,
  ),
  uop(
    "_POP_TOP",
    [1, 0],
    [],
    P,
    `
    sp -= 1;
  `,
  ),
  uop(
    "_PUSH_NULL",
    [0, 1],
    [],
    P,
    `
    sp[0] = NULL_WORD;
    sp += 1;
  `,
  ),
  uop(
    "_COPY",
    [0, 1],
    ["oparg"],
    P,
    `
    sp[0] = sp[-(int64_t)OPARG];
    sp += 1;
  `,
  ),
  // Swaps the top with the OPARG-th word (the optimizer knows its real effect).
  uop(
    "_SWAP",
    [0, 0],
    ["oparg"],
    {},
    `
    Word t = sp[-1];
    sp[-1] = sp[-(int64_t)OPARG];
    sp[-(int64_t)OPARG] = t;
  `,
  ),
  ...typeGuards("INT", "IS_SMALL_INT"),
  ...typeGuards("FLOAT", "IS_FLOAT"),
  localGuard("INT", "IS_SMALL_INT"),
  localGuard("FLOAT", "IS_FLOAT"),
  localGuard("BOUND", "IS_BOUND"),
  intOp("ADD", "__builtin_add_overflow"),
  intOp("SUB", "__builtin_sub_overflow"),
  intOp("MUL", "__builtin_mul_overflow"),
  floatOp("ADD", "+"),
  floatOp("SUB", "-"),
  floatOp("MUL", "*"),
  floatOp("DIV", "/"),
  uop("_COMPARE_OP_INT", [2, 1], ["oparg"], P, cmpBody("int64_t")),
  uop("_COMPARE_OP_FLOAT", [2, 1], ["oparg"], P, cmpBody("double")),
  uop(
    "_IS_OP",
    [2, 1],
    ["oparg"],
    P,
    `
    sp[-2] = BOOL_WORD((sp[-2] == sp[-1]) != (OPARG == 1));
    sp -= 1;
  `,
  ),
  uop(
    "_GUARD_TOS_BOOL",
    [1, 1],
    ["target"],
    G,
    `
    EXIT_IF((PEEK(1) >> 32) != (FALSE_WORD >> 32));
  `,
  ),
  uop(
    "_UNARY_NOT",
    [1, 1],
    [],
    P,
    `
    sp[-1] ^= 1;
  `,
  ),
  // Branch guards: the condition is popped before the exit, as the conditional jump pops it
  // before jumping, so the exit resumes at the other side of the branch.
  uop(
    "_GUARD_IS_TRUE_POP",
    [1, 0],
    ["target"],
    G,
    `
    sp -= 1;
    EXIT_IF(sp[0] != TRUE_WORD);
  `,
  ),
  uop(
    "_GUARD_IS_FALSE_POP",
    [1, 0],
    ["target"],
    G,
    `
    sp -= 1;
    EXIT_IF(sp[0] != FALSE_WORD);
  `,
  ),
  uop(
    "_GUARD_IS_NONE_POP",
    [1, 0],
    ["target"],
    G,
    `
    sp -= 1;
    EXIT_IF(sp[0] != NONE_WORD);
  `,
  ),
  uop(
    "_GUARD_IS_NOT_NONE_POP",
    [1, 0],
    ["target"],
    G,
    `
    sp -= 1;
    EXIT_IF(sp[0] == NONE_WORD);
  `,
  ),
  // Globals: the dict's keys version (cache0 of LOAD_GLOBAL_*) pins every entry index.
  uop(
    "_GUARD_GLOBALS_VERSION",
    [0, 0],
    ["operand0", "target"],
    G,
    `
    char *g = HEAP_BASE + FRAME_U32(F_GLOBALS);
    EXIT_IF(U32_AT(g, DICT_VERSION) != (uint32_t)OPERAND0);
  `,
  ),
  uop(
    "_LOAD_GLOBAL_MODULE",
    [0, 1],
    ["oparg"],
    P,
    `
    sp[0] = DICT_ENTRY_VALUE(HEAP_BASE + FRAME_U32(F_GLOBALS), OPARG);
    sp += 1;
  `,
  ),
  uop(
    "_LOAD_GLOBAL_BUILTIN",
    [0, 1],
    ["oparg"],
    P,
    `
    sp[0] = DICT_ENTRY_VALUE(HEAP_BASE + FRAME_U32(F_BUILTINS), OPARG);
    sp += 1;
  `,
  ),
  // Instances: operand0 = shape id, oparg = inline slot index (LOAD/STORE_ATTR_INSTANCE_VALUE).
  uop(
    "_GUARD_INSTANCE_SHAPE",
    [1, 1],
    ["operand0", "oparg", "target"],
    G,
    `
    Word o = PEEK(1);
    EXIT_IF(!IS_REF(o));
    char *r = REF_ADDR(o);
    EXIT_IF(U32_AT(r, INST_SHAPE) != (uint32_t)OPERAND0 || OBJ_TYPE(r) < FIRST_CLASS_TYPE ||
            ((U32_AT(r, 4) - INST_SLOTS) >> 3) <= OPARG);
  `,
  ),
  uop(
    "_LOAD_ATTR_INSTANCE_VALUE",
    [1, 1],
    ["oparg"],
    P,
    `
    sp[-1] = WORD_AT(REF_ADDR(sp[-1]), INST_SLOTS + 8 * OPARG);
  `,
  ),
  uop(
    "_STORE_ATTR_INSTANCE_VALUE",
    [2, 0],
    ["oparg"],
    {},
    `
    WORD_AT(REF_ADDR(sp[-1]), INST_SLOTS + 8 * OPARG) = sp[-2];
    sp -= 2;
  `,
  ),
  // Subscripts: the container is the second word, the index the top (a guarded small int).
  uop(
    "_GUARD_NOS_LIST",
    [2, 2],
    ["target"],
    G,
    `
    Word c = PEEK(2);
    EXIT_IF(!IS_REF(c) || OBJ_TYPE(REF_ADDR(c)) != T_LIST);
  `,
  ),
  uop(
    "_GUARD_NOS_TUPLE",
    [2, 2],
    ["target"],
    G,
    `
    Word c = PEEK(2);
    EXIT_IF(!IS_REF(c) || OBJ_TYPE(REF_ADDR(c)) != T_TUPLE);
  `,
  ),
  uop(
    "_BINARY_SUBSCR_LIST_INT",
    [2, 1],
    ["target"],
    X,
    `
    char *l = REF_ADDR(PEEK(2));
    int64_t i = INT_VALUE(PEEK(1));
    int64_t n = U32_AT(l, LIST_LEN);
    if (i < 0) i += n;
    EXIT_IF(i < 0 || i >= n);
    sp[-2] = WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * i);
    sp -= 1;
  `,
  ),
  uop(
    "_BINARY_SUBSCR_TUPLE_INT",
    [2, 1],
    ["target"],
    X,
    `
    char *t = REF_ADDR(PEEK(2));
    int64_t i = INT_VALUE(PEEK(1));
    int64_t n = (U32_AT(t, 4) - TUPLE_ITEMS) >> 3;
    if (i < 0) i += n;
    EXIT_IF(i < 0 || i >= n);
    sp[-2] = WORD_AT(t, TUPLE_ITEMS + 8 * i);
    sp -= 1;
  `,
  ),
  uop(
    "_STORE_SUBSCR_LIST_INT",
    [3, 0],
    ["target"],
    X,
    `
    char *l = REF_ADDR(PEEK(2));
    int64_t i = INT_VALUE(PEEK(1));
    int64_t n = U32_AT(l, LIST_LEN);
    if (i < 0) i += n;
    EXIT_IF(i < 0 || i >= n);
    WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * i) = sp[-3];
    sp -= 3;
  `,
  ),
  ...forIter(
    "RANGE",
    "T_RANGE_ITER",
    `
      char *r = REF_ADDR(PEEK(1));
      Word next = WORD_AT(r, RANGE_ITER_NEXT);
      int64_t v = INT_VALUE(next), e = INT_VALUE(WORD_AT(r, RANGE_ITER_STOP));
      int64_t s = INT_VALUE(WORD_AT(r, RANGE_ITER_STEP));
      int64_t nv = v + s;
      EXIT_IF((s > 0 ? v >= e : v <= e) || nv > SMALL_INT_MAX || nv < -SMALL_INT_MAX);
      WORD_AT(r, RANGE_ITER_NEXT) = BOX_INT(nv);
      sp[0] = next;
      sp += 1;
    `,
    ` || !IS_SMALL_INT(WORD_AT(REF_ADDR(it), RANGE_ITER_NEXT)) ||
        !IS_SMALL_INT(WORD_AT(REF_ADDR(it), RANGE_ITER_STOP)) ||
        !IS_SMALL_INT(WORD_AT(REF_ADDR(it), RANGE_ITER_STEP))`,
  ),
  ...forIter(
    "LIST",
    "T_LIST_ITER",
    `
      char *r = REF_ADDR(PEEK(1));
      Word seq = WORD_AT(r, ITER_SEQ);
      EXIT_IF(!IS_REF(seq));
      char *l = REF_ADDR(seq);
      uint32_t i = U32_AT(r, ITER_INDEX);
      EXIT_IF(i >= U32_AT(l, LIST_LEN));
      sp[0] = WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * (uint64_t)i);
      U32_AT(r, ITER_INDEX) = i + 1;
      sp += 1;
    `,
  ),
  ...forIter(
    "TUPLE",
    "T_TUPLE_ITER",
    `
      char *r = REF_ADDR(PEEK(1));
      Word seq = WORD_AT(r, ITER_SEQ);
      EXIT_IF(!IS_REF(seq));
      char *t = REF_ADDR(seq);
      uint32_t i = U32_AT(r, ITER_INDEX);
      EXIT_IF(i >= ((U32_AT(t, 4) - TUPLE_ITEMS) >> 3));
      sp[0] = WORD_AT(t, TUPLE_ITEMS + 8 * (uint64_t)i);
      U32_AT(r, ITER_INDEX) = i + 1;
      sp += 1;
    `,
  ),
  // Leaves when the executor was invalidated (operand0 = native address of its validity word).
  uop(
    "_CHECK_VALIDITY",
    [0, 0],
    ["operand0", "target"],
    G,
    `
    EXIT_IF(*(volatile uint64_t *)OPERAND0 == 0);
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
  // Leaves the trace through an exit record (operand0: its native address, or 0 for none):
  // counts the exit, continues in the executor linked to it if any (chaining a trace to an exit
  // is a data write), else records where (state and frame) and returns to the shim. Codegen also
  // uses it as the exit stub of every uop that may exit, with _JIT_UOP_INDEX = the exiting uop.
  uop(
    "_EXIT_TRACE",
    [0, 0],
    ["target", "operand0"],
    { exits: true, terminal: true },
    `
    uint64_t *rec = (uint64_t *)OPERAND0;
    if (rec) {
      rec[EXIT_HITS] += 1;
      Stencil *linked = (Stencil *)rec[EXIT_LINKED];
      if (linked) {
        __attribute__((musttail)) return linked(frame, sp, state);
      }
    }
    uint64_t sp_offset = (uint64_t)((char *)sp - HEAP_BASE);
    state->exit_uop = UOP_INDEX;
    state->exit_target = TARGET;
    state->exit_sp = sp_offset;
    state->exit_record = (uint64_t)rec;
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
