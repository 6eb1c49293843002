// Fused uops: one uop for a run of uops that would otherwise pass every value through the value
// stack (the `fuse` optimizer pass, src/jit/fuse.ts, makes them). They are ordinary entries of the
// uop table (src/jit/uops.ts appends `fusedUops()`), generated here from a small description:
//
//   _F_<OP>_<KIND>_<A><B>_<D>   a binary operation (OP: ADD SUB MUL DIV; KIND: FLOAT or INT)
//   _F_CMPBR_<KIND>_<M>_<A><B>  a comparison and the branch guard after it (_GUARD_IS_TRUE_POP /
//                               _GUARD_IS_FALSE_POP): M is the relation mask (1 less, 2 equal,
//                               4 greater, 8 unordered) under which the trace goes on; otherwise
//                               it exits with both operands popped, as the branch guard does
//
// Operands: S a value-stack word, G a stack word checked to be a float (a _GUARD_*_FLOAT folded
// in), L a local (its index in oparg: A bits 0-15, B bits 16-31, destination bits 32-47), C a
// constant (operand0). Destination D: S pushes the result, L stores it into a local. Locals are
// addressed through 32-bit holes (_JIT_LOCAL_A/B/D = byte offset of the local in the frame), so a
// fused uop reads and writes them with one instruction each.
//
// Exits: a fused uop may exit only where its components did, and leaves the frame and stack as
// the unfused sequence would there. Binary operations exit (int overflow, float division by zero,
// a failed float check) with both operands pushed, which is what tier 1 expects at the operation;
// the body writes them to the stack before leaving. The uop interpreter runs a fused uop as its
// components (`expandTrace`), which is that definition.
import type { UopInstr } from "./codegen.ts";
import type { OperandKind, UopDef } from "./uops.ts";

export type Src = "S" | "G" | "L" | "C";
export type BinOp = "ADD" | "SUB" | "MUL" | "DIV";
export type NumKind = "FLOAT" | "INT";

export interface FusedBinary {
  readonly form: "binary";
  readonly op: BinOp;
  readonly kind: NumKind;
  readonly a: Src;
  readonly b: Src;
  readonly d: "S" | "L";
}

export interface FusedCompareBranch {
  readonly form: "cmpbr";
  readonly kind: NumKind;
  /** Relations (1 less, 2 equal, 4 greater, 8 unordered) under which the trace goes on. */
  readonly mask: number;
  readonly a: Src;
  readonly b: Src;
}

/** BINARY_SUBSCR_LIST_INT: container c (S, L; `checked`: a _GUARD_NOS_LIST folded in), index i
 * (S, L, C: a non-negative constant, operand0 = its value), or both peeked (P: the `COPY 2; COPY 2` of an augmented assignment leaves them).
 * Destination d: S pushes the item, L stores it into a local, and BT / BF are the truthiness
 * branch after it (`_GUARD_TOS_BOOL; _GUARD_IS_TRUE_POP` / `_GUARD_IS_FALSE_POP`): the item is
 * not pushed and the trace goes on when it is True / False. Every exit of BT / BF (index out of
 * range, item not a bool, the other direction) is the subscript's, with container and index
 * pushed: tier 1 redoes the subscript, which only reads the list, then the branch; a side trace
 * grown there starts at the subscript. Their component for the uop interpreter is
 * _GUARD_LIST_ITEM_BOOL (uops.ts). */
export interface FusedSubscr {
  readonly form: "subscr";
  readonly c: "S" | "L" | "P";
  readonly i: "S" | "L" | "C" | "P";
  readonly checked: boolean;
  readonly d: "S" | "L" | "BT" | "BF";
}

/** STORE_SUBSCR_LIST_INT of value v (S, L, C) into container c (S, L) at index i (S, L, C); or
 * R: the `SWAP 3; SWAP 2` of an augmented assignment before it (container, index, value on the
 * stack, value on top). */
export interface FusedStore {
  readonly form: "store";
  readonly v: "S" | "L" | "C" | "R";
  readonly c: "S" | "L" | "R";
  readonly i: "S" | "L" | "C" | "R";
  readonly checked: boolean;
}

/** Small runs of loads and stores: _LOAD_FAST a; _LOAD_FAST b (LL), _LOAD_FAST a; _LOAD_CONST
 * (LC), _LOAD_FAST a; _STORE_FAST d (MOVE), _LOAD_CONST; _STORE_FAST d (CONST),
 * _FOR_ITER_RANGE; _STORE_FAST d (RANGE), and _ITER_CHECK_RANGE; _FOR_ITER_RANGE; _STORE_FAST d
 * (RANGE_CHECKED). RANGE_CHECKED exits only where _ITER_CHECK_RANGE does (target: the loop's
 * exit, the iterator popped). Where _FOR_ITER_RANGE would exit because the next value leaves the
 * small-int range, the iterator is exhausted after the value it yields now, so the fused uop
 * stores the stop value as the next one instead (the next check ends the loop, as tier 1 would:
 * a range iterator's next value is not observable otherwise); operand0 is that _FOR_ITER_RANGE's
 * target, for the uop interpreter, which runs the components. UNPACK2: _UNPACK_SEQUENCE_2;
 * _STORE_FAST a; _STORE_FAST b (the first item into a, the second into b). */
export interface FusedMove {
  readonly form: "move";
  readonly what: "LL" | "LC" | "MOVE" | "CONST" | "RANGE" | "RANGE_CHECKED" | "UNPACK2";
}

/** Small-int `//` and `%` by a constant power of two 2**k (operand0 = k): an arithmetic shift and
 * a mask, which are Python's floor division and modulo for that divisor; they cannot exit. */
export interface FusedPow2 {
  readonly form: "pow2";
  readonly op: "FLOORDIV" | "MOD";
  readonly a: "S" | "L";
  readonly d: "S" | "L";
}

/** `a * b % m` and `a * b + c % m`, `a * b - c % m` of small ints (`(a * b + c) % m` in Python),
 * computed exactly: a 128-bit product and Python's floor modulo by m, a non-zero small-int
 * constant, so neither the product nor the sum ever leaves the small-int range on the way (an LCG
 * step). a, b: S, L or C, as the binary forms (C: operand1); both are checked to be small ints (a
 * _GUARD_*_INT of the * folded in), and that is the only exit: where the * would, with both
 * operands pushed. c: none (N), a constant (C: operand2) or a local (L: operand2 = its index),
 * known to be an int. d: S or L (local D). operand0 is m's small-int word with the tag bits
 * replaced by the offsets of the + or - and of the % from the * (bits 48-55 and 56-63): the uop
 * interpreter runs the components, which can exit there (on overflow) where the fused uop does not.
 */
export interface FusedIntChain {
  readonly form: "chain";
  readonly a: Src;
  readonly b: Src;
  readonly c: "N" | "C" | "L";
  readonly op: "ADD" | "SUB";
  readonly d: "S" | "L";
}

/** A run of a range loop whose body is one list operation at the loop index d (local D):
 *   FILL_C / FILL_L  `for d in range(...): a[d] = v`, v a constant (operand1) or a local (B) the
 *                    loop never rebinds, a a local (A) checked to be a list before the loop;
 *   SKIP_BT / SKIP_BF  `for d in range(...): if a[d]: ...` where the trace goes on when the item
 *                    is True / False (a fused BT / BF subscript: the other direction exits);
 *   APPEND_C         `[v for d in range(...)]`: LIST_APPEND of a constant v (operand1) to the
 *                    list A words below the iterator.
 * Placed at the loop head of a trace whose body is exactly the checked range step into d
 * (RANGE_CHECKED), that operation and the jump back, it runs as one native loop every coming
 * iteration that the body would run without leaving: index in range (0 <= d < len(a)) and, for
 * SKIP, the item the expected bool; for APPEND, room in the list's capacity. d and the iterator are
 * left as after the last of them, and their count is added to the loop's iteration counter
 * (operand0, the _JUMP_TO_TOP's). It never exits: the body after it runs the next iteration, which
 * ends the loop, exits or raises as it would. The uop interpreter runs no component for it (the
 * body does the same work one iteration at a time). */
export interface FusedRun {
  readonly form: "run";
  readonly what: "FILL_C" | "FILL_L" | "SKIP_BT" | "SKIP_BF" | "APPEND_C";
}

export type FusedSpec =
  | FusedRun
  | FusedIntChain
  | FusedPow2
  | FusedBinary
  | FusedCompareBranch
  | FusedSubscr
  | FusedStore
  | FusedMove;

export function fusedName(s: FusedSpec): string {
  switch (s.form) {
    case "binary":
      return `_F_${s.op}_${s.kind}_${s.a}${s.b}_${s.d}`;
    case "cmpbr":
      return `_F_CMPBR_${s.kind}_${s.mask}_${s.a}${s.b}`;
    case "subscr":
      return `_F_SUBSCR_LIST_${s.c}${s.i}_${s.d}${s.checked ? "_G" : ""}`;
    case "store":
      return `_F_STORE_SUBSCR_LIST_${s.v}${s.c}${s.i}${s.checked ? "_G" : ""}`;
    case "move":
      return s.what === "RANGE"
        ? "_F_FOR_ITER_RANGE_STORE"
        : s.what === "RANGE_CHECKED"
        ? "_F_ITER_RANGE_STORE"
        : s.what === "UNPACK2"
        ? "_F_UNPACK_SEQUENCE_2_STORE"
        : `_F_FAST_${s.what}`;
    case "pow2":
      return `_F_${s.op}_POW2_INT_${s.a}_${s.d}`;
    case "chain":
      return `_F_MUL${s.c === "N" ? "" : s.op}MOD_INT_${s.a}${s.b}${s.c === "N" ? "" : s.c}_${s.d}`;
    case "run":
      return `_F_RANGE_RUN_${s.what}`;
  }
}

/** Source pairs of the binary operations: a stack operand is always below a local or constant
 * one (the loads that are fused come right before the operation). */
const BINARY_SOURCES: readonly [Src, Src][] = [
  ["S", "S"],
  ["S", "L"],
  ["S", "C"],
  ["L", "L"],
  ["L", "C"],
  ["C", "L"],
];
/** Float checks folded in: on stack operands only. */
const FLOAT_CHECKED_SOURCES: readonly [Src, Src][] = [
  ["G", "S"],
  ["S", "G"],
  ["G", "G"],
  ["G", "L"],
  ["G", "C"],
];
const COMPARE_SOURCES: readonly [Src, Src][] = [
  ["S", "S"],
  ["S", "L"],
  ["S", "C"],
  ["L", "L"],
  ["L", "C"],
];
/** Masks that are neither never nor always (ints have no unordered relation). */
const INT_MASKS = [1, 2, 3, 4, 5, 6];
const FLOAT_MASKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

function allSpecs(): FusedSpec[] {
  const out: FusedSpec[] = [];
  for (const kind of ["FLOAT", "INT"] as const) {
    const ops: BinOp[] = kind === "FLOAT" ? ["ADD", "SUB", "MUL", "DIV"] : ["ADD", "SUB", "MUL"];
    const sources = kind === "FLOAT"
      ? [...BINARY_SOURCES, ...FLOAT_CHECKED_SOURCES]
      : BINARY_SOURCES;
    for (const op of ops) {
      for (const [a, b] of sources) {
        for (const d of ["S", "L"] as const) out.push({ form: "binary", op, kind, a, b, d });
      }
    }
  }
  for (const kind of ["INT", "FLOAT"] as const) {
    for (const mask of kind === "INT" ? INT_MASKS : FLOAT_MASKS) {
      for (const [a, b] of COMPARE_SOURCES) out.push({ form: "cmpbr", kind, mask, a, b });
    }
  }
  for (const checked of [false, true]) {
    for (const c of ["S", "L"] as const) {
      for (const i of ["S", "L", "C"] as const) {
        for (const d of ["S", "L", "BT", "BF"] as const) {
          if (c === "S" && i === "S" && d === "S" && !checked) continue; // the plain uop
          out.push({ form: "subscr", c, i, checked, d });
        }
      }
    }
    out.push({ form: "subscr", c: "P", i: "P", checked, d: "S" });
    for (const v of ["S", "L", "C"] as const) {
      for (const c of ["S", "L"] as const) {
        for (const i of ["S", "L", "C"] as const) {
          if (v === "S" && c === "S" && i === "S" && !checked) continue;
          if (v === "C" && i === "C") continue; // one operand0
          out.push({ form: "store", v, c, i, checked });
        }
      }
    }
    out.push({ form: "store", v: "R", c: "R", i: "R", checked });
  }
  for (
    const what of ["LL", "LC", "MOVE", "CONST", "RANGE", "RANGE_CHECKED", "UNPACK2"] as const
  ) {
    out.push({ form: "move", what });
  }
  for (const op of ["FLOORDIV", "MOD"] as const) {
    for (const a of ["S", "L"] as const) {
      for (const d of ["S", "L"] as const) out.push({ form: "pow2", op, a, d });
    }
  }
  out.push(...chainSpecs());
  for (const what of ["FILL_C", "FILL_L", "SKIP_BT", "SKIP_BF", "APPEND_C"] as const) {
    out.push({ form: "run", what });
  }
  return out;
}

const SPECS: readonly FusedSpec[] = allSpecs();
const SPEC_BY_NAME: ReadonlyMap<string, FusedSpec> = new Map(SPECS.map((s) => [fusedName(s), s]));

export function fusedSpec(name: string): FusedSpec | undefined {
  return SPEC_BY_NAME.get(name);
}

const isStack = (s: string) => s === "S" || s === "G";

function canExit(s: FusedSpec): boolean {
  if (s.form === "pow2" || s.form === "run") return false;
  if (s.form === "chain") return true;
  if (s.form === "cmpbr" || s.form === "subscr" || s.form === "store") return true;
  if (s.form === "move") {
    return s.what === "RANGE" || s.what === "RANGE_CHECKED" || s.what === "UNPACK2";
  }
  return s.kind === "INT" || s.op === "DIV" || s.a === "G" || s.b === "G";
}

/** C reading operand words into the named variables; stack operands start at `base`. Each
 * source is S (stack), L (local, hole _JIT_LOCAL_<hole>), C (operand0). */
function readOperands(ops: [name: string, src: string, hole: string][]): string {
  const n = ops.filter(([, src]) => src === "S").length;
  let slot = 0;
  const lines = [`Word *base = sp - ${n};`];
  for (const [name, src, hole] of ops) {
    const from = src === "S"
      ? `base[${slot++}]`
      : src === "L"
      ? `FLOCAL(_JIT_LOCAL_${hole})`
      : name === "xi"
      ? "(INT_TAG_WORD | OPERAND0)" // a list index: operand0 is its non-negative value
      : "OPERAND0";
    lines.push(`Word ${name} = ${from};`);
  }
  return lines.join("\n");
}

/** The item address of list word `xc` at small-int word `xi`, exiting with `leave` when the
 * index is out of range (and, `checked`, when xc is not a list). */
function listItem(checked: boolean, leave: string, constIndex = false): string {
  return [
    "char *hb = HEAP_REG();",
    "char *l = hb + (uint32_t)xc;",
    checked ? `if (UNLIKELY(!IS_REF(xc) || OBJ_TYPE(l) != T_LIST)) ${leave}` : "",
    ...(constIndex
      ? [
        // A constant index is its non-negative value (operand0), not a word.
        "uint64_t i = OPERAND0;",
        `if (UNLIKELY(i >= U32_AT(l, LIST_LEN))) ${leave}`,
      ]
      : [
        // One unsigned test in the common case (0 <= i < n); a negative index counts from the
        // end, out of line.
        "int64_t i = INT_VALUE(xi);",
        "uint64_t n = U32_AT(l, LIST_LEN);",
        "if (UNLIKELY((uint64_t)i >= n)) {",
        "  if (i < 0) i += (int64_t)n;",
        `  if (i < 0 || (uint64_t)i >= n) ${leave}`,
        "}",
      ]),
    "Word *item = (Word *)(hb + U32_AT(l, LIST_ITEMS) + VALUES_START + 8 * i);",
  ].join("\n");
}

function subscrBody(s: FusedSubscr): string {
  if (s.c === "P") {
    // COPY 2; COPY 2; [guard;] BINARY_SUBSCR_LIST_INT: container and index stay below.
    return [
      "Word xc = sp[-2], xi = sp[-1];",
      listItem(s.checked, "{ sp[0] = xc; sp[1] = xi; sp += 2; EXIT_NOW(); }"),
      "sp[0] = *item;",
      "sp += 1;",
    ].join("\n");
  }
  const leave = "{ base[0] = xc; base[1] = xi; sp = base + 2; EXIT_NOW(); }";
  const result = s.d === "S"
    ? "base[0] = *item;\nsp = base + 1;"
    : s.d === "L"
    ? "FLOCAL(_JIT_LOCAL_D) = *item;\nsp = base;"
    // A branch: one compare of the item with the bool word that keeps the trace going.
    : `if (UNLIKELY(*item != ${s.d === "BT" ? "TRUE_WORD" : "FALSE_WORD"})) ${leave}\nsp = base;`;
  return [
    readOperands([["xc", s.c, "A"], ["xi", s.i, "B"]]),
    listItem(s.checked, leave, s.i === "C"),
    result,
  ].join("\n");
}

function storeBody(s: FusedStore): string {
  if (s.v === "R") {
    // SWAP 3; SWAP 2; [guard;] STORE_SUBSCR_LIST_INT from (container, index, value).
    return [
      "Word xc = sp[-3], xi = sp[-2], xv = sp[-1];",
      listItem(s.checked, "{ sp[-3] = xv; sp[-2] = xc; sp[-1] = xi; EXIT_NOW(); }"),
      "*item = xv;",
      "sp -= 3;",
    ].join("\n");
  }
  return [
    readOperands([["xv", s.v, "D"], ["xc", s.c, "A"], ["xi", s.i, "B"]]),
    listItem(
      s.checked,
      "{ base[0] = xv; base[1] = xc; base[2] = xi; sp = base + 3; EXIT_NOW(); }",
      s.i === "C",
    ),
    "*item = xv;",
    "sp = base;",
  ].join("\n");
}

/** Reads the small-int range iterator on top of the stack: its next word, and next, stop and
 * step as payloads scaled by 2**16 (v, e, s: the words shifted left), whose order is the values'
 * order and whose sum overflows exactly when the values' sum leaves the small-int range; the next
 * word is then INT_TAG_WORD | (sum >> 16), a shift and an or after the add. */
const RANGE_LOAD = `
  char *r = HEAP_REG() + (uint32_t)PEEK(1);
  Word next = WORD_AT(r, RANGE_ITER_NEXT);
  int64_t v = (int64_t)(next << 16), e = (int64_t)(WORD_AT(r, RANGE_ITER_STOP) << 16);
  int64_t s = (int64_t)(WORD_AT(r, RANGE_ITER_STEP) << 16);
`;

/** Stores the range iterator's next word (after RANGE_LOAD and the exhaustion check). The step's
 * value added to the word itself is the next word unless the payload changes sign or leaves the
 * range (bits 47-63 change then); that keeps the loop-carried chain (word loaded, added, stored)
 * at one add. Otherwise the scaled sum decides, and a sum outside the small-int range stores the
 * stop instead: the iterator is exhausted after this value anyway (see FusedMove). */
const RANGE_ADVANCE = `
  Word nw = next + (uint64_t)(s >> 16);
  if (UNLIKELY((int64_t)(nw ^ next) >> 47 != 0)) {
    int64_t nv;
    if (__builtin_add_overflow(v, s, &nv)) nv = e;
    nw = INT_TAG_WORD | ((uint64_t)nv >> 16);
  }
  WORD_AT(r, RANGE_ITER_NEXT) = nw;
`;

function moveBody(s: FusedMove): string {
  switch (s.what) {
    case "LL":
      return "sp[0] = FLOCAL(_JIT_LOCAL_A);\nsp[1] = FLOCAL(_JIT_LOCAL_B);\nsp += 2;";
    case "LC":
      return "sp[0] = FLOCAL(_JIT_LOCAL_A);\nsp[1] = OPERAND0;\nsp += 2;";
    case "MOVE":
      return "FLOCAL(_JIT_LOCAL_D) = FLOCAL(_JIT_LOCAL_A);";
    case "CONST":
      return "FLOCAL(_JIT_LOCAL_D) = OPERAND0;";
    case "RANGE":
      // _FOR_ITER_RANGE (uops.ts), the next value stored into a local instead of pushed.
      return `
        ${RANGE_LOAD}
        int64_t nv;
        EXIT_IF((s > 0 ? v >= e : v <= e) | __builtin_add_overflow(v, s, &nv));
        WORD_AT(r, RANGE_ITER_NEXT) = INT_TAG_WORD | ((uint64_t)nv >> 16);
        FLOCAL(_JIT_LOCAL_D) = next;
      `;
    case "UNPACK2":
      // _UNPACK_SEQUENCE_2 (uops.ts) of a tuple or list of exactly two items, stored to locals.
      return `
        Word s = PEEK(1);
        EXIT_IF(!IS_REF(s));
        char *o = REF_ADDR(s);
        Word *items;
        if (OBJ_TYPE(o) == T_TUPLE) {
          EXIT_IF(((U32_AT(o, 4) - TUPLE_ITEMS) >> 3) != 2);
          items = (Word *)(o + TUPLE_ITEMS);
        } else {
          EXIT_IF(OBJ_TYPE(o) != T_LIST || U32_AT(o, LIST_LEN) != 2);
          items = (Word *)(HEAP_BASE + U32_AT(o, LIST_ITEMS) + VALUES_START);
        }
        Word first = items[0], second = items[1];
        FLOCAL(_JIT_LOCAL_A) = first;
        FLOCAL(_JIT_LOCAL_B) = second;
        sp -= 1;
      `;
    case "RANGE_CHECKED":
      // The direction test is a branch on the step's sign (the step never changes, so it is
      // always predicted), not a select on the loop-carried chain.
      return `
        ${RANGE_LOAD}
        if (s > 0) {
          EXIT_POP_IF(v >= e, 1);
        } else {
          EXIT_POP_IF(v <= e, 1);
        }
        ${RANGE_ADVANCE}
        FLOCAL(_JIT_LOCAL_D) = next;
      `;
  }
}

/** C reading the two operand words into xa, xb (stack operands start at `base`). */
function loadOperands(a: Src, b: Src): string {
  const n = (isStack(a) ? 1 : 0) + (isStack(b) ? 1 : 0);
  const src = (s: Src, which: "A" | "B", slot: number) =>
    isStack(s) ? `base[${slot}]` : s === "L" ? `FLOCAL(_JIT_LOCAL_${which})` : "OPERAND0";
  return `
    Word *base = sp - ${n};
    Word xa = ${src(a, "A", 0)};
    Word xb = ${src(b, "B", isStack(a) ? 1 : 0)};
  `;
}

/** Leaves with both operands pushed (where the unfused operation would exit). */
const EXIT_WITH_OPERANDS = "{ base[0] = xa; base[1] = xb; sp = base + 2; EXIT_NOW(); }";

function binaryBody(s: FusedBinary): string {
  const lines = [loadOperands(s.a, s.b)];
  const checks: string[] = [];
  if (s.a === "G") checks.push("!IS_FLOAT(xa)");
  if (s.b === "G") checks.push("!IS_FLOAT(xb)");
  if (checks.length > 0) lines.push(`if (UNLIKELY(${checks.join(" | ")})) ${EXIT_WITH_OPERANDS}`);
  if (s.kind === "FLOAT") {
    const op = { ADD: "+", SUB: "-", MUL: "*", DIV: "/" }[s.op];
    lines.push("double a = AS_DOUBLE(xa), b = AS_DOUBLE(xb);");
    if (s.op === "DIV") lines.push(`if (UNLIKELY(b == 0.0)) ${EXIT_WITH_OPERANDS}`);
    lines.push(`Word w = FLOAT_WORD(a ${op} b);`);
  } else {
    const builtin = `__builtin_${s.op.toLowerCase()}_overflow`;
    const rhs = s.op === "MUL" ? "INT_VALUE(xb)" : "(int64_t)(xb << 16)";
    lines.push("int64_t r;");
    lines.push(`if (UNLIKELY(${builtin}((int64_t)(xa << 16), ${rhs}, &r))) ${EXIT_WITH_OPERANDS}`);
    lines.push("Word w = INT_TAG_WORD | ((uint64_t)r >> 16);");
  }
  if (s.d === "S") {
    lines.push("base[0] = w;", "sp = base + 1;");
  } else {
    lines.push("FLOCAL(_JIT_LOCAL_D) = w;", "sp = base;");
  }
  return lines.join("\n");
}

/** A C condition that holds when the relation of a and b is in `mask`. */
function relation(mask: number, kind: NumKind): string {
  if (kind === "INT") {
    return ({
      1: "a < b",
      2: "a == b",
      3: "a <= b",
      4: "a > b",
      5: "a != b",
      6: "a >= b",
    } as Record<number, string>)[mask];
  }
  const ordered: Record<number, string> = {
    1: "a < b",
    2: "a == b",
    3: "a <= b",
    4: "a > b",
    5: "(a < b || a > b)",
    6: "a >= b",
    7: "(a == a && b == b)",
  };
  // Masks with the unordered bit are the negations of the ordered ones.
  return mask & 8 ? `!(${ordered[~mask & 7]})` : ordered[mask];
}

function compareBranchBody(s: FusedCompareBranch): string {
  const get = s.kind === "FLOAT" ? "double" : "int64_t";
  const conv = s.kind === "FLOAT" ? "AS_DOUBLE" : "INT_VALUE";
  return [
    loadOperands(s.a, s.b),
    `${get} a = ${conv}(xa), b = ${conv}(xb);`,
    "sp = base;",
    `EXIT_IF(!(${relation(s.mask, s.kind)}));`,
  ].join("\n");
}

/** The sources of a spec (to count locals, constants and stack words) and its stack effect. */
function shape(s: FusedSpec): { srcs: string[]; pops: number; pushes: number; dst: boolean } {
  switch (s.form) {
    case "run":
      // operand0 (the iteration counter) and operand1 (a constant) are added in `def`.
      return { srcs: s.what.endsWith("_L") ? ["L", "L"] : ["L"], pops: 0, pushes: 0, dst: true };
    case "chain":
      // operand0 (m) is always used; operand1 and operand2 are added in `def`.
      return {
        srcs: [s.a, s.b, "C"],
        pops: [s.a, s.b].filter(isStack).length,
        pushes: s.d === "S" ? 1 : 0,
        dst: s.d === "L",
      };
    case "pow2":
      // operand0 (k) is always used.
      return {
        srcs: [s.a, "C"],
        pops: s.a === "S" ? 1 : 0,
        pushes: s.d === "S" ? 1 : 0,
        dst: s.d === "L",
      };
    case "binary":
    case "cmpbr": {
      const srcs = [s.a, s.b];
      const pops = srcs.filter(isStack).length;
      const dst = s.form === "binary" && s.d === "L";
      return { srcs, pops, pushes: s.form === "binary" && s.d === "S" ? 1 : 0, dst };
    }
    case "subscr": {
      if (s.c === "P") return { srcs: [], pops: 0, pushes: 1, dst: false };
      const srcs = [s.c, s.i];
      return {
        srcs,
        pops: srcs.filter(isStack).length,
        pushes: s.d === "S" ? 1 : 0,
        dst: s.d === "L",
      };
    }
    case "store": {
      if (s.v === "R") return { srcs: [], pops: 3, pushes: 0, dst: false };
      const srcs = [s.v, s.c, s.i];
      return { srcs, pops: srcs.filter(isStack).length, pushes: 0, dst: false };
    }
    case "move": {
      const srcs = {
        LL: ["L", "L"],
        LC: ["L", "C"],
        MOVE: ["L"],
        CONST: ["C"],
        RANGE: [],
        RANGE_CHECKED: [],
        UNPACK2: [],
      }[s.what];
      const pushes = s.what === "LL" || s.what === "LC" ? 2 : 0;
      const pops = s.what === "UNPACK2" ? 1 : 0;
      return { srcs, pops, pushes, dst: s.what !== "LL" && s.what !== "LC" };
    }
  }
}

/** Whether a uop adds loop iterations to the counter in its operand0 besides _JUMP_TO_TOP (a
 * run uop does the iterations it stands for). */
export function countsIterations(uop: string): boolean {
  return SPEC_BY_NAME.get(uop)?.form === "run";
}

/** Plain loops: vector code would need constant pools, which stencils cannot have. */
const NO_VECTOR = "#pragma clang loop vectorize(disable) interleave(disable)";

/** FusedRun: the run goes on while the next value is short of the iterator's stop and of the
 * indexes the run may use (in range, FILL and SKIP; anything, APPEND), and, SKIP, while the item is
 * the expected bool, APPEND, while the list has room. One loop per direction of the step, so the
 * test per iteration is one compare (no division up front either). */
function runBody(s: FusedRun): string {
  const op = s.what.slice(0, s.what.indexOf("_"));
  const value = s.what.endsWith("_C") ? "OPERAND1" : "FLOCAL(_JIT_LOCAL_B)";
  // APPEND: the list is the word `A` (oparg bits 0-15) below the iterator; not a list, no run.
  const list = op === "APPEND"
    ? `
      Word lw = sp[-(int64_t)(OPARG & 0xFFFF)];
      char *l = hb + (uint32_t)lw;
      int ok = IS_REF(lw) && OBJ_TYPE(l) == T_LIST;`
    : "char *l = hb + (uint32_t)FLOCAL(_JIT_LOCAL_A);\nint ok = 1;";
  // Indexes the run may use: [lo, hi).
  const [lo, hi] = op === "APPEND" ? ["-SMALL_INT_MAX", "SMALL_INT_MAX"] : ["0", "n"];
  const more = {
    FILL: "",
    SKIP: ` && items[x] == ${s.what === "SKIP_BT" ? "TRUE_WORD" : "FALSE_WORD"}`,
    APPEND: " && done < room",
  }[op];
  const work = {
    FILL: "items[x] = xv;",
    SKIP: "",
    APPEND: "items[n + done] = xv;",
  }[op];
  const loop = (cmp: string) =>
    `${NO_VECTOR}
    for (; x ${cmp} end${more}; x += s) {
      ${work}
      done++;
    }`;
  return `
    char *hb = HEAP_REG();
    char *r = hb + (uint32_t)PEEK(1);
    int64_t v = INT_VALUE(WORD_AT(r, RANGE_ITER_NEXT)), e = INT_VALUE(WORD_AT(r, RANGE_ITER_STOP));
    int64_t s = INT_VALUE(WORD_AT(r, RANGE_ITER_STEP));
    ${list}
    int64_t n = ok ? U32_AT(l, LIST_LEN) : 0;
    char *itemsBlock = hb + (ok ? U32_AT(l, LIST_ITEMS) : 0);
    Word *items = (Word *)(itemsBlock + VALUES_START);
    ${op === "SKIP" ? "" : `Word xv = ${value};`}
    ${
    op === "APPEND"
      ? `int64_t room = (int64_t)U32_AT(l, LIST_CAP) - n;
    int64_t fits = (int64_t)((U32_AT(itemsBlock, 4) - VALUES_START) >> 3) - n;
    if (fits < room) room = fits;`
      : ""
  }
    /* Iterations go over v, v + s, ... while short of e; the run's indexes lie in [lo, hi). */
    int64_t lo = ${lo}, hi = ${hi}, done = 0, x = v;
    if (!ok) {
    } else if (s > 0) {
      int64_t end = e < hi ? e : hi;
      if (v >= lo) {
        ${loop("<")}
      }
    } else if (s < 0) { /* (a range's step is never 0) */
      int64_t end = e > lo - 1 ? e : lo - 1;
      if (v < hi) {
        ${loop(">")}
      }
    }
    ${op === "APPEND" ? "U32_AT(l, LIST_LEN) = (uint32_t)(n + done);" : ""}
    if (done > 0) {
      FLOCAL(_JIT_LOCAL_D) = BOX_INT(x - s);
      /* Past the small-int range the iterator is exhausted (e is a small int): store e then. */
      WORD_AT(r, RANGE_ITER_NEXT) = BOX_INT(FITS_SMALL_INT(x) ? x : e);
      *(uint64_t *)OPERAND0 += (uint64_t)done;
    }
  `;
}

function pow2Body(s: FusedPow2): string {
  return [
    readOperands([["xa", s.a, "A"]]),
    "int64_t a = INT_VALUE(xa);",
    s.op === "FLOORDIV"
      ? "int64_t r = a >> OPERAND0;"
      : "int64_t r = a & (int64_t)(((uint64_t)1 << OPERAND0) - 1);",
    "Word w = BOX_INT(r);",
    s.d === "S" ? "base[0] = w;\nsp = base + 1;" : "FLOCAL(_JIT_LOCAL_D) = w;\nsp = base;",
  ].join("\n");
}

function body(s: FusedSpec): string {
  switch (s.form) {
    case "run":
      return runBody(s);
    case "chain":
      return chainBody(s);
    case "pow2":
      return pow2Body(s);
    case "binary":
      return binaryBody(s);
    case "cmpbr":
      return compareBranchBody(s);
    case "subscr":
      return subscrBody(s);
    case "store":
      return storeBody(s);
    case "move":
      return moveBody(s);
  }
}

function def(s: FusedSpec): UopDef {
  const { srcs, pops, pushes, dst } = shape(s);
  const exits = canExit(s);
  const operands: OperandKind[] = [];
  if (dst || srcs.includes("L")) operands.push("oparg");
  if (srcs.includes("C") || s.form === "run") operands.push("operand0");
  if (s.form === "chain" && (s.a === "C" || s.b === "C")) operands.push("operand1");
  if (s.form === "run" && s.what.endsWith("_C")) operands.push("operand1");
  if (s.form === "chain" && s.c !== "N") operands.push("operand2");
  if (exits) operands.push("target");
  return {
    name: fusedName(s),
    pops,
    pushes,
    operands,
    flags: { guard: false, exits, escapes: false, pure: false, terminal: false },
    // Built when read (only the stencil build reads bodies): several hundred variants' C text
    // would otherwise be generated at every start-up.
    get body() {
      return body(s);
    },
  };
}

/** The fused uops, appended to the uop table. */
export function fusedUops(): UopDef[] {
  return SPECS.map(def);
}

/** Hole symbols of local operands: their value is the local's byte offset in the frame. */
export const LOCAL_HOLES = ["_JIT_LOCAL_A", "_JIT_LOCAL_B", "_JIT_LOCAL_D"] as const;

/** The local index a LOCAL_HOLES symbol stands for, from a fused uop's oparg. */
export function localOfHole(symbol: string, oparg: number): number {
  const field = symbol === "_JIT_LOCAL_A" ? 0 : symbol === "_JIT_LOCAL_B" ? 1 : 2;
  return Math.floor(oparg / 2 ** (16 * field)) % 65536;
}

/** A fused uop's oparg from its local operands (absent ones 0). */
export function packLocals(a = 0, b = 0, d = 0): number {
  if (a > 0xffff || b > 0xffff || d > 0xffff) throw new RangeError("local index out of range");
  return a + b * 65536 + d * 2 ** 32;
}

/** The uops a fused uop stands for, in order; exiting ones carry its target and exit record. */
export function expandFused(ins: UopInstr): UopInstr[] {
  const s = SPEC_BY_NAME.get(ins.uop);
  if (s === undefined) return [ins];
  const oparg = ins.oparg ?? 0;
  const exitOf = { target: ins.target, exit: ins.exit, exitRecord: ins.exitRecord };
  const out: UopInstr[] = [];
  const local = (hole: string) => localOfHole(`_JIT_LOCAL_${hole}`, oparg);
  const load = (src: string, hole: string) => {
    if (src === "L") out.push({ uop: "_LOAD_FAST", oparg: local(hole) });
    else if (src === "C") out.push({ uop: "_LOAD_CONST", operand0: ins.operand0 });
  };
  const store = () => out.push({ uop: "_STORE_FAST", oparg: local("D") });
  switch (s.form) {
    case "run":
      break; // the loop body after it does the same work (FusedRun)
    case "chain":
      out.push(...expandChain(s, ins));
      break;
    case "pow2":
      load(s.a, "A");
      out.push({ uop: "_LOAD_CONST", operand0: (0xfff9n << 48n) | (1n << ins.operand0!) });
      out.push({ uop: `_BINARY_OP_${s.op}_INT`, target: ins.target });
      if (s.d === "L") store();
      break;
    case "binary":
    case "cmpbr":
      load(s.a, "A");
      load(s.b, "B");
      if (s.a === "G" || s.b === "G") {
        // The operands are both pushed by now: A is the second word, B the top.
        const g = s.a === "G" && s.b === "G"
          ? "_GUARD_BOTH_FLOAT"
          : s.a === "G"
          ? "_GUARD_NOS_FLOAT"
          : "_GUARD_TOS_FLOAT";
        out.push({ uop: g, ...exitOf });
      }
      if (s.form === "binary") {
        out.push({ uop: `_BINARY_OP_${s.op}_${s.kind}`, ...exitOf });
        if (s.d === "L") store();
      } else {
        out.push({ uop: `_COMPARE_OP_${s.kind}`, oparg: s.mask });
        out.push({ uop: "_GUARD_IS_TRUE_POP", ...exitOf });
      }
      break;
    case "subscr":
      if (s.c === "P") {
        out.push({ uop: "_COPY", oparg: 2 }, { uop: "_COPY", oparg: 2 });
      } else {
        load(s.c, "A");
        if (s.i === "C") out.push({ uop: "_LOAD_CONST", operand0: indexWord(ins.operand0!) });
        else load(s.i, "B");
      }
      if (s.checked) out.push({ uop: "_GUARD_NOS_LIST", ...exitOf });
      if (s.d === "BT" || s.d === "BF") {
        out.push({ uop: "_GUARD_LIST_ITEM_BOOL", oparg: s.d === "BT" ? 1 : 0, ...exitOf });
        out.push({ uop: "_POP_TOP" }, { uop: "_POP_TOP" });
        break;
      }
      out.push({ uop: "_BINARY_SUBSCR_LIST_INT", ...exitOf });
      if (s.d === "L") store();
      break;
    case "store":
      if (s.v === "R") {
        out.push({ uop: "_SWAP", oparg: 3 }, { uop: "_SWAP", oparg: 2 });
      } else {
        load(s.v, "D");
        load(s.c, "A");
        if (s.i === "C") out.push({ uop: "_LOAD_CONST", operand0: indexWord(ins.operand0!) });
        else load(s.i, "B");
      }
      if (s.checked) out.push({ uop: "_GUARD_NOS_LIST", ...exitOf });
      out.push({ uop: "_STORE_SUBSCR_LIST_INT", ...exitOf });
      break;
    case "move":
      if (s.what === "RANGE") {
        out.push({ uop: "_FOR_ITER_RANGE", ...exitOf });
      } else if (s.what === "UNPACK2") {
        out.push({ uop: "_UNPACK_SEQUENCE_2", ...exitOf });
        out.push({ uop: "_STORE_FAST", oparg: local("A") });
        out.push({ uop: "_STORE_FAST", oparg: local("B") });
        break;
      } else if (s.what === "RANGE_CHECKED") {
        out.push({ uop: "_ITER_CHECK_RANGE", ...exitOf });
        // No exit record: this exit resumes tier 1 at the FOR_ITER (see FusedMove).
        out.push({ uop: "_FOR_ITER_RANGE", target: Number(ins.operand0 ?? 0n) });
      } else {
        load(s.what === "CONST" ? "C" : "L", "A");
        if (s.what === "LL") load("L", "B");
        if (s.what === "LC") load("C", "B");
      }
      if (s.what !== "LL" && s.what !== "LC") store();
      break;
  }
  return out;
}

/** The small-int word of a list index constant (a fused subscript's operand0 is its value). */
const indexWord = (k: bigint) => (0xfff9n << 48n) | k;

/** The operand0 of a fused subscript for a constant index word, or null when the constant is not
 * a non-negative small int (then it stays a stack operand). */
export function indexOperand(w: bigint): bigint | null {
  if (w >> 48n !== 0xfff9n) return null;
  const v = w & 0xffffffffffffn;
  return v < 1n << 47n ? v : null;
}

const expanded = new WeakMap<readonly UopInstr[], readonly UopInstr[]>();

/** A trace with every fused uop replaced by its components (jump targets fixed up), for the uop
 * interpreter. Traces without fused uops are returned as they are. */
export function expandTrace(trace: readonly UopInstr[]): readonly UopInstr[] {
  const known = expanded.get(trace);
  if (known !== undefined) return known;
  let out: readonly UopInstr[] = trace;
  if (trace.some((u) => SPEC_BY_NAME.has(u.uop))) {
    const start: number[] = [];
    const flat: UopInstr[] = [];
    for (const u of trace) {
      start.push(flat.length);
      flat.push(...expandFused(u));
    }
    out = flat.map((u) => u.jump !== undefined ? { ...u, jump: start[u.jump] } : u);
  }
  expanded.set(trace, out);
  return out;
}

// ---- exact int chains (FusedIntChain)

/** The chain variants: the binary forms' operand pairs, with or without an added or subtracted
 * constant or local, into the stack or a local. */
function chainSpecs(): FusedIntChain[] {
  const out: FusedIntChain[] = [];
  for (const [a, b] of BINARY_SOURCES) {
    for (const [c, op] of [["N", "ADD"], ["C", "ADD"], ["C", "SUB"], ["L", "ADD"], ["L", "SUB"]]) {
      for (const d of ["S", "L"] as const) {
        out.push({
          form: "chain",
          a,
          b,
          c: c as FusedIntChain["c"],
          op: op as FusedIntChain["op"],
          d,
        });
      }
    }
  }
  return out;
}

function chainBody(s: FusedIntChain): string {
  const src = (x: Src, hole: string, slot: number) =>
    isStack(x) ? `base[${slot}]` : x === "L" ? `FLOCAL(_JIT_LOCAL_${hole})` : "OPERAND1";
  const n = [s.a, s.b].filter(isStack).length;
  const checks = [s.a === "C" ? "" : "!IS_SMALL_INT(xa)", s.b === "C" ? "" : "!IS_SMALL_INT(xb)"]
    .filter((c) => c !== "");
  const c = s.c === "C" ? "INT_VALUE(OPERAND2)" : "INT_VALUE(LOCAL(OPERAND2))";
  return [
    `Word *base = sp - ${n};`,
    `Word xa = ${src(s.a, "A", 0)}, xb = ${src(s.b, "B", isStack(s.a) ? 1 : 0)};`,
    `if (UNLIKELY(${checks.join(" | ")})) ${EXIT_WITH_OPERANDS}`,
    "__int128 p = (__int128)INT_VALUE(xa) * INT_VALUE(xb);",
    s.c === "N" ? "" : `p ${s.op === "ADD" ? "+" : "-"}= ${c};`,
    // t = p mod |m| in [0, |m|), then Python's sign: the result takes m's.
    "int64_t m = INT_VALUE(OPERAND0);",
    "uint64_t n = m < 0 ? -(uint64_t)m : (uint64_t)m, t;",
    "if ((n & (n - 1)) == 0) {",
    "  t = (uint64_t)p & (n - 1);",
    "} else {",
    "  unsigned __int128 u = p < 0 ? -(unsigned __int128)p : (unsigned __int128)p;",
    "  uint64_t hi = (uint64_t)(u >> 64), lo = (uint64_t)u;",
    "  t = hi == 0 ? lo % n : UMOD128(hi % n, lo, n);",
    "  if (p < 0 && t != 0) t = n - t;",
    "}",
    "int64_t r = (m < 0 && t != 0) ? (int64_t)t - (int64_t)n : (int64_t)t;",
    "Word w = BOX_INT(r);",
    s.d === "S" ? "base[0] = w;\nsp = base + 1;" : "FLOCAL(_JIT_LOCAL_D) = w;\nsp = base;",
  ].join("\n");
}

/** A chain's operand0: m's word with the offsets of its + or - and its % from its * in the tag
 * bits; null when an offset does not fit (1..255). */
export function chainModOperand(m: bigint, opOffset: number, modOffset: number): bigint | null {
  const fits = (k: number) => Number.isInteger(k) && k > 0 && k < 256;
  if (!fits(modOffset) || !(opOffset === 0 || fits(opOffset))) return null;
  return (m & 0xffffffffffffn) | (BigInt(opOffset) << 48n) | (BigInt(modOffset) << 56n);
}

/** The chain's components (reference semantics): only the int check leaves through the fused
 * uop's exit record; the operations exit, without one, to their own instructions. */
function expandChain(s: FusedIntChain, ins: UopInstr): UopInstr[] {
  const oparg = ins.oparg ?? 0, target = ins.target ?? 0, m = ins.operand0!;
  const out: UopInstr[] = [];
  const load = (x: Src, hole: "A" | "B") => {
    if (x === "L") out.push({ uop: "_LOAD_FAST", oparg: localOfHole(`_JIT_LOCAL_${hole}`, oparg) });
    else if (x === "C") out.push({ uop: "_LOAD_CONST", operand0: ins.operand1 });
  };
  load(s.a, "A");
  load(s.b, "B");
  out.push({ uop: "_GUARD_BOTH_INT", target, exit: ins.exit, exitRecord: ins.exitRecord });
  out.push({ uop: "_BINARY_OP_MUL_INT", target });
  if (s.c !== "N") {
    out.push(
      s.c === "C"
        ? { uop: "_LOAD_CONST", operand0: ins.operand2 }
        : { uop: "_LOAD_FAST", oparg: Number(ins.operand2) },
    );
    out.push({ uop: `_BINARY_OP_${s.op}_INT`, target: target + Number((m >> 48n) & 0xffn) });
  }
  out.push({ uop: "_LOAD_CONST", operand0: (0xfff9n << 48n) | (m & 0xffffffffffffn) });
  out.push({ uop: "_BINARY_OP_MOD_INT", target: target + Number(m >> 56n) });
  if (s.d === "L") out.push({ uop: "_STORE_FAST", oparg: localOfHole("_JIT_LOCAL_D", oparg) });
  return out;
}
