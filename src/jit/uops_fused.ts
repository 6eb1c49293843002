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

export type FusedSpec = FusedBinary | FusedCompareBranch;

export function fusedName(s: FusedSpec): string {
  return s.form === "binary"
    ? `_F_${s.op}_${s.kind}_${s.a}${s.b}_${s.d}`
    : `_F_CMPBR_${s.kind}_${s.mask}_${s.a}${s.b}`;
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
  return out;
}

const SPECS: readonly FusedSpec[] = allSpecs();
const SPEC_BY_NAME: ReadonlyMap<string, FusedSpec> = new Map(SPECS.map((s) => [fusedName(s), s]));

export function fusedSpec(name: string): FusedSpec | undefined {
  return SPEC_BY_NAME.get(name);
}

const isStack = (s: Src) => s === "S" || s === "G";

function canExit(s: FusedSpec): boolean {
  if (s.form === "cmpbr") return true;
  return s.kind === "INT" || s.op === "DIV" || s.a === "G" || s.b === "G";
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

function def(s: FusedSpec): UopDef {
  const usesLocal = s.a === "L" || s.b === "L" || (s.form === "binary" && s.d === "L");
  const usesConst = s.a === "C" || s.b === "C";
  const exits = canExit(s);
  const operands: OperandKind[] = [];
  if (usesLocal) operands.push("oparg");
  if (usesConst) operands.push("operand0");
  if (exits) operands.push("target");
  const nStack = (isStack(s.a) ? 1 : 0) + (isStack(s.b) ? 1 : 0);
  return {
    name: fusedName(s),
    pops: nStack,
    pushes: s.form === "binary" && s.d === "S" ? 1 : 0,
    operands,
    flags: { guard: false, exits, escapes: false, pure: false, terminal: false },
    body: s.form === "binary" ? binaryBody(s) : compareBranchBody(s),
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
  const load = (src: Src, field: number) => {
    if (src === "L") {
      out.push({ uop: "_LOAD_FAST", oparg: localOfHole(LOCAL_HOLES[field], oparg) });
    } else if (src === "C") out.push({ uop: "_LOAD_CONST", operand0: ins.operand0 });
  };
  load(s.a, 0);
  load(s.b, 1);
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
    if (s.d === "L") out.push({ uop: "_STORE_FAST", oparg: localOfHole("_JIT_LOCAL_D", oparg) });
  } else {
    out.push({ uop: `_COMPARE_OP_${s.kind}`, oparg: s.mask });
    out.push({ uop: "_GUARD_IS_TRUE_POP", ...exitOf });
  }
  return out;
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
