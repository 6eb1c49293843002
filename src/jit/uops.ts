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

import { fusedUops } from "./uops_fused.ts";

/** What a uop instance must be given (each maps to a hole in its stencil). */
export type OperandKind =
  /** small immediate, e.g. a local index (`_JIT_OPARG`) */
  | "oparg"
  /** a 64-bit operand, e.g. a raw value word (`_JIT_OPERAND0`) */
  | "operand0"
  /** two more 64-bit operands, for uops with several constants (`_JIT_OPERAND1`, `_JIT_OPERAND2`) */
  | "operand1"
  | "operand2"
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
  const conv = get === "double" ? "AS_DOUBLE" : get === "num" ? "NUM_VALUE" : "INT_VALUE";
  if (get === "num") get = "double";
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

/** Guard, exhaustion check and step of FOR_ITER over one built-in iterator kind. The guard and the
 * step exit to the FOR_ITER itself (tier 1 redoes it); `_ITER_CHECK_<kind>` (target: the loop's
 * exit instruction) does what tier 1 does on exhaustion (pop the iterator, jump past the loop), so
 * the exit's side trace continues after the loop. */
function forIter(kind: string, typeId: string, check: string, step: string, extra = ""): UopDef[] {
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
    uop(`_ITER_CHECK_${kind}`, [1, 1], ["target"], X, check),
    uop(`_FOR_ITER_${kind}`, [1, 2], ["target"], X, step),
  ];
}

/** UNPACK_SEQUENCE n of a tuple or list of exactly n items (anything else exits first). */
function unpack(n: number): UopDef {
  const stores: string[] = [];
  for (let k = 0; k < n; k++) stores.push(`sp[${k - 1}] = items[${n - 1 - k}];`);
  return uop(
    `_UNPACK_SEQUENCE_${n}`,
    [1, n],
    ["target"],
    X,
    `
    Word s = PEEK(1);
    EXIT_IF(!IS_REF(s));
    char *o = REF_ADDR(s);
    Word *items;
    if (OBJ_TYPE(o) == T_TUPLE) {
      EXIT_IF(((U32_AT(o, 4) - TUPLE_ITEMS) >> 3) != ${n});
      items = (Word *)(o + TUPLE_ITEMS);
    } else {
      EXIT_IF(OBJ_TYPE(o) != T_LIST || U32_AT(o, LIST_LEN) != ${n});
      items = (Word *)(HEAP_BASE + U32_AT(o, LIST_ITEMS) + VALUES_START);
    }
    ${stores.join(" ")}
    sp += ${n - 1};
  `,
  );
}

/** Generic BINARY_OP on two guarded small ints (ops tier 1 never specialises). `pre` may exit
 * (before anything changes); `expr` computes int64_t r from a and b; results outside the small-int
 * range exit, so tier 1 redoes the operation with big ints. */
function intBinary(name: string, pre: string, expr: string, checkRange = true): UopDef {
  return uop(
    `_BINARY_OP_${name}_INT`,
    [2, 1],
    checkRange || pre !== "" ? ["target"] : [],
    checkRange || pre !== "" ? X : P,
    `
    int64_t a = INT_VALUE(PEEK(2)), b = INT_VALUE(PEEK(1));
    ${pre}
    int64_t r;
    ${expr}
    ${checkRange ? "EXIT_IF(!FITS_SMALL_INT(r));" : ""}
    sp[-2] = BOX_INT(r);
    sp -= 1;
  `,
  );
}

/** Mixed float/small-int arithmetic: the result is always a float. */
function numOp(name: string, op: string): UopDef {
  const div = op === "/";
  return uop(
    `_BINARY_OP_${name}_NUM`,
    [2, 1],
    ["target"],
    X,
    `
    Word x = PEEK(2), y = PEEK(1);
    ${div ? "" : "EXIT_IF(!IS_FLOAT(x) && !IS_FLOAT(y));"}
    double a = NUM_VALUE(x), b = NUM_VALUE(y);
    ${div ? "EXIT_IF(b == 0.0);" : ""}
    sp[-2] = FLOAT_WORD(a ${op} b);
    sp -= 1;
  `,
  );
}

/** min(a, b) / max(a, b) of two floats or two small ints: b when it is strictly smaller (larger),
 * else a, as CPython's loop keeps the first extreme item (a NaN compares false: a). */
function minMax(name: string, rel: string): UopDef {
  return uop(
    `_CALL_${name}`,
    [4, 1],
    ["target"],
    X,
    `
    Word a = PEEK(2), b = PEEK(1);
    int take;
    if (IS_FLOAT(a) && IS_FLOAT(b)) take = AS_DOUBLE(b) ${rel} AS_DOUBLE(a);
    else {
      EXIT_IF(!IS_SMALL_INT(a) || !IS_SMALL_INT(b));
      take = INT_VALUE(b) ${rel} INT_VALUE(a);
    }
    sp[-4] = take ? b : a;
    sp -= 3;
  `,
  );
}

/** GET_ITER of a list or tuple (its type guarded before): a new sequence iterator. */
function getIter(kind: string, typeId: string): UopDef {
  return uop(
    `_GET_ITER_${kind}`,
    [1, 1],
    ["target"],
    X,
    `
    char *it = ALLOC(state, ${typeId}, ITER_BYTES, 1, 0);
    EXIT_IF(it == 0);
    WORD_AT(it, ITER_SEQ) = PEEK(1);
    sp[-1] = REF_WORD(it);
  `,
  );
}

/** BUILD_TUPLE n: the n items on top become a new tuple (exits, unchanged, without room). */
function buildTuple(n: number): UopDef {
  const copies = [];
  for (let k = 0; k < n; k++) copies.push(`WORD_AT(t, TUPLE_ITEMS + ${8 * k}) = PEEK(${n - k});`);
  return uop(
    `_BUILD_TUPLE_${n}`,
    [n, 1],
    ["target"],
    X,
    `
    char *t = ALLOC(state, T_TUPLE, TUPLE_ITEMS + ${8 * n}, 0, 0);
    EXIT_IF(t == 0);
    ${copies.join("\n    ")}
    sp[-${n}] = REF_WORD(t);
    sp -= ${n - 1};
  `,
  );
}

/** range(...) with n small-int arguments (callable, NULL, args on the stack). */
function callRange(n: number): UopDef {
  const start = n === 1 ? "BOX_INT(0)" : `PEEK(${n})`;
  const stop = n === 1 ? "PEEK(1)" : `PEEK(${n - 1})`;
  const step = n === 3 ? "PEEK(1)" : "BOX_INT(1)";
  return uop(
    `_CALL_RANGE_${n}`,
    [n + 2, 1],
    ["target"],
    X,
    `
    Word a = ${start}, b = ${stop}, c = ${step};
    EXIT_IF(!IS_SMALL_INT(a) || !IS_SMALL_INT(b) || !IS_SMALL_INT(c) || INT_VALUE(c) == 0);
    char *r = ALLOC(state, T_RANGE, RANGE_BYTES, 0, 0);
    EXIT_IF(r == 0);
    WORD_AT(r, RANGE_START) = a;
    WORD_AT(r, RANGE_STOP) = b;
    WORD_AT(r, RANGE_STEP) = c;
    sp[-${n + 2}] = REF_WORD(r);
    sp -= ${n + 1};
  `,
  );
}

/**
 * `c[i] op= v` on a float item of a list held in a local: the optimizer's rewrite (optimizer.ts,
 * `fuseAugItems`) of LOAD_FAST c; i; COPY 2; COPY 2; BINARY_SUBSCR_LIST_INT; <v>; BINARY_OP_*_FLOAT;
 * SWAP 3; SWAP 2; STORE_SUBSCR_LIST_INT, where <v> is computed (purely, without exits) first and
 * is on the stack. oparg: the list's local (bits 0-15) and, for index source L, the index's local
 * (bits 16-31); C: operand0 is a non-negative constant index. Every exit pops v and resumes at
 * the LOAD_FAST of the list (the target), so tier 1 redoes the whole statement; nothing has
 * changed by then, and <v> has no effects.
 */
function augListItemFloat(op: "ADD" | "SUB" | "MUL" | "DIV", index: "C" | "L" | "C_MUL"): UopDef {
  const sym = { ADD: "+", SUB: "-", MUL: "*", DIV: "/" }[op];
  // Locals through the fused uops' 32-bit holes (uops_fused.ts: A = oparg bits 0-15, B = 16-31,
  // D = 32-47), which clang folds into displacements. C_MUL: a constant index and v = a * b of
  // two locals (B, D) that the optimizer proved floats (the product had no guard), computed here
  // (`x[k] op= a * b` is common enough to spare v's trip through the stack; v is only an operand,
  // so its NaN needs no canonical word).
  const value = index === "C_MUL"
    ? "double b = AS_DOUBLE(FLOCAL(_JIT_LOCAL_B)) * AS_DOUBLE(FLOCAL(_JIT_LOCAL_D));"
    : `Word v = PEEK(1);
    sp -= 1;
    EXIT_IF(!IS_FLOAT(v));
    double b = AS_DOUBLE(v);`;
  return uop(
    `_AUG_LIST_ITEM_${op}_FLOAT_${index}`,
    [index === "C_MUL" ? 0 : 1, 0],
    index === "L" ? ["oparg", "target"] : ["oparg", "operand0", "target"],
    X,
    `
    ${value}
    Word c = FLOCAL(_JIT_LOCAL_A);
    EXIT_IF(!IS_REF(c) || OBJ_TYPE(REF_ADDR(c)) != T_LIST);
    char *l = REF_ADDR(c);
    ${
      index !== "L"
        ? `uint64_t i = OPERAND0;
    EXIT_IF(i >= U32_AT(l, LIST_LEN));`
        : `Word xi = FLOCAL(_JIT_LOCAL_B);
    EXIT_IF(!IS_SMALL_INT(xi));
    int64_t i = INT_VALUE(xi), n = U32_AT(l, LIST_LEN);
    if (i < 0) i += n;
    EXIT_IF(i < 0 || i >= n);`
    }
    Word *item = (Word *)(HEAP_BASE + U32_AT(l, LIST_ITEMS) + VALUES_START + 8 * i);
    Word x = *item;
    EXIT_IF(!IS_FLOAT(x)${op === "DIV" ? " || b == 0.0" : ""});
    *item = FLOAT_WORD(AS_DOUBLE(x) ${sym} b);
  `,
  );
}

/**
 * `m.sqrt(x)` with m a module in a global: the optimizer's rewrite (optimizer.ts, `fuseSqrtCalls`)
 * of _LOAD_GLOBAL_MODULE; _GUARD_TOS_IS m; _LOAD_ATTR_MODULE; _PUSH_NULL; <x>; _GUARD_BUILTIN;
 * _CALL_SQRT into _GUARD_GLOBAL_IS (before <x>) and this uop, which checks that the module dict's
 * entry (operand0: the dict's heap offset; oparg bits 0-15: the entry index) is still the sqrt
 * built-in (builtin index in oparg bits 32-47), and computes the root of x (S: popped from the
 * stack; L: the local in oparg bits 16-31). Every exit leaves x popped and resumes at the
 * LOAD_GLOBAL (target), so tier 1 redoes the call (and raises for a negative x).
 */
function callSqrtAttr(x: "S" | "L"): UopDef {
  return uop(
    `_CALL_SQRT_ATTR_${x}`,
    [x === "S" ? 1 : 0, 1],
    ["oparg", "operand0", "target"],
    X,
    `
    ${x === "S" ? "Word x = sp[-1];\n    sp -= 1;" : "Word x = LOCAL((OPARG >> 16) & 0xffff);"}
    Word f = DICT_ENTRY_VALUE(HEAP_BASE + (uint32_t)OPERAND0, OPARG & 0xffff);
    EXIT_IF(!IS_REF(f) || !IS_NUM(x));
    char *r = REF_ADDR(f);
    EXIT_IF(OBJ_TYPE(r) != T_BUILTIN || U32_AT(r, BUILTIN_INDEX) != (uint32_t)(OPARG >> 32) ||
            WORD_AT(r, BUILTIN_SELF) != NULL_WORD);
    double d = NUM_VALUE(x);
    EXIT_IF(d < 0.0);
    sp[0] = FLOAT_WORD(SQRT(d));
    sp += 1;
  `,
  );
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
  // A list local the loop never rebinds: its subscripts need no list check in the loop.
  localGuard("LIST", "IS_LIST"),
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
  // Not made by projection: the component of the fused list-subscript branches
  // (_F_SUBSCR_LIST_*_BT/BF, uops_fused.ts) that the uop interpreter runs. Exits, with list and
  // index left as they are, unless the index is in range and the item is the bool OPARG (0 False,
  // 1 True); tier 1 then redoes the subscript, which only reads the list.
  uop(
    "_GUARD_LIST_ITEM_BOOL",
    [2, 2],
    ["oparg", "target"],
    G,
    `
    char *l = REF_ADDR(PEEK(2));
    int64_t i = INT_VALUE(PEEK(1));
    int64_t n = U32_AT(l, LIST_LEN);
    if (i < 0) i += n;
    EXIT_IF(i < 0 || i >= n);
    EXIT_IF(WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * i) != (FALSE_WORD | OPARG));
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
      int64_t v = INT_VALUE(WORD_AT(r, RANGE_ITER_NEXT)), e = INT_VALUE(WORD_AT(r, RANGE_ITER_STOP));
      int64_t s = INT_VALUE(WORD_AT(r, RANGE_ITER_STEP));
      EXIT_POP_IF(s > 0 ? v >= e : v <= e, 1);
    `,
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
      EXIT_POP_IF(!IS_REF(seq), 1);
      if (U32_AT(r, ITER_INDEX) >= U32_AT(REF_ADDR(seq), LIST_LEN)) {
        WORD_AT(r, ITER_SEQ) = NONE_WORD;
        EXIT_POP_IF(1, 1);
      }
    `,
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
      EXIT_POP_IF(!IS_REF(seq), 1);
      if (U32_AT(r, ITER_INDEX) >= ((U32_AT(REF_ADDR(seq), 4) - TUPLE_ITEMS) >> 3)) {
        WORD_AT(r, ITER_SEQ) = NONE_WORD;
        EXIT_POP_IF(1, 1);
      }
    `,
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
  unpack(2),
  unpack(3),
  intBinary(
    "MOD",
    "EXIT_IF(b == 0);",
    "r = a % b; if (r != 0 && ((r ^ b) < 0)) r += b;",
    false,
  ),
  intBinary(
    "FLOORDIV",
    "EXIT_IF(b == 0);",
    "r = a / b; if ((a % b != 0) && ((a ^ b) < 0)) r -= 1;",
  ),
  intBinary("RSHIFT", "EXIT_IF(b < 0);", "r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;", false),
  intBinary(
    "LSHIFT",
    "EXIT_IF(b < 0 || b >= 48);",
    "r = (int64_t)((uint64_t)a << b); EXIT_IF((r >> b) != a);",
  ),
  intBinary("AND", "", "r = a & b;", false),
  intBinary("OR", "", "r = a | b;", false),
  intBinary("XOR", "", "r = a ^ b;", false),
  // Mixed float/small-int arithmetic (BINARY_OP_*_NUM): ints convert exactly (48 bits fit a
  // double). ADD/SUB/MUL exit when neither operand is a float (int arithmetic stays int); DIV
  // takes two ints too and exits on a zero divisor (tier 1 raises).
  ...typeGuards("NUM", "IS_NUM"),
  numOp("ADD", "+"),
  numOp("SUB", "-"),
  numOp("MUL", "*"),
  numOp("DIV", "/"),
  uop("_COMPARE_OP_NUM", [2, 1], ["oparg"], P, cmpBody("num")),
  // UNARY_NEGATIVE of a float or small int (anything else exits; so does -SMALL_INT_MIN).
  uop(
    "_UNARY_NEGATIVE_NUM",
    [1, 1],
    ["target"],
    X,
    `
    Word x = PEEK(1);
    if (IS_FLOAT(x)) {
      sp[-1] = FLOAT_WORD(-AS_DOUBLE(x));
    } else {
      EXIT_IF(!IS_SMALL_INT(x) || !FITS_SMALL_INT(-INT_VALUE(x)));
      sp[-1] = BOX_INT(-INT_VALUE(x));
    }
  `,
  ),
  // Identity of a value known at projection time (a module, a class): operand0 = its word.
  uop(
    "_GUARD_TOS_IS",
    [1, 1],
    ["operand0", "target"],
    G,
    `
    EXIT_IF(PEEK(1) != OPERAND0);
  `,
  ),
  // Keys version of a dict known at projection time (a module's): operand0 = dict heap offset |
  // version << 32. It reads no stack word, so the optimizer hoists it out of loops.
  uop(
    "_GUARD_DICT_VERSION",
    [0, 0],
    ["operand0", "target"],
    G,
    `
    EXIT_IF(U32_AT(HEAP_BASE + (uint32_t)OPERAND0, DICT_VERSION) != (uint32_t)(OPERAND0 >> 32));
  `,
  ),
  // LOAD_ATTR_MODULE after the two guards above: operand0 = the module dict's heap offset,
  // oparg = entry index. The value is read now (rebinding an attribute keeps the keys version).
  uop(
    "_LOAD_ATTR_MODULE",
    [1, 1],
    ["oparg", "operand0"],
    P,
    `
    sp[-1] = DICT_ENTRY_VALUE(HEAP_BASE + (uint32_t)OPERAND0, OPARG);
  `,
  ),
  // STORE_ATTR_ADD_SLOT after _GUARD_INSTANCE_SHAPE (old shape, slot): store, then the new shape.
  uop(
    "_STORE_ATTR_ADD_SLOT",
    [2, 0],
    ["oparg", "operand0"],
    {},
    `
    char *o = REF_ADDR(sp[-1]);
    WORD_AT(o, INST_SLOTS + 8 * OPARG) = sp[-2];
    U32_AT(o, INST_SHAPE) = (uint32_t)OPERAND0;
    sp -= 2;
  `,
  ),
  // A heap object of one built-in type on top (operand0 = type index): method loads of built-in
  // types (their dicts cannot change).
  uop(
    "_GUARD_TOS_TYPE",
    [1, 1],
    ["operand0", "target"],
    G,
    `
    Word o = PEEK(1);
    EXIT_IF(!IS_REF(o) || OBJ_TYPE(REF_ADDR(o)) != (uint32_t)OPERAND0);
  `,
  ),
  // Native built-ins. CALL_BUILTIN's callee: oparg = its depth below the top (CALL's oparg + 2),
  // operand0 = its builtin index; unbound (no self) and the self slot NULL, as tier 1 checks.
  uop(
    "_GUARD_BUILTIN",
    [0, 0],
    ["oparg", "operand0", "target"],
    G,
    `
    Word c = sp[-(int64_t)OPARG];
    EXIT_IF(!IS_REF(c) || sp[1 - (int64_t)OPARG] != NULL_WORD);
    char *r = REF_ADDR(c);
    EXIT_IF(OBJ_TYPE(r) != T_BUILTIN || U32_AT(r, BUILTIN_INDEX) != (uint32_t)OPERAND0 ||
            WORD_AT(r, BUILTIN_SELF) != NULL_WORD);
  `,
  ),
  // math.sqrt(x) of a float or small int; negative x exits (tier 1 raises ValueError).
  uop(
    "_CALL_SQRT",
    [3, 1],
    ["target"],
    X,
    `
    Word x = PEEK(1);
    EXIT_IF(!IS_NUM(x));
    double d = NUM_VALUE(x);
    EXIT_IF(d < 0.0);
    sp[-3] = FLOAT_WORD(SQRT(d));
    sp -= 2;
  `,
  ),
  // len(x) of a list, tuple, str or dict.
  uop(
    "_CALL_LEN",
    [3, 1],
    ["target"],
    X,
    `
    Word x = PEEK(1);
    EXIT_IF(!IS_REF(x));
    char *o = REF_ADDR(x);
    uint32_t t = OBJ_TYPE(o);
    uint64_t n;
    if (t == T_LIST) n = U32_AT(o, LIST_LEN);
    else if (t == T_TUPLE) n = (U32_AT(o, 4) - TUPLE_ITEMS) >> 3;
    else if (t == T_STR) n = U32_AT(o, STR_LEN);
    else {
      EXIT_IF(t != T_DICT);
      n = U32_AT(o, DICT_USED);
    }
    sp[-3] = BOX_INT(n);
    sp -= 2;
  `,
  ),
  // abs(x) of a small int (exits when the result leaves the range) or a float.
  uop(
    "_CALL_ABS",
    [3, 1],
    ["target"],
    X,
    `
    Word x = PEEK(1);
    Word r;
    if (IS_FLOAT(x)) {
      r = x & 0x7FFFFFFFFFFFFFFFull;
    } else {
      EXIT_IF(!IS_SMALL_INT(x));
      int64_t v = INT_VALUE(x);
      if (v < 0) v = -v;
      EXIT_IF(!FITS_SMALL_INT(v));
      r = BOX_INT(v);
    }
    sp[-3] = r;
    sp -= 2;
  `,
  ),
  // int(x) of a small int (itself) or a float of magnitude below 2^47 (truncated; NaN,
  // infinities and larger floats exit: tier 1 raises or makes a big int). The callable is guarded before.
  uop(
    "_CALL_INT_1",
    [3, 1],
    ["target"],
    X,
    `
    Word x = PEEK(1);
    Word r = x;
    if (!IS_SMALL_INT(x)) {
      EXIT_IF(!IS_FLOAT(x));
      /* |x| < 2^47 (biased exponent below 1023 + 47): the truncation fits; NaN and infinities
         have the largest exponent. Tested on the bits: no floating-point constant. */
      EXIT_IF(((x >> 52) & 0x7FF) >= 1070);
      r = BOX_INT((int64_t)AS_DOUBLE(x));
    }
    sp[-3] = r;
    sp -= 2;
  `,
  ),
  minMax("MIN", "<"),
  minMax("MAX", ">"),
  // isinstance(x, C) with C guarded to be one class: oparg = C's type index, operand0 = the mask
  // of built-in type indexes (below FIRST_CLASS_TYPE) that are C or its subclasses. A user-class x
  // other than C exits (tier 1 walks the MRO).
  uop(
    "_CALL_ISINSTANCE",
    [4, 1],
    ["oparg", "operand0", "target"],
    X,
    `
    Word x = PEEK(2);
    uint32_t t;
    if (IS_FLOAT(x)) t = T_FLOAT;
    else if (IS_SMALL_INT(x)) t = T_INT;
    else if (IS_REF(x)) t = OBJ_TYPE(REF_ADDR(x));
    else if ((x >> 32) == (FALSE_WORD >> 32)) t = T_BOOL;
    else {
      EXIT_IF(x != NONE_WORD);
      t = T_NONE;
    }
    uint64_t yes;
    if (t < FIRST_CLASS_TYPE) yes = (OPERAND0 >> t) & 1;
    else {
      EXIT_IF(t != (uint32_t)OPARG);
      yes = 1;
    }
    sp[-4] = BOOL_WORD(yes);
    sp -= 3;
  `,
  ),
  // list.append(x) loaded by LOAD_METHOD (method, list, x): a store and a length bump; a full
  // buffer is grown first (LIST_GROW, template.c: small ones from the allocation region), and
  // exits when it cannot be (tier 1 grows it).
  uop(
    "_CALL_LIST_APPEND",
    [3, 1],
    ["target"],
    X,
    `
    char *l = REF_ADDR(PEEK(2));
    uint32_t n = U32_AT(l, LIST_LEN);
    EXIT_IF(n >= U32_AT(l, LIST_CAP) && !LIST_GROW(state, l));
    WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * (uint64_t)n) = PEEK(1);
    U32_AT(l, LIST_LEN) = n + 1;
    sp[-3] = NONE_WORD;
    sp -= 2;
  `,
  ),
  // Calls of Python functions, inlined (CALL_PY_EXACT_ARGS). oparg = the callable's depth below
  // the top (CALL's oparg + 2), operand0 = the function version tier 1 specialised on.
  uop(
    "_GUARD_FUNC_VERSION",
    [0, 0],
    ["oparg", "operand0", "target"],
    G,
    `
    Word c = sp[-(int64_t)OPARG];
    EXIT_IF(!IS_REF(c));
    char *r = REF_ADDR(c);
    EXIT_IF(OBJ_TYPE(r) != T_FUNCTION || U32_AT(r, FUNC_VERSION) != (uint32_t)OPERAND0);
  `,
  ),
  // Pushes the callee's frame exactly as tier 1's CALL_PY_EXACT_ARGS does and continues in it.
  // oparg = CALL's oparg | with-self << 8 | init << 9 (the frame of CALL_ALLOC_AND_ENTER_INIT's
  // __init__: F_FLAGS = FRAME_INIT) | callee nlocalsplus << 16; operand0 = callee code
  // index | frame bytes << 32; target = the CALL (exits there when the recursion limit or the
  // frame stack would be exceeded: tier 1 then raises). The stack effect (pops oparg + 2 words of
  // the caller's stack) is special: projection and optimizer know it.
  uop(
    "_PUSH_FRAME",
    [0, 0],
    ["oparg", "operand0", "target"],
    X,
    `
    uint64_t a = OPARG, o = OPERAND0;
    uint32_t argc = (uint32_t)(a & 0xff), self = (uint32_t)((a >> 8) & 1), n = (uint32_t)(a >> 16);
    uint32_t bytes = (uint32_t)(o >> 32);
    Word *base = sp - (argc + 2);
    uint32_t depth = FRAME_U32(F_DEPTH) + 1;
    uint32_t f = (uint32_t)state->frame_top;
    EXIT_IF(depth > state->recursion_limit || (uint64_t)f + bytes > state->frame_limit);
    FRAME_U32(F_IP) = (uint32_t)TARGET;
    FRAME_U32(F_SP) = (uint32_t)((char *)sp - HEAP_BASE);
    char *nf = HEAP_BASE + f;
    char *fn = REF_ADDR(base[0]);
    U32_AT(nf, F_CODE) = (uint32_t)o;
    U32_AT(nf, F_IP) = 0;
    U32_AT(nf, F_PREV) = (uint32_t)(frame - HEAP_BASE);
    U32_AT(nf, F_GLOBALS) = U32_AT(fn, FUNC_GLOBALS);
    U32_AT(nf, F_FUNC) = (uint32_t)base[0];
    U32_AT(nf, F_BUILTINS) = FRAME_U32(F_BUILTINS);
    U32_AT(nf, F_FLAGS) = ((a >> 9) & 1) ? FRAME_INIT : 0;
    U32_AT(nf, F_LOCALS_DICT) = 0;
    U32_AT(nf, F_NLOCALSPLUS) = n;
    U32_AT(nf, F_RESULT) = (uint32_t)((char *)base - HEAP_BASE);
    U32_AT(nf, F_DEPTH) = depth;
    Word *args = base + 2 - self;
    uint32_t nargs = argc + self;
    Word *loc = (Word *)(nf + FRAME_HEADER);
    #pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (uint32_t k = 0; k < nargs; k++) loc[k] = args[k];
    #pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (uint32_t k = nargs; k < n; k++) loc[k] = NULL_WORD;
    U32_AT(nf, F_SP) = f + FRAME_HEADER + 8 * n;
    state->frame_top = f + bytes;
    frame = nf;
    sp = loc + n;
  `,
  ),
  // A return from the frame a trace started in goes to a caller the projection saw live: guard
  // that the caller is that code, suspended at that CALL (operand0 = code index | CALL << 32).
  uop(
    "_GUARD_CALLER",
    [0, 0],
    ["operand0", "target"],
    G,
    `
    uint32_t p = FRAME_U32(F_PREV);
    EXIT_IF(p == 0);
    char *c = HEAP_BASE + p;
    EXIT_IF(U32_AT(c, F_CODE) != (uint32_t)OPERAND0 || U32_AT(c, F_IP) != (uint32_t)(OPERAND0 >> 32));
  `,
  ),
  // RETURN_VALUE of a frame: stores the result where the caller's callable was, pops the frame
  // (tier 1's RETURN_VALUE for a frame without flags) and continues in the caller.
  uop(
    "_POP_FRAME",
    [0, 0],
    ["target"],
    X,
    `
    uint32_t out = FRAME_U32(F_RESULT);
    EXIT_IF(FRAME_U32(F_FLAGS) != 0 || out == 0);
    WORD_AT(HEAP_BASE, out) = sp[-1];
    state->frame_top = (uint64_t)(frame - HEAP_BASE);
    frame = HEAP_BASE + FRAME_U32(F_PREV);
    sp = (Word *)(HEAP_BASE + out) + 1;
  `,
  ),
  // CALL_ALLOC_AND_ENTER_INIT, inlined: _GUARD_CALLABLE_IS (the class), _GUARD_FRAME_ROOM,
  // _CHECK_ALLOC, _ALLOC_INIT_SELF, _PUSH_FRAME (init bit), and at the __init__'s RETURN_VALUE
  // _POP_FRAME_INIT. The class's version is an executor dependency.
  //
  // Room for the callee's frame (oparg = its bytes): _PUSH_FRAME's own test, made before the
  // instance is allocated so that the exit leaves the CALL's stack untouched.
  uop(
    "_GUARD_FRAME_ROOM",
    [0, 0],
    ["oparg", "target"],
    G,
    `
    EXIT_IF(FRAME_U32(F_DEPTH) + 1 > state->recursion_limit ||
            state->frame_top + OPARG > state->frame_limit);
  `,
  ),
  // The instance of a class call (newInstance in instance.ts): oparg = the callable's depth
  // (CALL's oparg + 2) | instance bytes << 16, operand0 = type index | root shape << 32. It goes
  // in the callable slot (the call's result once __init__ returns) and the self slot.
  uop(
    "_ALLOC_INIT_SELF",
    [0, 0],
    ["oparg", "operand0", "target"],
    X,
    `
    uint64_t a = OPARG, o = OPERAND0;
    char *inst = ALLOC(state, (uint32_t)o, (uint32_t)(a >> 16), 1, 1);
    EXIT_IF(inst == 0);
    U32_AT(inst, INST_SHAPE) = (uint32_t)(o >> 32);
    Word w = REF_WORD(inst);
    int64_t depth = (int64_t)(a & 0xffff);
    sp[-depth] = w;
    sp[1 - depth] = w;
  `,
  ),
  // RETURN_VALUE of an __init__ frame (FRAME_INIT): the result must be None (else exits: tier 1
  // raises TypeError); the caller's result slot already holds the instance. Pops the frame.
  uop(
    "_POP_FRAME_INIT",
    [0, 0],
    ["target"],
    X,
    `
    uint32_t out = FRAME_U32(F_RESULT);
    EXIT_IF(FRAME_U32(F_FLAGS) != FRAME_INIT || out == 0 || sp[-1] != NONE_WORD);
    state->frame_top = (uint64_t)(frame - HEAP_BASE);
    frame = HEAP_BASE + FRAME_U32(F_PREV);
    sp = (Word *)(HEAP_BASE + out) + 1;
  `,
  ),
  // LOAD_METHOD_WITH_VALUES: operand0 = type index | shape << 32 (the type's version is an
  // executor dependency: changing the class invalidates the executor).
  uop(
    "_GUARD_TYPE_AND_SHAPE",
    [1, 1],
    ["operand0", "target"],
    G,
    `
    Word o = PEEK(1);
    EXIT_IF(!IS_REF(o));
    char *r = REF_ADDR(o);
    EXIT_IF(OBJ_TYPE(r) != (uint32_t)OPERAND0 || U32_AT(r, INST_SHAPE) != (uint32_t)(OPERAND0 >> 32));
  `,
  ),
  // Polymorphic sites (LOAD_ATTR_POLY, STORE_ATTR_POLY, LOAD_METHOD_POLY): the top is an instance
  // of a user class whose shape is one of a set (shapes are per class, so the set names the
  // classes too) and which has at least n inline slots. The set is a 64-bit mask over shape ids
  // base..base+63: operand0 = mask, oparg = base << 8 | n (n = 0 for method loads).
  uop(
    "_GUARD_SHAPE_SET",
    [1, 1],
    ["operand0", "oparg", "target"],
    G,
    `
    Word o = PEEK(1);
    EXIT_IF(!IS_REF(o));
    char *r = REF_ADDR(o);
    EXIT_IF(OBJ_TYPE(r) < FIRST_CLASS_TYPE);
    uint64_t d = (uint64_t)U32_AT(r, INST_SHAPE) - (OPARG >> 8);
    EXIT_IF(d >= 64 || !((OPERAND0 >> d) & 1) ||
            ((U32_AT(r, 4) - INST_SLOTS) >> 3) < (OPARG & 0xff));
  `,
  ),
  uop(
    "_LOAD_METHOD_CONST",
    [1, 2],
    ["operand0"],
    P,
    `
    sp[0] = sp[-1];
    sp[-1] = OPERAND0;
    sp += 1;
  `,
  ),
  // ---- Allocating uops (native allocation: ALLOC in stencils/template.c takes a chunk from the
  // region TypeScript hands to native code, src/runtime/space.ts). When the region has no room
  // the uop exits before changing anything; tier 1 then allocates (and collects at its next
  // safepoint). Objects are laid out exactly as tier 1 makes them.
  //
  // Room for an object of oparg bytes in the allocation region (ALLOC's own test), just before
  // the uop that allocates it. Its exit is the one a used-up region (or a due collection) takes:
  // the executor never grows a side trace from it (the region is only refilled by TypeScript).
  uop(
    "_CHECK_ALLOC",
    [0, 0],
    ["oparg", "target"],
    G,
    `
    uint64_t rem = state->alloc_end - state->alloc_ptr;
    EXIT_IF(rem < OPARG || rem - OPARG == 8);
  `,
  ),
  // GET_ITER of a list / tuple (type guarded before): a fresh iterator at index 0 (iters.ts
  // seqIter).
  getIter("LIST", "T_LIST_ITER"),
  getIter("TUPLE", "T_TUPLE_ITER"),
  // GET_ITER of a range (type guarded before) of small ints (else exits): a range_iterator with
  // next = start, stop, step (iters.ts newRangeIter).
  uop(
    "_GET_ITER_RANGE",
    [1, 1],
    ["target"],
    X,
    `
    char *r = REF_ADDR(PEEK(1));
    Word a = WORD_AT(r, RANGE_START), b = WORD_AT(r, RANGE_STOP), c = WORD_AT(r, RANGE_STEP);
    EXIT_IF(!IS_SMALL_INT(a) || !IS_SMALL_INT(b) || !IS_SMALL_INT(c));
    char *it = ALLOC(state, T_RANGE_ITER, RANGE_ITER_BYTES, 0, 0);
    EXIT_IF(it == 0);
    WORD_AT(it, RANGE_ITER_NEXT) = a;
    WORD_AT(it, RANGE_ITER_STOP) = b;
    WORD_AT(it, RANGE_ITER_STEP) = c;
    sp[-1] = REF_WORD(it);
  `,
  ),
  // A callable known at projection time (a type such as range): oparg = its depth below the top
  // (CALL's oparg + 2), operand0 = its word; the self slot above it must be NULL.
  uop(
    "_GUARD_CALLABLE_IS",
    [0, 0],
    ["oparg", "operand0", "target"],
    G,
    `
    EXIT_IF(sp[-(int64_t)OPARG] != OPERAND0 || sp[1 - (int64_t)OPARG] != NULL_WORD);
  `,
  ),
  // range(stop), range(start, stop), range(start, stop, step) of small ints (callable guarded):
  // a range object as builtins.ts newRange makes it. Other arguments and a zero step exit (tier 1
  // converts or raises).
  callRange(1),
  callRange(2),
  callRange(3),
  // BUILD_TUPLE of 2 or 3 items (_CHECK_ALLOC before): a tuple as seq.ts newTuple makes it.
  buildTuple(2),
  buildTuple(3),
  // LIST_APPEND oparg (comprehensions): the list is oparg words below the item. Appends as
  // _CALL_LIST_APPEND does (a full buffer grown natively when small, else an exit).
  uop(
    "_LIST_APPEND",
    [1, 0],
    ["oparg", "target"],
    X,
    `
    Word lw = sp[-1 - (int64_t)OPARG];
    EXIT_IF(!IS_REF(lw));
    char *l = REF_ADDR(lw);
    EXIT_IF(OBJ_TYPE(l) != T_LIST);
    uint32_t n = U32_AT(l, LIST_LEN);
    EXIT_IF(n >= U32_AT(l, LIST_CAP) && !LIST_GROW(state, l));
    char *items = HEAP_BASE + U32_AT(l, LIST_ITEMS);
    EXIT_IF(VALUES_START + 8 * ((uint64_t)n + 1) > U32_AT(items, 4));
    WORD_AT(items, VALUES_START + 8 * (uint64_t)n) = PEEK(1);
    U32_AT(l, LIST_LEN) = n + 1;
    sp -= 1;
  `,
  ),
  // list.pop() loaded by LOAD_METHOD (method, list): the last item; an empty list exits (tier 1
  // raises IndexError).
  uop(
    "_CALL_LIST_POP",
    [2, 1],
    ["target"],
    X,
    `
    char *l = REF_ADDR(PEEK(1));
    uint32_t n = U32_AT(l, LIST_LEN);
    char *items = HEAP_BASE + U32_AT(l, LIST_ITEMS);
    EXIT_IF(n == 0 || VALUES_START + 8 * (uint64_t)n > U32_AT(items, 4));
    Word v = WORD_AT(items, VALUES_START + 8 * ((uint64_t)n - 1));
    U32_AT(l, LIST_LEN) = n - 1;
    sp[-2] = v;
    sp -= 1;
  `,
  ),
  // The first uop of every executor: leaves when the executor was invalidated (operand0 = native
  // address of its validity word), else counts a start of the trace in the word after it (the
  // executor review compares starts and iterations with entries from tier 1).
  uop(
    "_CHECK_VALIDITY",
    [0, 0],
    ["operand0", "target"],
    G,
    `
    uint64_t *valid = (uint64_t *)OPERAND0;
    EXIT_IF(*(volatile uint64_t *)valid == 0);
    valid[1] += 1;
  `,
  ),
  // Closes the loop; operand0 = native address of the executor's iteration counter (0: none).
  uop(
    "_JUMP_TO_TOP",
    [0, 0],
    ["jump", "operand0"],
    { terminal: true },
    `
    uint64_t *count = (uint64_t *)OPERAND0;
    if (count) *count += 1;
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
    state->exit_frame = (uint64_t)(frame - HEAP_BASE);
    *(uint32_t *)(frame + F_IP) = (uint32_t)TARGET;
    *(uint32_t *)(frame + F_SP) = (uint32_t)sp_offset;
    return;
  `,
  ),
  ...(["ADD", "SUB", "MUL", "DIV"] as const).flatMap((op) => [
    augListItemFloat(op, "C"),
    augListItemFloat(op, "L"),
    augListItemFloat(op, "C_MUL"),
  ]),
  // Global oparg (an entry index pinned by _GUARD_GLOBALS_VERSION) is the value operand0.
  uop(
    "_GUARD_GLOBAL_IS",
    [0, 0],
    ["oparg", "operand0", "target"],
    G,
    `
    EXIT_IF(DICT_ENTRY_VALUE(HEAP_BASE + FRAME_U32(F_GLOBALS), OPARG) != OPERAND0);
  `,
  ),
  callSqrtAttr("S"),
  callSqrtAttr("L"),
  // _FOR_ITER_LIST right after _ITER_CHECK_LIST (optimizer.ts, `fuseListIterStores`), whose checks
  // it relies on (the sequence is a list, the index in range; nothing runs in between), with the
  // item stored into a local (oparg) instead of pushed: it cannot exit.
  uop(
    "_FOR_ITER_LIST_CHECKED_STORE",
    [1, 1],
    ["oparg"],
    {},
    `
    char *r = REF_ADDR(PEEK(1));
    char *l = REF_ADDR(WORD_AT(r, ITER_SEQ));
    uint32_t i = U32_AT(r, ITER_INDEX);
    LOCAL(OPARG) = WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * (uint64_t)i);
    U32_AT(r, ITER_INDEX) = i + 1;
  `,
  ),
  // The same, then UNPACK_SEQUENCE 2 of the item and its two STORE_FASTs: the first item into the
  // local in oparg bits 0-15, the second into bits 16-31. The only exit is the unpack's (not a
  // tuple or list of two), with the item pushed and the iterator advanced, as tier 1 expects at
  // the UNPACK_SEQUENCE (target).
  uop(
    "_FOR_ITER_LIST_CHECKED_UNPACK2",
    [1, 1],
    ["oparg", "target"],
    X,
    `
    char *r = REF_ADDR(PEEK(1));
    char *l = REF_ADDR(WORD_AT(r, ITER_SEQ));
    uint32_t i = U32_AT(r, ITER_INDEX);
    Word s = WORD_AT(HEAP_BASE + U32_AT(l, LIST_ITEMS), VALUES_START + 8 * (uint64_t)i);
    U32_AT(r, ITER_INDEX) = i + 1;
    int bad = !IS_REF(s);
    Word *items = 0;
    if (!bad) {
      char *o = REF_ADDR(s);
      if (OBJ_TYPE(o) == T_TUPLE) {
        bad = ((U32_AT(o, 4) - TUPLE_ITEMS) >> 3) != 2;
        items = (Word *)(o + TUPLE_ITEMS);
      } else {
        bad = OBJ_TYPE(o) != T_LIST || U32_AT(o, LIST_LEN) != 2;
        items = (Word *)(HEAP_BASE + U32_AT(o, LIST_ITEMS) + VALUES_START);
      }
    }
    if (UNLIKELY(bad)) {
      sp[0] = s;
      sp += 1;
      EXIT_NOW();
    }
    Word first = items[0], second = items[1];
    LOCAL(OPARG & 0xffff) = first;
    LOCAL(OPARG >> 16) = second;
  `,
  ),
  ...fusedUops(),
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
