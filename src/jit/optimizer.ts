// The trace optimizer (DESIGN.md, "Optimizer"): abstract interpretation over a projected trace.
// Every stack slot and local holds an abstract value (shared by reference, so a fact learned
// through a copy holds for every copy) with what is known about it: its type, its constant word,
// a checked instance shape. Passes, each switchable off (`-X jit-opt=-guards,-fold,...`):
//   guards  remove guards whose fact is already proven (and narrow two-sided guards)
//   fold    fold operations on constants (int/float arithmetic, comparisons, constant branches)
//   dce     drop pushes that are popped at once, and no-ops
//   hoist   hoist loop-invariant guards (types of locals, the globals version, the loop's
//           iterator) into a preamble that runs once per entry; the loop closes below it
//   fuse    last: runs of loads, arithmetic, stores and branches become fused uops (fuse.ts)
// Soundness rests on traces never escaping: no uop calls out, so nothing but the trace itself
// changes locals, and shapes and dict versions cannot change while it runs. Some uops allocate
// (_GET_ITER_*, _CALL_RANGE_*, _ALLOC_INIT_SELF: native allocation from a region,
// src/runtime/space.ts), but allocation only makes a new object: it changes no local, no shape,
// no dict and no existing object, and no collection runs inside a trace, so every fact holds
// across it.
import {
  HI_BOOL,
  HI_FIRST_TAG,
  HI_NONE,
  HI_NULL,
  SMALL_INT_MAX,
  SMALL_INT_MIN,
} from "../runtime/value.ts";
import { T_LIST, T_RANGE, T_TUPLE } from "../runtime/type_ids.ts";
import { INST_SLOTS } from "../runtime/layout.ts";
import type { ProjectedUop } from "./projection.ts";
import { uopDef } from "./uops.ts";
import { fuse } from "./fuse.ts";
import { indexOperand } from "./uops_fused.ts";

export const PASSES = ["guards", "fold", "dce", "hoist", "fuse"] as const;
export type Pass = typeof PASSES[number];

type Kind =
  | "int"
  | "float"
  | "bool"
  | "none"
  | "null"
  | "list"
  | "tuple"
  | "range"
  | "RANGE"
  | "LIST"
  | "TUPLE";

class AVal {
  kind: Kind | null = null;
  konst: bigint | null = null;
  bound = false;
  /** Shape id checked, and the highest inline slot index checked with it. */
  shape = -1;
  maxSlot = -1;
  /** The shape fact holds only while no shape transition happened since (aliases). */
  shapeEpoch = 0;
  /** A checked set of shapes (_GUARD_SHAPE_SET: base and mask), under the same epoch. */
  setBase = -1;
  setMask = 0n;
  /** An instance this trace allocated that was never stored anywhere (a field, a list, a tuple):
   * no other value can alias it, so its shape transitions leave other shape facts alone. */
  unescaped = false;
}

/** Kinds _GUARD_TOS_TYPE proves, by type index. */
const TYPE_KINDS: Record<number, Kind> = {
  [T_LIST]: "list",
  [T_TUPLE]: "tuple",
  [T_RANGE]: "range",
};

function constVal(w: bigint): AVal {
  const v = new AVal();
  v.konst = w;
  v.bound = true;
  const hi = Number(w >> 32n);
  if (hi >>> 16 === 0xfff9) v.kind = "int";
  else if (hi === HI_BOOL) v.kind = "bool";
  else if (hi === HI_NONE) v.kind = "none";
  else if (hi === HI_NULL) v.kind = "null";
  else if (hi < HI_FIRST_TAG) v.kind = "float";
  return v;
}
function fresh(kind: Kind | null = null): AVal {
  const v = new AVal();
  v.kind = kind;
  v.bound = true;
  return v;
}

/** Facts assumed at the loop head: local index -> kind it has (guarded in the preamble). */
type HeadFacts = Map<number, Kind | "bound">;

interface RunResult {
  out: ProjectedUop[];
  /** Locals whose value at the head got a type fact (hoisting candidates). */
  learned: HeadFacts;
  /** True when the loop's iterator (entry TOS) was guarded, with that guard. */
  iterGuard: ProjectedUop | null;
  /** Abstract locals at the end of the trace (for the induction check). */
  endLocals: AVal[];
  headLocals: AVal[];
  headTos: AVal;
  endTos: AVal | null;
  globalsGuard: ProjectedUop | null;
  /** First guard of each module dict version (hoisting candidates). */
  dictGuards: ProjectedUop[];
  ok: boolean;
}

const ENTRY_SLOTS = 64;

function run(
  body: readonly ProjectedUop[],
  nlocals: number,
  passes: ReadonlySet<Pass>,
  head: HeadFacts,
  iterKnown: Kind | null,
  versionKnown: boolean,
  dictsKnown: ReadonlySet<bigint> = new Set(),
): RunResult {
  const headLocals: AVal[] = [];
  for (let k = 0; k < nlocals; k++) {
    const v = new AVal();
    const f = head.get(k);
    if (f !== undefined) {
      v.bound = true;
      if (f !== "bound") v.kind = f;
    }
    headLocals.push(v);
  }
  let locals = headLocals.slice();
  let stack: AVal[] = [];
  // Frames pushed by inlined calls: the caller's abstract locals, stack and globals check.
  const saved: { locals: AVal[]; stack: AVal[]; version: number; callable: AVal }[] = [];
  const rootLocals = () => saved.length > 0 ? saved[0].locals : locals;
  const local = (k: number) => locals[k] ?? (locals[k] = new AVal());
  for (let k = 0; k < ENTRY_SLOTS; k++) stack.push(new AVal());
  const headTos = stack[ENTRY_SLOTS - 1];
  if (iterKnown !== null) headTos.kind = iterKnown;
  const learned: HeadFacts = new Map();
  const out: ProjectedUop[] = [];
  let iterGuard: ProjectedUop | null = null;
  let globalsGuard: ProjectedUop | null = null;
  let versionChecked = versionKnown ? -2 : -1;
  const useGuards = passes.has("guards");
  const dictsChecked = new Set<bigint>(dictsKnown);
  const dictGuards: ProjectedUop[] = [];
  const seenDicts = new Set<bigint>();
  let epoch = 0;
  const numGuard = (u: ProjectedUop, slots: number[]) => {
    const isNum = (n: number) => at(n).kind === "int" || at(n).kind === "float";
    const unknown = slots.filter((n) => !isNum(n));
    if (!useGuards || unknown.length === slots.length) return out.push(u);
    if (unknown.length === 0) return;
    out.push({ ...u, uop: unknown[0] === 1 ? "_GUARD_TOS_NUM" : "_GUARD_NOS_NUM" });
  };
  const at = (n: number) => stack[stack.length - n];
  const learnLocal = (v: AVal, kind: Kind | "bound") => {
    const k = headLocals.indexOf(v);
    if (k < 0 || rootLocals()[k] !== v) return;
    const had = learned.get(k);
    if (had === undefined || (had === "bound" && kind !== "bound")) learned.set(k, kind);
  };
  const typeGuard = (u: ProjectedUop, slots: number[], kind: Kind) => {
    const unknown = slots.filter((n) => at(n).kind !== kind);
    for (const n of slots) {
      const v = at(n);
      if (v.kind !== kind) {
        if (v.kind === null) learnLocal(v, kind);
        v.kind = kind;
      }
    }
    if (!useGuards) return out.push(u);
    if (unknown.length === 0) return;
    if (unknown.length === slots.length) return out.push(u);
    const base = u.uop.replace(/_(TOS|NOS|BOTH)_/, unknown[0] === 1 ? "_TOS_" : "_NOS_");
    out.push({ ...u, uop: base });
  };

  for (const u of body) {
    if (stack.length < 4) return { ok: false } as RunResult;
    switch (u.uop) {
      case "_LOAD_FAST":
      case "_LOAD_FAST_CHECK": {
        const v = local(u.oparg!);
        if (u.uop === "_LOAD_FAST_CHECK" && !(useGuards && v.bound)) {
          out.push(u);
          learnLocal(v, "bound");
        } else out.push({ ...u, uop: "_LOAD_FAST", target: undefined });
        v.bound = true;
        stack.push(v);
        continue;
      }
      case "_STORE_FAST":
        locals[u.oparg!] = stack.pop()!;
        out.push(u);
        continue;
      case "_LOAD_CONST":
        stack.push(constVal(u.operand0!));
        out.push(u);
        continue;
      case "_PUSH_NULL":
        stack.push(constVal(BigInt(HI_NULL) << 32n));
        out.push(u);
        continue;
      case "_COPY":
        stack.push(at(u.oparg!));
        out.push(u);
        continue;
      case "_SWAP": {
        const n = u.oparg!;
        const t = stack[stack.length - 1];
        stack[stack.length - 1] = stack[stack.length - n];
        stack[stack.length - n] = t;
        out.push(u);
        continue;
      }
      case "_GUARD_TOS_INT":
        typeGuard(u, [1], "int");
        continue;
      case "_GUARD_NOS_INT":
        typeGuard(u, [2], "int");
        continue;
      case "_GUARD_BOTH_INT":
        typeGuard(u, [2, 1], "int");
        continue;
      case "_GUARD_TOS_FLOAT":
        typeGuard(u, [1], "float");
        continue;
      case "_GUARD_NOS_FLOAT":
        typeGuard(u, [2], "float");
        continue;
      case "_GUARD_BOTH_FLOAT":
        typeGuard(u, [2, 1], "float");
        continue;
      case "_GUARD_TOS_BOOL":
        typeGuard(u, [1], "bool");
        continue;
      case "_GUARD_NOS_LIST":
        typeGuard(u, [2], "list");
        continue;
      case "_GUARD_NOS_TUPLE":
        typeGuard(u, [2], "tuple");
        continue;
      case "_GUARD_ITER_RANGE":
      case "_GUARD_ITER_LIST":
      case "_GUARD_ITER_TUPLE": {
        const kind = u.uop.slice("_GUARD_ITER_".length) as Kind;
        if (at(1) === headTos && iterGuard === null) iterGuard = u;
        typeGuard(u, [1], kind);
        continue;
      }
      case "_GUARD_GLOBALS_VERSION": {
        const version = Number(u.operand0!);
        if (globalsGuard === null && saved.length === 0) globalsGuard = u;
        if (useGuards && (versionChecked === version || versionChecked === -2)) continue;
        versionChecked = version;
        out.push(u);
        continue;
      }
      case "_GUARD_INSTANCE_SHAPE": {
        const v = at(1);
        const shape = Number(u.operand0!);
        const known = v.shapeEpoch === epoch && v.shape === shape;
        if (useGuards && known && v.maxSlot >= u.oparg!) continue;
        v.maxSlot = Math.max(known ? v.maxSlot : -1, u.oparg!);
        if (!known) v.setBase = -1;
        v.shape = shape;
        v.shapeEpoch = epoch;
        out.push(u);
        continue;
      }
      case "_GUARD_SHAPE_SET": {
        // Proven when the shape checked before is in the set (or the same set was checked), with
        // as many inline slots.
        const v = at(1);
        const base = Math.floor(u.oparg! / 256), n = u.oparg! & 0xff, mask = u.operand0!;
        const fresh = v.shapeEpoch === epoch;
        const d = v.shape - base;
        const inSet = fresh && v.shape >= 0 && d >= 0 && d < 64 &&
          ((mask >> BigInt(d)) & 1n) !== 0n;
        const sameSet = fresh && v.setBase === base && v.setMask === mask;
        if (useGuards && (inSet || sameSet) && v.maxSlot >= n - 1) continue;
        v.maxSlot = Math.max(fresh ? v.maxSlot : -1, n - 1);
        if (!inSet) {
          if (!fresh) v.shape = -1;
          v.setBase = base;
          v.setMask = mask;
          // One shape in the set: that shape.
          if ((mask & (mask - 1n)) === 0n) v.shape = base + mask.toString(2).length - 1;
        }
        v.shapeEpoch = epoch;
        out.push(u);
        continue;
      }
      case "_GUARD_TYPE_AND_SHAPE": {
        // A shape belongs to one class: a checked shape proves the type too.
        const v = at(1);
        const shape = Number(u.operand0! >> 32n);
        const known = v.shapeEpoch === epoch && v.shape === shape;
        if (useGuards && known) continue;
        if (!known) {
          v.maxSlot = -1;
          v.setBase = -1;
        }
        v.shape = shape;
        v.shapeEpoch = epoch;
        out.push(u);
        continue;
      }
      case "_STORE_ATTR_ADD_SLOT": {
        // Other values may alias this object: forget every shape fact but this one's (unless no
        // other value can be this object).
        const o = stack.pop()!;
        stack.pop()!.unescaped = false;
        o.setBase = -1;
        if (o.unescaped && o.shapeEpoch === epoch && o.shape >= 0) {
          o.shape = Number(u.operand0!);
          out.push(u);
          continue;
        }
        epoch++;
        if (o.shape >= 0) {
          o.shape = Number(u.operand0!);
          o.shapeEpoch = epoch;
        }
        out.push(u);
        continue;
      }
      case "_STORE_ATTR_INSTANCE_VALUE":
        // The object keeps its shape; the value is stored (it escapes).
        stack.pop();
        stack.pop()!.unescaped = false;
        out.push(u);
        continue;
      case "_GUARD_TOS_NUM":
        numGuard(u, [1]);
        continue;
      case "_GUARD_NOS_NUM":
        numGuard(u, [2]);
        continue;
      case "_GUARD_BOTH_NUM":
        numGuard(u, [2, 1]);
        continue;
      case "_BINARY_OP_ADD_NUM":
      case "_BINARY_OP_SUB_NUM":
      case "_BINARY_OP_MUL_NUM":
      case "_BINARY_OP_DIV_NUM": {
        const b = stack.pop()!, a = stack.pop()!;
        // Two proven floats: the float uop (same result, no conversions).
        if (useGuards && a.kind === "float" && b.kind === "float") {
          out.push({ ...u, uop: u.uop.replace("_NUM", "_FLOAT") });
        } else out.push(u);
        stack.push(fresh("float"));
        continue;
      }
      case "_COMPARE_OP_NUM": {
        const b = stack.pop()!, a = stack.pop()!;
        if (useGuards && a.kind === b.kind && (a.kind === "float" || a.kind === "int")) {
          out.push({ ...u, uop: a.kind === "float" ? "_COMPARE_OP_FLOAT" : "_COMPARE_OP_INT" });
        } else out.push(u);
        stack.push(fresh("bool"));
        continue;
      }
      case "_UNARY_NEGATIVE_NUM": {
        const v = stack.pop()!;
        stack.push(fresh(v.kind === "int" || v.kind === "float" ? v.kind : null));
        out.push(u);
        continue;
      }
      case "_GUARD_TOS_IS": {
        const v = at(1);
        if (useGuards && v.konst === u.operand0!) continue;
        v.konst = u.operand0!;
        out.push(u);
        continue;
      }
      case "_GUARD_DICT_VERSION": {
        const key = u.operand0!;
        if (!seenDicts.has(key)) {
          seenDicts.add(key);
          dictGuards.push(u);
        }
        if (useGuards && dictsChecked.has(key)) continue;
        dictsChecked.add(key);
        out.push(u);
        continue;
      }
      case "_GUARD_TOS_TYPE": {
        const v = at(1);
        const kind = TYPE_KINDS[Number(u.operand0!)];
        if (useGuards && kind !== undefined && v.kind === kind) continue;
        if (kind !== undefined) v.kind = kind;
        out.push(u);
        continue;
      }
      case "_GET_ITER_LIST":
      case "_GET_ITER_TUPLE":
      case "_GET_ITER_RANGE":
        stack.pop();
        stack.push(fresh(u.uop.slice("_GET_ITER_".length) as Kind));
        out.push(u);
        continue;
      case "_CALL_RANGE_1":
      case "_CALL_RANGE_2":
      case "_CALL_RANGE_3": {
        const d = uopDef(u.uop);
        for (let k = 0; k < d.pops; k++) stack.pop();
        stack.push(fresh("range"));
        out.push(u);
        continue;
      }
      case "_CALL_SQRT":
      case "_CALL_LEN":
      case "_CALL_ABS":
      case "_CALL_INT_1":
      case "_CALL_MIN":
      case "_CALL_MAX":
      case "_CALL_ISINSTANCE":
      case "_CALL_LIST_APPEND": {
        const d = uopDef(u.uop);
        const args = stack.slice(stack.length - (d.pops - 2));
        for (let k = 0; k < d.pops; k++) stack.pop()!.unescaped = false;
        const kind: Kind | null = u.uop === "_CALL_SQRT"
          ? "float"
          : u.uop === "_CALL_LEN" || u.uop === "_CALL_INT_1"
          ? "int"
          : u.uop === "_CALL_ISINSTANCE"
          ? "bool"
          : u.uop === "_CALL_LIST_APPEND"
          ? "none"
          : u.uop === "_CALL_ABS" && (args[0].kind === "int" || args[0].kind === "float")
          ? args[0].kind
          : (u.uop === "_CALL_MIN" || u.uop === "_CALL_MAX") && args[0].kind === args[1].kind &&
              (args[0].kind === "int" || args[0].kind === "float")
          ? args[0].kind
          : null;
        stack.push(fresh(kind));
        out.push(u);
        continue;
      }
      case "_BINARY_OP_ADD_INT":
      case "_BINARY_OP_SUB_INT":
      case "_BINARY_OP_MUL_INT": {
        const b = stack.pop()!, a = stack.pop()!;
        if (passes.has("fold") && a.konst !== null && b.konst !== null) {
          const r = foldInt(u.uop, a.konst, b.konst);
          if (r !== null && dropConstProducers(out, 2)) {
            out.push({ uop: "_LOAD_CONST", operand0: r, instr: u.instr });
            stack.push(constVal(r));
            continue;
          }
        }
        out.push(u);
        stack.push(fresh("int"));
        continue;
      }
      case "_BINARY_OP_ADD_FLOAT":
      case "_BINARY_OP_SUB_FLOAT":
      case "_BINARY_OP_MUL_FLOAT":
      case "_BINARY_OP_DIV_FLOAT": {
        const b = stack.pop()!, a = stack.pop()!;
        if (passes.has("fold") && a.konst !== null && b.konst !== null) {
          const r = foldFloat(u.uop, a.konst, b.konst);
          if (r !== null && dropConstProducers(out, 2)) {
            out.push({ uop: "_LOAD_CONST", operand0: r, instr: u.instr });
            stack.push(constVal(r));
            continue;
          }
        }
        out.push(u);
        stack.push(fresh("float"));
        continue;
      }
      case "_COMPARE_OP_INT":
      case "_COMPARE_OP_FLOAT": {
        const b = stack.pop()!, a = stack.pop()!;
        if (passes.has("fold") && a.konst !== null && b.konst !== null) {
          const r = foldCompare(u.uop, u.oparg!, a.konst, b.konst);
          if (dropConstProducers(out, 2)) {
            const w = (BigInt(HI_BOOL) << 32n) | (r ? 1n : 0n);
            out.push({ uop: "_LOAD_CONST", operand0: w, instr: u.instr });
            stack.push(constVal(w));
            continue;
          }
        }
        out.push(u);
        stack.push(fresh("bool"));
        continue;
      }
      case "_IS_OP":
        stack.pop();
        stack.pop();
        stack.push(fresh("bool"));
        out.push(u);
        continue;
      case "_UNARY_NOT": {
        const v = stack.pop()!;
        if (passes.has("fold") && v.konst !== null && dropConstProducers(out, 1)) {
          const w = v.konst ^ 1n;
          out.push({ uop: "_LOAD_CONST", operand0: w, instr: u.instr });
          stack.push(constVal(w));
          continue;
        }
        stack.push(fresh("bool"));
        out.push(u);
        continue;
      }
      case "_GUARD_IS_TRUE_POP":
      case "_GUARD_IS_FALSE_POP":
      case "_GUARD_IS_NONE_POP":
      case "_GUARD_IS_NOT_NONE_POP": {
        const v = stack.pop()!;
        if (passes.has("fold") && v.konst !== null) {
          const hi = Number(v.konst >> 32n), lo = Number(v.konst & 0xffffffffn);
          const holds = u.uop === "_GUARD_IS_TRUE_POP"
            ? hi === HI_BOOL && lo === 1
            : u.uop === "_GUARD_IS_FALSE_POP"
            ? hi === HI_BOOL && lo === 0
            : u.uop === "_GUARD_IS_NONE_POP"
            ? hi === HI_NONE
            : hi !== HI_NONE;
          if (holds && dropConstProducers(out, 1)) continue;
        }
        if (passes.has("guards") && v.kind !== null && v.kind !== "none" && v.kind !== "null") {
          // A value of a known type other than None settles a None test.
          if (u.uop === "_GUARD_IS_NOT_NONE_POP") {
            out.push({ uop: "_POP_TOP", instr: u.instr });
            continue;
          }
        }
        out.push(u);
        continue;
      }
      case "_FOR_ITER_RANGE":
        out.push(u);
        stack.push(fresh("int"));
        continue;
      case "_FOR_ITER_LIST":
      case "_FOR_ITER_TUPLE":
        // The iterator stays (the same value, so the loop's iterator guard can be hoisted); the
        // item is unknown.
        out.push(u);
        stack.push(fresh());
        continue;
      case "_ITER_CHECK_RANGE":
      case "_ITER_CHECK_LIST":
      case "_ITER_CHECK_TUPLE":
      case "_GUARD_FUNC_VERSION":
        out.push(u);
        continue;
      case "_BINARY_OP_MOD_INT":
      case "_BINARY_OP_FLOORDIV_INT":
      case "_BINARY_OP_RSHIFT_INT":
      case "_BINARY_OP_LSHIFT_INT":
      case "_BINARY_OP_AND_INT":
      case "_BINARY_OP_OR_INT":
      case "_BINARY_OP_XOR_INT":
        stack.pop();
        stack.pop();
        stack.push(fresh("int"));
        out.push(u);
        continue;
      case "_LOAD_METHOD_CONST": {
        const self = stack.pop()!;
        stack.push(constVal(u.operand0!));
        stack.push(self);
        out.push(u);
        continue;
      }
      case "_PUSH_FRAME": {
        const a = u.oparg!;
        const argc = a & 0xff, self = (a >> 8) & 1, n = a >>> 16;
        const base = stack.length - (argc + 2);
        const args = stack.slice(base + 2 - self, base + 2 + argc);
        saved.push({
          locals,
          stack: stack.slice(0, base),
          version: versionChecked,
          callable: stack[base],
        });
        locals = [];
        for (let k = 0; k < n; k++) locals.push(k < args.length ? args[k] : new AVal());
        stack = [];
        for (let k = 0; k < 8; k++) stack.push(new AVal());
        versionChecked = -1;
        out.push(u);
        continue;
      }
      case "_ALLOC_INIT_SELF": {
        // The new instance replaces the class in the callable slot and NULL in the self slot.
        const depth = u.oparg! & 0xffff;
        const inst = fresh();
        // A new instance: the class's root shape, its inline slots, stored nowhere yet.
        inst.unescaped = true;
        inst.shape = Number(u.operand0! >> 32n);
        inst.shapeEpoch = epoch;
        inst.maxSlot = ((u.oparg! >>> 16) - INST_SLOTS) / 8 - 1;
        stack[stack.length - depth] = inst;
        stack[stack.length - depth + 1] = inst;
        out.push(u);
        continue;
      }
      case "_POP_FRAME":
      case "_POP_FRAME_INIT": {
        // An __init__'s result (None) is dropped: the caller gets the instance (the value
        // _ALLOC_INIT_SELF put in the callable slot).
        const init = u.uop === "_POP_FRAME_INIT";
        let result = stack.pop()!;
        const caller = saved.pop();
        if (init) result = caller?.callable ?? fresh();
        if (caller === undefined) {
          // A side trace returning into a caller it did not push: nothing known there.
          locals = [];
          stack = [];
          for (let k = 0; k < ENTRY_SLOTS; k++) stack.push(new AVal());
          versionChecked = -1;
        } else {
          locals = caller.locals;
          stack = caller.stack;
          versionChecked = caller.version;
        }
        stack.push(result);
        out.push(u);
        continue;
      }
      default: {
        const d = uopDef(u.uop);
        if (d.flags.guard && d.pops === d.pushes) {
          out.push(u);
          continue;
        }
        for (let k = 0; k < d.pops; k++) stack.pop()!.unescaped = false;
        for (let k = 0; k < d.pushes; k++) stack.push(fresh());
        out.push(u);
      }
    }
  }
  return {
    out,
    learned,
    iterGuard,
    endLocals: locals,
    headLocals,
    headTos,
    endTos: stack.length >= ENTRY_SLOTS ? stack[ENTRY_SLOTS - 1] : null,
    globalsGuard,
    dictGuards,
    ok: true,
  };
}

/** Removes the last n uops of `out` if they are the pushes of the n constants being folded. */
function dropConstProducers(out: ProjectedUop[], n: number): boolean {
  if (out.length < n) return false;
  for (let k = 1; k <= n; k++) if (out[out.length - k].uop !== "_LOAD_CONST") return false;
  out.length -= n;
  return true;
}

function intOf(w: bigint): bigint {
  return BigInt.asIntN(48, w & 0xffffffffffffn);
}
function intWord(n: bigint): bigint {
  return (0xfff9n << 48n) | BigInt.asUintN(48, n);
}
function floatOf(w: bigint): number {
  const b = new BigUint64Array([w]);
  return new Float64Array(b.buffer)[0];
}
function floatWord(x: number): bigint {
  if (x !== x) return 0x7ff8000000000000n;
  return new BigUint64Array(new Float64Array([x]).buffer)[0];
}
const isIntWord = (w: bigint) => (w >> 48n) === 0xfff9n;
const isFloatWord = (w: bigint) => Number(w >> 32n) < HI_FIRST_TAG;

function foldInt(uop: string, a: bigint, b: bigint): bigint | null {
  if (!isIntWord(a) || !isIntWord(b)) return null;
  const x = intOf(a), y = intOf(b);
  const r = uop === "_BINARY_OP_ADD_INT" ? x + y : uop === "_BINARY_OP_SUB_INT" ? x - y : x * y;
  if (r < BigInt(SMALL_INT_MIN) || r > BigInt(SMALL_INT_MAX)) return null;
  return intWord(r);
}
function foldFloat(uop: string, a: bigint, b: bigint): bigint | null {
  if (!isFloatWord(a) || !isFloatWord(b)) return null;
  const x = floatOf(a), y = floatOf(b);
  if (uop === "_BINARY_OP_DIV_FLOAT" && y === 0) return null;
  const r = uop === "_BINARY_OP_ADD_FLOAT"
    ? x + y
    : uop === "_BINARY_OP_SUB_FLOAT"
    ? x - y
    : uop === "_BINARY_OP_MUL_FLOAT"
    ? x * y
    : x / y;
  return floatWord(r);
}
function foldCompare(uop: string, mask: number, a: bigint, b: bigint): boolean {
  const x = uop === "_COMPARE_OP_INT" ? Number(intOf(a)) : floatOf(a);
  const y = uop === "_COMPARE_OP_INT" ? Number(intOf(b)) : floatOf(b);
  const rel = (x < y ? 1 : 0) | (x === y ? 2 : 0) | (x > y ? 4 : 0) | (x !== x || y !== y ? 8 : 0);
  return (rel & mask) !== 0;
}

/** Drops pure pushes popped at once, and _NOPs (repeated until nothing changes). */
function deadCode(uops: ProjectedUop[]): ProjectedUop[] {
  let cur = uops.filter((u) => u.uop !== "_NOP");
  for (let changed = true; changed;) {
    changed = false;
    const next: ProjectedUop[] = [];
    for (const u of cur) {
      const prev = next[next.length - 1];
      if (u.uop === "_POP_TOP" && prev !== undefined) {
        const d = uopDef(prev.uop);
        if (d.flags.pure && d.pops === 0 && d.pushes === 1) {
          next.pop();
          changed = true;
          continue;
        }
      }
      next.push(u);
    }
    cur = next;
  }
  return cur;
}

/** Pure uops without exits that may compute the value of an augmented item assignment. */
const AUG_VALUE_LOADS = new Set(["_LOAD_FAST", "_LOAD_CONST"]);
const AUG_VALUE_OPS = new Set([
  "_BINARY_OP_ADD_FLOAT",
  "_BINARY_OP_SUB_FLOAT",
  "_BINARY_OP_MUL_FLOAT",
]);
/** The end (exclusive) of a run of AUG_VALUE_LOADS/AUG_VALUE_OPS from `start` that pushes exactly
 * one value, or -1 when the uops from `start` are not such a run. */
function pureValueEnd(uops: readonly ProjectedUop[], start: number): number {
  let k = start;
  for (let depth = 0;; k++) {
    const u = uops[k];
    if (u !== undefined && AUG_VALUE_LOADS.has(u.uop)) depth++;
    else if (u !== undefined && AUG_VALUE_OPS.has(u.uop) && depth >= 2) depth--;
    else if (depth === 1 && k > start) return k;
    else return -1;
  }
}

/** Guards of the list subscript load and store (redundant with the fused uop's own checks). */
const AUG_SUBSCR_GUARDS = new Set(["_GUARD_TOS_INT", "_GUARD_NOS_LIST"]);
const AUG_OP = /^_BINARY_OP_(ADD|SUB|MUL|DIV)_FLOAT$/;

/**
 * Augmented assignment to a float list item, `c[i] op= v` with c a local and i a non-negative
 * constant or a local:
 *
 *   _LOAD_FAST c; (_LOAD_CONST i | _LOAD_FAST i); _COPY 2; _COPY 2; [guards]
 *   _BINARY_SUBSCR_LIST_INT; <v>; [_GUARD_*_FLOAT]; _BINARY_OP_<op>_FLOAT; _SWAP 3; _SWAP 2;
 *   [guards] _STORE_SUBSCR_LIST_INT
 *
 * becomes <v>; _AUG_LIST_ITEM_<op>_FLOAT_{C,L} (uops.ts). <v> is a run of local and constant
 * loads and float + - * (no exits, no effects, one net push), so computing it before the item is
 * loaded changes nothing observable; the fused uop checks everything the guards and the three
 * operations checked (list, index range, float item and value, zero divisor) and on any failure
 * resumes tier 1 at the LOAD_FAST of the list with v popped: the statement has done nothing yet.
 * This removes the COPY/SWAP traffic and the container and index words on the value stack (the
 * fuse pass then takes <v>'s loads into a fused operation).
 */
function fuseAugItems(uops: readonly ProjectedUop[]): ProjectedUop[] {
  const out: ProjectedUop[] = [];
  const is = (k: number, uop: string, oparg?: number) =>
    k < uops.length && uops[k].uop === uop && (oparg === undefined || uops[k].oparg === oparg);
  const skipGuards = (k: number) => {
    while (k < uops.length && AUG_SUBSCR_GUARDS.has(uops[k].uop)) k++;
    return k;
  };
  for (let i = 0; i < uops.length; i++) {
    const list = uops[i];
    const idx = uops[i + 1];
    const match = (): ProjectedUop | null => {
      if (list.uop !== "_LOAD_FAST" || list.oparg! > 0xffff || idx === undefined) return null;
      let constIndex: bigint | null = null;
      if (idx.uop === "_LOAD_CONST") {
        constIndex = indexOperand(idx.operand0!);
        if (constIndex === null) return null;
      } else if (idx.uop !== "_LOAD_FAST" || idx.oparg! > 0xffff) return null;
      let k = i + 2;
      if (!is(k, "_COPY", 2) || !is(k + 1, "_COPY", 2)) return null;
      k = skipGuards(k + 2);
      if (!is(k, "_BINARY_SUBSCR_LIST_INT")) return null;
      const valueStart = ++k;
      const valueEnd = pureValueEnd(uops, valueStart);
      if (valueEnd < 0) return null;
      k = valueEnd;
      if (/^_GUARD_(TOS|NOS|BOTH)_FLOAT$/.test(uops[k]?.uop ?? "")) k++;
      const op = AUG_OP.exec(uops[k]?.uop ?? "");
      if (op === null || !is(k + 1, "_SWAP", 3) || !is(k + 2, "_SWAP", 2)) return null;
      k = skipGuards(k + 3);
      if (!is(k, "_STORE_SUBSCR_LIST_INT")) return null;
      const value = uops.slice(valueStart, valueEnd);
      i = k;
      // A constant index and v = a * b of two locals: the product is computed in the uop.
      const [a, b, mul] = value;
      if (
        constIndex !== null && value.length === 3 && a.uop === "_LOAD_FAST" &&
        b.uop === "_LOAD_FAST" && mul.uop === "_BINARY_OP_MUL_FLOAT" && a.oparg! <= 0xffff &&
        b.oparg! <= 0xffff
      ) {
        return {
          ...list,
          uop: `_AUG_LIST_ITEM_${op[1]}_FLOAT_C_MUL`,
          oparg: list.oparg! + a.oparg! * 65536 + b.oparg! * 2 ** 32,
          operand0: constIndex,
          target: list.instr,
        };
      }
      out.push(...value);
      return {
        ...list,
        uop: `_AUG_LIST_ITEM_${op[1]}_FLOAT_${constIndex !== null ? "C" : "L"}`,
        oparg: list.oparg! + (constIndex !== null ? 0 : idx.oparg! * 65536),
        operand0: constIndex ?? undefined,
        target: list.instr,
      };
    };
    const fused = match();
    out.push(fused ?? list);
  }
  return out;
}

/**
 * `m.sqrt(x)` with m a module in a global:
 *
 *   _LOAD_GLOBAL_MODULE g; _GUARD_TOS_IS m; [_GUARD_DICT_VERSION d]; _LOAD_ATTR_MODULE a (dict d);
 *   _PUSH_NULL; <x>; _GUARD_BUILTIN 3 sqrt; _CALL_SQRT
 *
 * becomes [_GUARD_DICT_VERSION d]; _GUARD_GLOBAL_IS g m; <x>; _CALL_SQRT_ATTR_S, or, when <x> is
 * one _LOAD_FAST, _GUARD_GLOBAL_IS g m; _CALL_SQRT_ATTR_L (uops.ts). <x> is a run of pure uops
 * without exits (as in fuseAugItems); the guards that moved before it are re-targeted to the
 * LOAD_GLOBAL (they read no stack word, and the stack there is the stack before the call), and
 * so are the call's exits, with x popped: tier 1 redoes the whole call. Seven uops and three stack
 * words become one or two.
 */
function fuseSqrtCalls(uops: readonly ProjectedUop[]): ProjectedUop[] {
  const out: ProjectedUop[] = [];
  for (let i = 0; i < uops.length; i++) {
    const load = uops[i];
    const match = (): boolean => {
      if (load.uop !== "_LOAD_GLOBAL_MODULE" || load.oparg! > 0xffff) return false;
      let k = i + 1;
      const is = uops[k];
      if (is?.uop !== "_GUARD_TOS_IS") return false;
      const dictGuard = uops[k + 1]?.uop === "_GUARD_DICT_VERSION" ? uops[++k] : null;
      const attr = uops[++k];
      if (attr?.uop !== "_LOAD_ATTR_MODULE" || attr.oparg! > 0xffff) return false;
      if (uops[++k]?.uop !== "_PUSH_NULL") return false;
      const valueStart = ++k;
      const valueEnd = pureValueEnd(uops, valueStart);
      if (valueEnd < 0) return false;
      k = valueEnd;
      const guard = uops[k];
      if (guard?.uop !== "_GUARD_BUILTIN" || guard.oparg !== 3) return false;
      if (uops[k + 1]?.uop !== "_CALL_SQRT" || guard.operand0! > 0xffffn) return false;
      const t = { target: load.instr };
      if (dictGuard !== null) out.push({ ...dictGuard, ...t });
      out.push({ ...is, uop: "_GUARD_GLOBAL_IS", oparg: load.oparg, ...t });
      const value = uops.slice(valueStart, valueEnd);
      const local = value.length === 1 && value[0].uop === "_LOAD_FAST" &&
          value[0].oparg! <= 0xffff
        ? value[0].oparg!
        : null;
      if (local === null) out.push(...value);
      out.push({
        ...uops[k + 1],
        uop: local === null ? "_CALL_SQRT_ATTR_S" : "_CALL_SQRT_ATTR_L",
        oparg: attr.oparg! + (local ?? 0) * 65536 + Number(guard.operand0!) * 2 ** 32,
        operand0: attr.operand0! & 0xffffffffn,
        ...t,
      });
      i = k + 1;
      return true;
    };
    if (!match()) out.push(load);
  }
  return out;
}

/**
 * `for x in a_list:` and `for a, b in a_list:` bodies that start with their targets' stores:
 *
 *   _ITER_CHECK_LIST; _FOR_ITER_LIST; (_STORE_FAST x | _UNPACK_SEQUENCE_2; _STORE_FAST a; _STORE_FAST b)
 *
 * keep the _ITER_CHECK_LIST (the loop's exit) and replace the rest with
 * _FOR_ITER_LIST_CHECKED_STORE or _FOR_ITER_LIST_CHECKED_UNPACK2 (uops.ts): the item goes
 * straight to the locals, and the checks _ITER_CHECK_LIST has just made are not repeated.
 */
function fuseListIterStores(uops: readonly ProjectedUop[]): ProjectedUop[] {
  const out: ProjectedUop[] = [];
  for (let i = 0; i < uops.length; i++) {
    const u = uops[i];
    out.push(u);
    if (u.uop !== "_ITER_CHECK_LIST" || uops[i + 1]?.uop !== "_FOR_ITER_LIST") continue;
    const next = uops[i + 1], a = uops[i + 2], b = uops[i + 3], c = uops[i + 4];
    if (a?.uop === "_STORE_FAST") {
      out.push({ ...a, uop: "_FOR_ITER_LIST_CHECKED_STORE", instr: next.instr });
      i += 2;
    } else if (
      a?.uop === "_UNPACK_SEQUENCE_2" && b?.uop === "_STORE_FAST" && c?.uop === "_STORE_FAST" &&
      b.oparg! <= 0xffff && c.oparg! <= 0xffff
    ) {
      out.push({ ...a, uop: "_FOR_ITER_LIST_CHECKED_UNPACK2", oparg: b.oparg! + c.oparg! * 65536 });
      i += 4;
    }
  }
  return out;
}

const FRAME_UOPS = /^_(PUSH_FRAME|POP_FRAME|POP_FRAME_INIT|GUARD_CALLER)$/;

/**
 * Moves _GUARD_GLOBAL_IS out of the loop into the preamble (after the globals version guard that
 * pins its entry index). A global's value is loop-invariant while the trace runs: no uop stores
 * into a dict and traces never call out. Only for traces that stay in their own frame, whose
 * globals are the preamble's.
 */
function hoistGlobalValueGuards(
  body: ProjectedUop[],
  preamble: ProjectedUop[],
  loopHead: number,
): ProjectedUop[] {
  if (!preamble.some((u) => u.uop === "_GUARD_GLOBALS_VERSION")) return body;
  if (body.some((u) => FRAME_UOPS.test(u.uop) || u.code !== undefined)) return body;
  const seen = new Set<string>();
  for (const u of body) {
    if (u.uop !== "_GUARD_GLOBAL_IS") continue;
    const key = `${u.oparg}:${u.operand0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    preamble.push({ ...u, target: loopHead, instr: loopHead });
  }
  return seen.size === 0 ? body : body.filter((u) => u.uop !== "_GUARD_GLOBAL_IS");
}

export interface Optimized {
  uops: ProjectedUop[];
  /** Index of the loop body's first uop (the _JUMP_TO_TOP target); 0 without a preamble. */
  loopStart: number;
}

/**
 * Optimises a projected trace. `closed`: it ends with _JUMP_TO_TOP back to its first uop (a loop)
 * and `loopHead` is the bytecode instruction there (where hoisted guards exit to). Uops a pass
 * would have touched are left as they are when the pass is off. Jump targets are fixed up.
 */
export function optimize(
  trace: readonly ProjectedUop[],
  nlocals: number,
  passes: ReadonlySet<Pass>,
  closed: boolean,
  loopHead: number,
): Optimized {
  const body = trace.slice();
  let head: HeadFacts = new Map();
  let iterKnown: Kind | null = null;
  let versionKnown = false;
  let dictsKnown = new Set<bigint>();
  const preamble: ProjectedUop[] = [];
  let result = run(body, nlocals, passes, head, null, false);
  if (!result.ok) return { uops: trace.slice(), loopStart: 0 };
  if (closed && passes.has("hoist")) {
    // Induction: assume the candidate facts at the head, keep those the back-edge re-establishes.
    head = new Map(result.learned);
    const iterGuard = result.iterGuard;
    const globalsGuard = result.globalsGuard;
    iterKnown = iterGuard !== null ? iterGuard.uop.slice("_GUARD_ITER_".length) as Kind : null;
    versionKnown = globalsGuard !== null;
    const dictGuards = result.dictGuards;
    dictsKnown = new Set(dictGuards.map((g) => g.operand0!));
    for (let round = 0; round < 8; round++) {
      const r = run(body, nlocals, passes, head, iterKnown, versionKnown, dictsKnown);
      if (!r.ok) return { uops: trace.slice(), loopStart: 0 };
      let stable = true;
      for (const [k, f] of [...head]) {
        const end = r.endLocals[k];
        const holds = end === r.headLocals[k] || (f === "bound" ? end.bound : end.kind === f);
        if (!holds) {
          head.delete(k);
          stable = false;
        }
      }
      if (iterKnown !== null && r.endTos !== r.headTos) {
        iterKnown = null;
        stable = false;
      }
      result = r;
      if (stable) break;
    }
    const t = { target: loopHead, instr: loopHead };
    if (globalsGuard !== null) preamble.push({ ...globalsGuard, ...t });
    for (const g of dictGuards) preamble.push({ ...g, ...t });
    if (iterKnown !== null) preamble.push({ ...iterGuard!, ...t });
    for (const [k, f] of [...head].sort((a, b) => a[0] - b[0])) {
      const uop = f === "bound"
        ? "_GUARD_LOCAL_BOUND"
        : f === "int"
        ? "_GUARD_LOCAL_INT"
        : f === "float"
        ? "_GUARD_LOCAL_FLOAT"
        : f === "list"
        ? "_GUARD_LOCAL_LIST"
        : null;
      if (uop === null) {
        // Kinds without a local guard uop are only assumed bound.
        preamble.push({ uop: "_GUARD_LOCAL_BOUND", oparg: k, ...t });
        head.set(k, "bound");
        continue;
      }
      preamble.push({ uop, oparg: k, ...t }); // a type guard also proves the local is bound
    }
    // Recompute with the final facts (kinds downgraded to "bound" above).
    const r = run(body, nlocals, passes, head, iterKnown, versionKnown, dictsKnown);
    if (!r.ok) return { uops: trace.slice(), loopStart: 0 };
    result = r;
  }
  let out = result.out;
  if (passes.has("dce")) out = deadCode(out);
  if (passes.has("fuse")) out = fuseListIterStores(fuseSqrtCalls(fuseAugItems(out)));
  if (closed && passes.has("hoist")) out = hoistGlobalValueGuards(out, preamble, loopHead);
  let loopStart = preamble.length;
  let all = [...preamble, ...out];
  if (passes.has("fuse")) ({ uops: all, loopStart } = fuse(all, loopStart));
  const uops = all.map((u) => u.uop === "_JUMP_TO_TOP" ? { ...u, jump: loopStart } : u);
  return { uops, loopStart };
}
