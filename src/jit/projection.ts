// Trace projection (DESIGN.md, "Tier 2"): from a hot back-edge (or a hot side exit) walk the
// specialised bytecode into uops. A specialised instruction becomes guards plus an action whose
// side exits resume tier 1 at that instruction; conditional jumps become guards on the direction
// the branch history says is likely; the walk closes the loop at its head (_JUMP_TO_TOP), or ends
// cleanly with _EXIT_TRACE at an instruction it cannot translate or at the length budget.
import { Op } from "../compiler/opcodes.ts";
import { INSTR_WORDS } from "../compiler/code.ts";
import { type CodeInfo, codes } from "../runtime/func.ts";
import {
  BUILTIN_INDEX,
  BUILTIN_SELF,
  DICT_ENTRIES,
  DICT_VERSION,
  FUNC_CODE,
  FUNC_GLOBALS,
  FUNC_VERSION,
  INST_SHAPE,
  INST_SLOTS,
  TUPLE_ITEMS,
  TYPE_INDEX,
  VALUES_START,
} from "../runtime/layout.ts";
import {
  ITER_BYTES,
  MODULE_DICT,
  RANGE_BYTES,
  RANGE_ITER_BYTES,
  RANGE_ITER_NEXT,
  RANGE_ITER_STEP,
  RANGE_ITER_STOP,
  RANGE_START,
  RANGE_STEP,
  RANGE_STOP,
} from "../runtime/lib/iter_layout.ts";
import {
  T_BUILTIN,
  T_FUNCTION,
  T_INT,
  T_LIST,
  T_LIST_ITER,
  T_MODULE,
  T_RANGE,
  T_RANGE_ITER,
  T_SUPER,
  T_TUPLE,
  T_TUPLE_ITER,
  T_TYPE,
} from "../runtime/type_ids.ts";
import { builtinTable } from "../runtime/builtin_fn.ts";
import { lookupType } from "../runtime/ops.ts";
import { types } from "../runtime/types.ts";
import { intern } from "../runtime/str.ts";
import { HI_NULL, HI_REF, TAG_INT } from "../runtime/value.ts";
import {
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_OR,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_XOR,
} from "../runtime/num.ts";
import { opName, SOp } from "../interpreter/spec_ops.ts";
import { polyCache } from "../interpreter/interp.ts";
import {
  F_BUILTINS,
  F_CODE,
  F_FLAGS,
  F_GLOBALS,
  F_IP,
  F_PREV,
  F_RESULT,
  F_SP,
  FRAME_HEADER,
} from "../interpreter/frame_layout.ts";
import { getHeap } from "../../ffi/heap.ts";
import type { UopInstr } from "./codegen.ts";
import { CMP_MASKS, uopDef } from "./uops.ts";
import { DICT_ENTRY_BYTES, FIRST_CLASS_TYPE } from "./c_header.ts";

const U32 = getHeap().u32;
let nInit = 0;
/** The interned "__init__" (made on first use: the string table needs the runtime). */
const initName = () => nInit !== 0 ? nInit : (nInit = intern("__init__"));

/** A caller of the frame a uop runs in, pushed by an inlined call: its code and the CALL. */
export interface CallContext {
  readonly codeIndex: number;
  readonly callInstr: number;
}

/** A uop before executor assembly: `link` = id of an executor this exit is born linked to. */
export interface ProjectedUop extends UopInstr {
  /** Bytecode instruction this uop came from (for dumps). */
  readonly instr: number;
  readonly link?: number;
  /** Code index of the frame the uop runs in (exits resume there), when not the trace's own. */
  readonly code?: number;
  /** The inlined callers of that frame, outermost first (a side trace from an exit starts with
   * them, so it can return into them). */
  readonly callers?: readonly CallContext[];
}

/** A bytecode instruction the walk translated, and the code object it belongs to. */
export interface WalkedInstr {
  readonly codeIndex: number;
  readonly instr: number;
}

export interface Projection {
  readonly uops: ProjectedUop[];
  /** Bytecode instructions walked, in order, each with the code it belongs to (inlined callees
   * and the callers a return continues in are other codes). */
  readonly instrs: WalkedInstr[];
  /** True when the trace closes the loop (ends with _JUMP_TO_TOP). */
  readonly closed: boolean;
  /** Why the walk stopped. */
  readonly end: string;
  /** Type indexes whose version the trace relies on (method loads): changing one invalidates it. */
  readonly types: number[];
}

export interface ProjectOptions {
  codeIndex: number;
  /** First instruction of the trace (the loop head, or a side exit's target). */
  start: number;
  /** The back-edge that closes the loop (root traces), or -1 (side traces: never close). */
  backEdge: number;
  /** Heap offset of the frame, whose saved stack is the stack at `start`. */
  frame: number;
  /** Number of bits of branch history to take a majority over (1: the last direction only). */
  historyBits: number;
  /** Executor ids by loop: returns the executor to link to for an ENTER_EXECUTOR, or -1. */
  executorFor(codeIndex: number, instr: number): number;
  /** Side traces from an exit inside an inlined call: that frame's inlined callers. */
  callers?: readonly CallContext[];
  /** A function-entry trace (start = 1, after RESUME): the id its executor will have, which
   * its own recursive calls link to. */
  selfEntry?: number;
  maxUops?: number;
}

export const MAX_TRACE_UOPS = 400;
/** Python frames a trace may push (inlined calls). */
export const MAX_INLINE_DEPTH = 8;

function popcount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/** The raw word at heap offset `a` as a bigint. */
export function wordAt(a: number): bigint {
  return (BigInt(U32[(a >> 2) + 1]) << 32n) | BigInt(U32[a >> 2]);
}

const FLOAT_OPS: Record<number, string> = {
  [SOp.BINARY_OP_ADD_FLOAT]: "_BINARY_OP_ADD_FLOAT",
  [SOp.BINARY_OP_SUB_FLOAT]: "_BINARY_OP_SUB_FLOAT",
  [SOp.BINARY_OP_MUL_FLOAT]: "_BINARY_OP_MUL_FLOAT",
  [SOp.BINARY_OP_DIV_FLOAT]: "_BINARY_OP_DIV_FLOAT",
};
const INT_OPS: Record<number, string> = {
  [SOp.BINARY_OP_ADD_INT]: "_BINARY_OP_ADD_INT",
  [SOp.BINARY_OP_SUB_INT]: "_BINARY_OP_SUB_INT",
  [SOp.BINARY_OP_MUL_INT]: "_BINARY_OP_MUL_INT",
};
const NUM_OPS: Record<number, string> = {
  [SOp.BINARY_OP_ADD_NUM]: "_BINARY_OP_ADD_NUM",
  [SOp.BINARY_OP_SUB_NUM]: "_BINARY_OP_SUB_NUM",
  [SOp.BINARY_OP_MUL_NUM]: "_BINARY_OP_MUL_NUM",
  [SOp.BINARY_OP_DIV_NUM]: "_BINARY_OP_DIV_NUM",
};

/** Built-ins with a native uop (CALL_BUILTIN), by name and argument count. */
const NATIVE_BUILTINS: Record<string, [nargs: number, uop: string]> = {
  sqrt: [1, "_CALL_SQRT"],
  len: [1, "_CALL_LEN"],
  abs: [1, "_CALL_ABS"],
  min: [2, "_CALL_MIN"],
  max: [2, "_CALL_MAX"],
  isinstance: [2, "_CALL_ISINSTANCE"],
};

/** The native uop for a call of builtin `index` with `nargs` arguments, or null. Built-ins are
 * identified by the name they were registered under (math's functions and the builtins module's
 * are the only ones with these names). */
function nativeBuiltin(index: number, nargs: number): string | null {
  const b = builtinTable[index];
  if (b === undefined || b.name !== b.qualname) return null;
  const n = NATIVE_BUILTINS[b.name];
  return n !== undefined && n[0] === nargs ? n[1] : null;
}

/** Generic `+ - *` translated for two ints (guarded) when the operands are ints the trace made
 * or small-int constants: tier 1 leaves the instructions of an int chain generic when it runs them
 * with exact arithmetic from the first time (`wideChain`, interp.ts). */
const CHAIN_INT_OPS: Record<number, string> = {
  [NB_ADD]: "_BINARY_OP_ADD_INT",
  [NB_SUBTRACT]: "_BINARY_OP_SUB_INT",
  [NB_MULTIPLY]: "_BINARY_OP_MUL_INT",
};

/** Generic BINARY_OPs tier 1 never specialises, translated for two small ints (guarded). */
const GENERIC_INT_OPS: Record<number, string> = {
  [NB_REMAINDER]: "_BINARY_OP_MOD_INT",
  [NB_FLOOR_DIVIDE]: "_BINARY_OP_FLOORDIV_INT",
  [NB_RSHIFT]: "_BINARY_OP_RSHIFT_INT",
  [NB_LSHIFT]: "_BINARY_OP_LSHIFT_INT",
  [NB_AND]: "_BINARY_OP_AND_INT",
  [NB_OR]: "_BINARY_OP_OR_INT",
  [NB_XOR]: "_BINARY_OP_XOR_INT",
};

// The abstract stack of the projection: for each slot, what is known at projection time.
//   >= 0   the heap address where the value is now (entry stack slots, dict entries)
//   -1     unknown (made inside the trace)
//   -2     NULL pushed by the trace;  -3: a non-NULL value pushed by the trace (a method's self)
//   -4     a range of small ints the trace made (_CALL_RANGE_*)
//   -5, -6, -7  a list / tuple / small-int range iterator the trace made (_GET_ITER_*)
//   -8     a small int: a constant, or made by an int operation of the trace
//   <= -16 a known object reference r, encoded as -(r + 16)
const UNKNOWN = -1, IS_NULL = -2, NOT_NULL = -3, NEW_RANGE = -4, SMALL_INT = -8;
const NEW_ITER: Record<string, number> = { LIST: -5, TUPLE: -6, RANGE: -7 };
const NEW_ITER_KIND: Record<number, string> = { [-5]: "LIST", [-6]: "TUPLE", [-7]: "RANGE" };
/** The sequence type behind each specialised FOR_ITER (GET_ITER of a value made in the trace). */
const FOR_ITER_SEQ: Record<number, number> = {
  [SOp.FOR_ITER_LIST]: T_LIST,
  [SOp.FOR_ITER_TUPLE]: T_TUPLE,
  [SOp.FOR_ITER_RANGE]: T_RANGE,
};
/** Built-in types GET_ITER is translated for, by type index. */
const GET_ITER_KIND: Record<number, string> = {
  [T_LIST]: "LIST",
  [T_TUPLE]: "TUPLE",
  [T_RANGE]: "RANGE",
};
const refSlot = (r: number) => -(r + 16);

/** The (hi, lo) words of a slot known at projection time, or null. */
function slotWord(slot: number): [number, number] | null {
  if (slot >= 0) return [U32[(slot >> 2) + 1], U32[slot >> 2]];
  if (slot <= -16) return [HI_REF, -slot - 16];
  return null;
}

/** The entries of a polymorphic site (cache0 entries from cache1 in interp.ts's pool), 4 ints
 * each: (shape, slot) for LOAD_ATTR_POLY / STORE_ATTR_POLY, (shape, class version, function) for
 * LOAD_METHOD_POLY. */
function polyEntries(c0: number, c1: number): Int32Array[] {
  const pool = polyCache();
  const out: Int32Array[] = [];
  for (let k = 0; k < c0 && c1 + 4 * k + 4 <= pool.length; k++) {
    out.push(pool.slice(c1 + 4 * k, c1 + 4 * k + 4));
  }
  return out;
}

/** The shape of the instance in a slot known at projection time, or -1. */
function knownShape(slot: number): number {
  const w = slotWord(slot);
  if (w === null || w[0] !== HI_REF || U32[w[1] >> 2] < FIRST_CLASS_TYPE) return -1;
  return U32[(w[1] + INST_SHAPE) >> 2];
}

/** The user class whose current version is `version`, or -1 (a stale cache entry). */
function classOfVersion(version: number): number {
  for (let k = FIRST_CLASS_TYPE; k < types.length; k++) {
    const ty = types[k];
    if (ty !== undefined && ty.isClass && ty.version === version) return k;
  }
  return -1;
}

/**
 * Of the entries of a polymorphic site, the group the trace guards for: entries with the same
 * key (slot or method) as the receiver's entry when its shape is known now, else the largest
 * group (ties: the first entry's). Shapes the 64-wide window of _GUARD_SHAPE_SET cannot hold
 * with the preferred one are left out (they exit, and may grow side traces).
 */
function polyGroup<E extends { shape: number; key: number }>(entries: E[], shape: number): E[] {
  if (entries.length === 0) return [];
  let pref = entries.find((e) => e.shape === shape);
  if (pref === undefined) {
    let best = 0;
    for (const e of entries) {
      const n = entries.filter((x) => x.key === e.key).length;
      if (n > best) {
        best = n;
        pref = e;
      }
    }
  }
  const p = pref!;
  const group = entries.filter((e) => e.key === p.key);
  const base = Math.min(...group.filter((e) => e.shape >= p.shape - 63).map((e) => e.shape));
  return group.filter((e) => e.shape >= base && e.shape < base + 64);
}

/** Whether the callable of a CALL with `arg` arguments is a Python function known now, with a
 * known self slot. */
function knownPyCallable(stack: number[], arg: number): boolean {
  const fw = slotWord(stack[stack.length - (arg + 2)] ?? UNKNOWN);
  return fw !== null && fw[0] === HI_REF && U32[fw[1] >> 2] === T_FUNCTION &&
    selfOf(stack[stack.length - (arg + 1)] ?? UNKNOWN) >= 0;
}

/** A call's self slot: 0 = NULL, 1 = a value, -1 = unknown. */
function selfOf(slot: number): number {
  if (slot === IS_NULL) return 0;
  if (slot === NOT_NULL) return 1;
  const w = slot >= 0 ? slotWord(slot) : null;
  return w === null ? -1 : w[0] === HI_NULL ? 0 : 1;
}

/** _GUARD_SHAPE_SET's operands for a set of shapes within 64 of the smallest; n = inline slots
 * the instance must have. */
function shapeSetGuard(shapes: number[], n: number): { operand0: bigint; oparg: number } {
  const base = Math.min(...shapes);
  let mask = 0n;
  for (const s of shapes) mask |= 1n << BigInt(s - base);
  return { operand0: mask, oparg: base * 256 + n };
}

interface PFrame {
  codeIndex: number;
  /** Heap offset of the frame at projection time (frames pushed by the trace: -1). */
  addr: number;
  globals: number;
  /** The CALL in the caller (frames pushed by the trace), -1 otherwise. */
  callInstr: number;
  /** An __init__ frame pushed by an inlined class call (returns with _POP_FRAME_INIT). */
  init?: boolean;
  callerStack: number[];
  callers: readonly CallContext[];
  seen: Set<number>;
}

export function project(o: ProjectOptions): Projection {
  const maxUops = o.maxUops ?? MAX_TRACE_UOPS;
  const uops: ProjectedUop[] = [];
  const instrs: WalkedInstr[] = [];
  const deps: number[] = [];
  const builtins = U32[(o.frame + F_BUILTINS) >> 2];
  let info = codes[o.codeIndex];
  let code = info.code.code;
  const slotsOf = (frame: number, top: number) => {
    const out: number[] = [];
    const base = frame + FRAME_HEADER + 8 * codes[U32[(frame + F_CODE) >> 2]].nlocalsplus;
    for (let a = base; a < top; a += 8) out.push(a);
    return out;
  };
  let stack = slotsOf(o.frame, U32[(o.frame + F_SP) >> 2]);
  let cur: PFrame = {
    codeIndex: o.codeIndex,
    addr: o.frame,
    globals: U32[(o.frame + F_GLOBALS) >> 2],
    callInstr: -1,
    callerStack: [],
    callers: o.callers ?? [],
    seen: new Set(),
  };
  const frames: PFrame[] = [cur];
  /** Per code: loop head -> back-edge instructions that are ENTER_EXECUTORs now. */
  const heads = new Map<number, Map<number, number[]>>();
  const loopExecutorAt = (codeIndex: number, head: number): number => {
    let m = heads.get(codeIndex);
    if (m === undefined) {
      m = new Map();
      const c = codes[codeIndex].code.code;
      for (let k = 0; k < c.length; k += INSTR_WORDS) {
        if (c[k] !== SOp.ENTER_EXECUTOR) continue;
        const h = c[k + 1];
        m.set(h, [...(m.get(h) ?? []), k / INSTR_WORDS]);
      }
      heads.set(codeIndex, m);
    }
    for (const b of m.get(head) ?? []) {
      if (b === 0) continue; // a function entry (its RESUME): see the calls

      if (codeIndex === o.codeIndex && b === o.backEdge) continue;
      const e = o.executorFor(codeIndex, b);
      if (e >= 0) return e;
    }
    return -1;
  };
  /** The function-entry executor of a code, or -1. */
  const entryExecutorOf = (codeIndex: number): number => {
    if (o.selfEntry !== undefined && codeIndex === o.codeIndex) return o.selfEntry;
    return codes[codeIndex].code.code[0] === SOp.ENTER_EXECUTOR ? o.executorFor(codeIndex, 0) : -1;
  };
  /** Callers left from the side trace's context (returning into them). */
  const contextLeft = (o.callers ?? []).slice();

  const emit = (u: ProjectedUop) => {
    const ctx = frames.length > 1 || cur.callers.length > 0 || cur.codeIndex !== o.codeIndex
      ? { ...u, code: cur.codeIndex, callers: cur.callers }
      : u;
    uops.push(ctx);
    const d = uopDef(u.uop);
    if (u.uop === "_SWAP") {
      const n = u.oparg!;
      const t = stack[stack.length - 1];
      stack[stack.length - 1] = stack[stack.length - n];
      stack[stack.length - n] = t;
    } else if (u.uop === "_COPY") {
      stack.push(stack[stack.length - u.oparg!] ?? UNKNOWN);
    } else if (!(d.flags.guard && d.pops === d.pushes) && !u.uop.startsWith("_ITER_CHECK_")) {
      for (let k = 0; k < d.pops; k++) stack.pop();
      for (let k = 0; k < d.pushes; k++) stack.push(UNKNOWN);
    }
  };
  /** Continue the walk in a callee frame the trace pushes for the CALL at instruction `call`,
   * whose callable and arguments are the top `nargs + 2` stack words. */
  const enterCallee = (
    callee: CodeInfo,
    fn: number,
    call: number,
    nargs: number,
    init: boolean,
  ) => {
    const callerStack = stack.slice(0, stack.length - (nargs + 2));
    cur = {
      codeIndex: callee.index,
      addr: -1,
      globals: U32[(fn + FUNC_GLOBALS) >> 2],
      callInstr: call,
      ...(init ? { init: true } : {}),
      callerStack,
      callers: [...cur.callers, { codeIndex: cur.codeIndex, callInstr: call }],
      seen: new Set(),
    };
    frames.push(cur);
    info = callee;
    code = info.code.code;
    stack = [];
  };
  const finish = (closed: boolean, end: string): Projection => ({
    uops,
    instrs,
    closed,
    end,
    types: deps,
  });

  let i = o.start;
  for (;;) {
    if (uops.length >= maxUops) {
      emit({ uop: "_EXIT_TRACE", target: i, instr: i });
      return finish(false, "length budget");
    }
    if (cur.seen.has(i)) {
      // A forward walk never revisits an instruction unless it is looping without our back-edge.
      emit({ uop: "_EXIT_TRACE", target: i, instr: i });
      return finish(false, "inner cycle");
    }
    cur.seen.add(i);
    if (uops.length > 0) {
      // The head of another loop that has an executor: continue in it (an exit born linked)
      // rather than unrolling its first iteration.
      const e = loopExecutorAt(cur.codeIndex, i);
      if (e >= 0) {
        emit({ uop: "_EXIT_TRACE", target: i, instr: i, link: e });
        return finish(false, "linked to a loop executor");
      }
    }
    const ip = i * INSTR_WORDS;
    const arg = code[ip + 1], c0 = code[ip + 2], c1 = code[ip + 3];
    // A generic CALL of a Python function known now (e.g. a method a polymorphic site loaded)
    // is inlined as CALL_PY_SIMPLE is: guarded by the function's version.
    const op = code[ip] === Op.CALL && knownPyCallable(stack, arg) ? SOp.CALL_PY_SIMPLE : code[ip];
    const t = { target: i, instr: i };
    /** The load or store of an instance's inline slot, after the guard that proves it exists. */
    const emitSlotAccess = (load: boolean, slot: number) =>
      emit({
        uop: load ? "_LOAD_ATTR_INSTANCE_VALUE" : "_STORE_ATTR_INSTANCE_VALUE",
        oparg: slot,
        instr: i,
      });
    const stop = (why: string) => {
      emit({ uop: "_EXIT_TRACE", ...t });
      return finish(false, why);
    };
    instrs.push({ codeIndex: cur.codeIndex, instr: i });
    switch (op) {
      case Op.NOP:
        break;
      case Op.RESUME:
        // Only at a function's start (inlined calls): the trace never reaches a safepoint.
        if (frames.length === 1) return stop("unsupported RESUME");
        break;
      case Op.POP_TOP:
        emit({ uop: "_POP_TOP", instr: i });
        break;
      case Op.PUSH_NULL:
        emit({ uop: "_PUSH_NULL", instr: i });
        stack[stack.length - 1] = IS_NULL;
        break;
      case Op.COPY:
        emit({ uop: "_COPY", oparg: arg, instr: i });
        break;
      case Op.SWAP:
        emit({ uop: "_SWAP", oparg: arg, instr: i });
        break;
      case Op.LOAD_CONST: {
        const a = info.consts + TUPLE_ITEMS + 8 * arg;
        emit({ uop: "_LOAD_CONST", operand0: wordAt(a), instr: i });
        // A constant object (e.g. a tuple GET_ITER iterates) is known: constants are immutable.
        if (U32[(a >> 2) + 1] === HI_REF) stack[stack.length - 1] = refSlot(U32[a >> 2]);
        else if (U32[(a >> 2) + 1] >>> 16 === TAG_INT) stack[stack.length - 1] = SMALL_INT;
        break;
      }
      case Op.LOAD_FAST:
        emit({ uop: "_LOAD_FAST_CHECK", oparg: arg, ...t });
        if (cur.addr >= 0) stack[stack.length - 1] = cur.addr + FRAME_HEADER + 8 * arg;
        break;
      case Op.STORE_FAST:
        emit({ uop: "_STORE_FAST", oparg: arg, instr: i });
        break;
      case SOp.LOAD_GLOBAL_MODULE:
      case SOp.LOAD_GLOBAL_BUILTIN: {
        emit({ uop: "_GUARD_GLOBALS_VERSION", operand0: BigInt(c0 >>> 0), ...t });
        const module = op === SOp.LOAD_GLOBAL_MODULE;
        emit({ uop: module ? "_LOAD_GLOBAL_MODULE" : "_LOAD_GLOBAL_BUILTIN", oparg: c1, instr: i });
        // Where the value is now (so a call of it can be inlined: the call guards its version).
        const d = module ? cur.globals : builtins;
        if (d !== 0) {
          stack[stack.length - 1] = U32[(d + DICT_ENTRIES) >> 2] + VALUES_START +
            DICT_ENTRY_BYTES * c1 + 16;
        }
        break;
      }
      case SOp.LOAD_ATTR_INSTANCE_VALUE:
      case SOp.STORE_ATTR_INSTANCE_VALUE:
        emit({ uop: "_GUARD_INSTANCE_SHAPE", operand0: BigInt(c0 >>> 0), oparg: c1, ...t });
        emitSlotAccess(op === SOp.LOAD_ATTR_INSTANCE_VALUE, c1);
        break;
      case SOp.LOAD_ATTR_POLY:
      case SOp.STORE_ATTR_POLY: {
        // Guard the shapes of the site's entries that keep the attribute in the same slot as the
        // receiver's (when known now) or as most entries; other shapes exit (side traces).
        const entries = polyEntries(c0, c1).map((e) => ({ shape: e[0], key: e[1] }));
        const group = polyGroup(entries, knownShape(stack[stack.length - 1] ?? UNKNOWN));
        if (group.length === 0) return stop("polymorphic site without entries");
        const slot = group[0].key;
        if (group.length === 1) {
          emit({
            uop: "_GUARD_INSTANCE_SHAPE",
            operand0: BigInt(group[0].shape),
            oparg: slot,
            ...t,
          });
        } else {
          emit({
            uop: "_GUARD_SHAPE_SET",
            ...shapeSetGuard(group.map((e) => e.shape), slot + 1),
            ...t,
          });
        }
        emitSlotAccess(op === SOp.LOAD_ATTR_POLY, slot);
        break;
      }
      case SOp.LOAD_METHOD_POLY: {
        // The entries whose method is the receiver's (when known now) or most entries': their
        // shapes are guarded (a shape names its class), the method is a constant, and each of
        // their classes' versions is an executor dependency. Other classes exit (side traces).
        const entries: { shape: number; key: number; cls: number }[] = [];
        for (const e of polyEntries(c0, c1)) {
          const cls = classOfVersion(e[1]);
          if (cls >= 0 && e[2] > 0) entries.push({ shape: e[0], key: e[2], cls });
        }
        const group = polyGroup(entries, knownShape(stack[stack.length - 1] ?? UNKNOWN));
        if (group.length === 0) return stop("method of an old class version");
        const method = group[0].key;
        if (group.length === 1) {
          emit({
            uop: "_GUARD_TYPE_AND_SHAPE",
            operand0: BigInt(group[0].cls) | (BigInt(group[0].shape) << 32n),
            ...t,
          });
        } else {
          emit({ uop: "_GUARD_SHAPE_SET", ...shapeSetGuard(group.map((e) => e.shape), 0), ...t });
        }
        emit({
          uop: "_LOAD_METHOD_CONST",
          operand0: (BigInt(HI_REF) << 32n) | BigInt(method),
          instr: i,
        });
        stack[stack.length - 2] = refSlot(method);
        stack[stack.length - 1] = NOT_NULL;
        for (const e of group) if (!deps.includes(e.cls)) deps.push(e.cls);
        break;
      }
      case SOp.LOAD_METHOD_WITH_VALUES: {
        // The method is the function tier 1 cached for this (class version, shape); the class's
        // version becomes an executor dependency (invalidation), the shape and type are guarded.
        const ti = types.findIndex((ty) => ty !== undefined && ty.version === c1);
        const method = info.aux[i];
        if (ti < 0 || method <= 0) return stop("method of an old class version");
        emit({
          uop: "_GUARD_TYPE_AND_SHAPE",
          operand0: BigInt(ti) | (BigInt(c0 >>> 0) << 32n),
          ...t,
        });
        emit({
          uop: "_LOAD_METHOD_CONST",
          operand0: (BigInt(HI_REF) << 32n) | BigInt(method),
          instr: i,
        });
        stack[stack.length - 2] = refSlot(method);
        stack[stack.length - 1] = NOT_NULL;
        if (!deps.includes(ti)) deps.push(ti);
        break;
      }
      case SOp.CALL_PY_EXACT_ARGS:
      case SOp.CALL_PY_SIMPLE: {
        // The callee is known now (where the callable was loaded from: a global, or a method
        // LOAD_METHOD_* pushed): guarded by its version. CALL_PY_SIMPLE (a site that called
        // several functions) is guarded on the version of the function known now.
        const fw = slotWord(stack[stack.length - (arg + 2)] ?? UNKNOWN);
        const self = selfOf(stack[stack.length - (arg + 1)] ?? UNKNOWN);
        if (fw === null || fw[0] !== HI_REF || self < 0) return stop("call of an unknown callable");
        const r = fw[1];
        const version = U32[(r + FUNC_VERSION) >> 2];
        if (
          U32[r >> 2] !== T_FUNCTION ||
          (op === SOp.CALL_PY_EXACT_ARGS && version !== c0 >>> 0)
        ) {
          return stop("call of another function version");
        }
        const callee = codes[U32[(r + FUNC_CODE) >> 2]];
        if (callee.simpleArgcount !== arg + self) return stop("call with other arguments");
        // A recursive call (or one too deep to inline) of a function with an entry executor:
        // push its frame and continue in that executor (an exit born linked to it) rather than
        // inlining it.
        const entry = entryExecutorOf(callee.index);
        const linkEntry = entry >= 0 &&
          (callee.index === o.codeIndex || frames.length > MAX_INLINE_DEPTH ||
            frames.some((f) => f.codeIndex === callee.index));
        if (!linkEntry && frames.length > MAX_INLINE_DEPTH) return stop("inlining depth");
        emit({ uop: "_GUARD_FUNC_VERSION", oparg: arg + 2, operand0: BigInt(version), ...t });
        emit({
          uop: "_PUSH_FRAME",
          oparg: arg | (self << 8) | (callee.nlocalsplus << 16),
          operand0: BigInt(callee.index) | (BigInt(callee.frameBytes) << 32n),
          ...t,
        });
        enterCallee(callee, r, i, arg, false);
        if (linkEntry) {
          emit({ uop: "_EXIT_TRACE", target: 1, instr: 1, link: entry });
          return finish(false, "linked to a function entry");
        }
        i = 0;
        continue;
      }
      case SOp.CALL_ALLOC_AND_ENTER_INIT: {
        // C(args) of a class whose __init__ is a simple Python function (cache0 = the class
        // version, cache1 = its type index): the class is known now (guarded by identity, its
        // version is an executor dependency, so its __init__ and layout are fixed); the instance
        // is allocated natively and __init__ inlined, as tier 1 does.
        if (frames.length > MAX_INLINE_DEPTH) return stop("inlining depth");
        const fw = slotWord(stack[stack.length - (arg + 2)] ?? UNKNOWN);
        const sslot = stack[stack.length - (arg + 1)] ?? UNKNOWN;
        const sw = slotWord(sslot);
        if (fw === null || fw[0] !== HI_REF || !(sslot === IS_NULL || sw?.[0] === HI_NULL)) {
          return stop("class call of an unknown callable");
        }
        const tr = fw[1], ct = c1;
        const ty = types[ct];
        if (
          U32[tr >> 2] !== T_TYPE || U32[(tr + TYPE_INDEX) >> 2] !== ct || ty === undefined ||
          ty.version !== c0 >>> 0
        ) {
          return stop("call of another class version");
        }
        const ia = lookupType(ct, initName());
        if (ia === 0 || U32[(ia >> 2) + 1] !== HI_REF) return stop("class without __init__");
        const init = U32[ia >> 2];
        if (U32[init >> 2] !== T_FUNCTION) return stop("__init__ not a function");
        const callee = codes[U32[(init + FUNC_CODE) >> 2]];
        if (callee.simpleArgcount !== arg + 1) return stop("__init__ with other arguments");
        const bytes = INST_SLOTS + 8 * ty.inlineSlots;
        emit({
          uop: "_GUARD_CALLABLE_IS",
          oparg: arg + 2,
          operand0: (BigInt(HI_REF) << 32n) | BigInt(tr),
          ...t,
        });
        emit({ uop: "_GUARD_FRAME_ROOM", oparg: callee.frameBytes, ...t });
        emit({ uop: "_CHECK_ALLOC", oparg: bytes, ...t });
        emit({
          uop: "_ALLOC_INIT_SELF",
          oparg: (arg + 2) | (bytes << 16),
          operand0: BigInt(ct) | (BigInt(ty.rootShape.id) << 32n),
          ...t,
        });
        emit({
          uop: "_PUSH_FRAME",
          oparg: arg | (1 << 8) | (1 << 9) | (callee.nlocalsplus << 16),
          operand0: BigInt(callee.index) | (BigInt(callee.frameBytes) << 32n),
          ...t,
        });
        if (!deps.includes(ct)) deps.push(ct);
        stack[stack.length - (arg + 1)] = NOT_NULL;
        enterCallee(callee, init, i, arg, true);
        i = 0;
        continue;
      }
      case Op.RETURN_VALUE: {
        if (frames.length > 1) {
          emit({ uop: cur.init === true ? "_POP_FRAME_INIT" : "_POP_FRAME", ...t });
          const done = frames.pop()!;
          cur = frames[frames.length - 1];
          stack = done.callerStack;
          stack.push(UNKNOWN);
          info = codes[cur.codeIndex];
          code = info.code.code;
          i = done.callInstr + 1;
          continue;
        }
        if (cur.addr < 0) return stop("return from the trace's frame");
        const caller = U32[(cur.addr + F_PREV) >> 2];
        if (caller === 0 || U32[(cur.addr + F_FLAGS) >> 2] !== 0) {
          return stop("return from an entry frame");
        }
        let ctx = contextLeft.pop();
        if (ctx !== undefined) {
          // A side trace inside an inlined call returns into the caller that pushed it.
          if (U32[(caller + F_CODE) >> 2] !== ctx.codeIndex) {
            return stop("return into an unknown caller");
          }
          if (U32[(caller + F_IP) >> 2] !== ctx.callInstr) return stop("return to another call");
        } else {
          // A return from the frame the trace started in: into the caller live now, guarded.
          ctx = { codeIndex: U32[(caller + F_CODE) >> 2], callInstr: U32[(caller + F_IP) >> 2] };
          emit({
            uop: "_GUARD_CALLER",
            operand0: BigInt(ctx.codeIndex) | (BigInt(ctx.callInstr) << 32n),
            ...t,
          });
        }
        emit({ uop: "_POP_FRAME", ...t });
        stack = slotsOf(caller, U32[(cur.addr + F_RESULT) >> 2]);
        stack.push(UNKNOWN);
        cur = {
          codeIndex: ctx.codeIndex,
          addr: caller,
          globals: U32[(caller + F_GLOBALS) >> 2],
          callInstr: -1,
          callerStack: [],
          callers: contextLeft.slice(),
          seen: new Set(),
        };
        frames[0] = cur;
        info = codes[cur.codeIndex];
        code = info.code.code;
        i = ctx.callInstr + 1;
        continue;
      }
      case SOp.BINARY_SUBSCR_LIST_INT:
      case SOp.BINARY_SUBSCR_TUPLE_INT:
      case SOp.STORE_SUBSCR_LIST_INT:
        emit({ uop: "_GUARD_TOS_INT", ...t });
        emit({
          uop: op === SOp.BINARY_SUBSCR_TUPLE_INT ? "_GUARD_NOS_TUPLE" : "_GUARD_NOS_LIST",
          ...t,
        });
        emit({
          uop: op === SOp.BINARY_SUBSCR_LIST_INT
            ? "_BINARY_SUBSCR_LIST_INT"
            : op === SOp.BINARY_SUBSCR_TUPLE_INT
            ? "_BINARY_SUBSCR_TUPLE_INT"
            : "_STORE_SUBSCR_LIST_INT",
          ...t,
        });
        break;
      case SOp.BINARY_OP_ADD_INT:
      case SOp.BINARY_OP_SUB_INT:
      case SOp.BINARY_OP_MUL_INT:
        emit({ uop: "_GUARD_BOTH_INT", ...t });
        emit({ uop: INT_OPS[op], ...t });
        stack[stack.length - 1] = SMALL_INT;
        break;
      case Op.BINARY_OP: {
        const nb = arg >= NB_INPLACE ? arg - NB_INPLACE : arg;
        const chained = CHAIN_INT_OPS[nb];
        if (
          chained !== undefined && stack[stack.length - 2] === SMALL_INT &&
          stack[stack.length - 1] === SMALL_INT
        ) {
          emit({ uop: "_GUARD_BOTH_INT", ...t });
          emit({ uop: chained, ...t });
          stack[stack.length - 1] = SMALL_INT;
          break;
        }
        const name = GENERIC_INT_OPS[nb];
        if (name === undefined) return stop(`unsupported BINARY_OP ${arg}`);
        // Operands known now (a side trace's first instruction) must be small ints.
        for (const slot of [stack[stack.length - 2], stack[stack.length - 1]]) {
          const w = slot === undefined ? null : slotWord(slot);
          if (w !== null && w[0] >>> 16 !== TAG_INT) return stop("BINARY_OP of non-ints");
        }
        emit({ uop: "_GUARD_BOTH_INT", ...t });
        emit({ uop: name, ...t });
        stack[stack.length - 1] = SMALL_INT;
        break;
      }
      case Op.UNPACK_SEQUENCE:
      case SOp.UNPACK_SEQUENCE_TWO_TUPLE:
        if (arg !== 2 && arg !== 3) return stop("UNPACK_SEQUENCE of other lengths");
        emit({ uop: `_UNPACK_SEQUENCE_${arg}`, ...t });
        break;
      case SOp.BINARY_OP_ADD_FLOAT:
      case SOp.BINARY_OP_SUB_FLOAT:
      case SOp.BINARY_OP_MUL_FLOAT:
      case SOp.BINARY_OP_DIV_FLOAT:
        emit({ uop: "_GUARD_BOTH_FLOAT", ...t });
        emit({ uop: FLOAT_OPS[op], ...t });
        break;
      case SOp.COMPARE_OP_INT:
      case SOp.COMPARE_OP_FLOAT: {
        const int = op === SOp.COMPARE_OP_INT;
        if (arg < 0 || arg > 5) return stop("compare oparg");
        emit({ uop: int ? "_GUARD_BOTH_INT" : "_GUARD_BOTH_FLOAT", ...t });
        emit({
          uop: int ? "_COMPARE_OP_INT" : "_COMPARE_OP_FLOAT",
          oparg: CMP_MASKS[arg],
          instr: i,
        });
        break;
      }
      case SOp.BINARY_OP_ADD_NUM:
      case SOp.BINARY_OP_SUB_NUM:
      case SOp.BINARY_OP_MUL_NUM:
      case SOp.BINARY_OP_DIV_NUM:
        emit({ uop: "_GUARD_BOTH_NUM", ...t });
        emit({ uop: NUM_OPS[op], ...t });
        break;
      case SOp.COMPARE_OP_NUM:
        if (arg < 0 || arg > 5) return stop("compare oparg");
        emit({ uop: "_GUARD_BOTH_NUM", ...t });
        emit({ uop: "_COMPARE_OP_NUM", oparg: CMP_MASKS[arg], instr: i });
        break;
      case Op.UNARY_NEGATIVE:
        emit({ uop: "_UNARY_NEGATIVE_NUM", ...t });
        break;
      case SOp.LOAD_ATTR_MODULE:
      case SOp.LOAD_METHOD_MODULE: {
        // The module is known now (e.g. loaded from a global): guard its identity and its dict's
        // keys version (hoistable), then read the entry.
        const w = slotWord(stack[stack.length - 1] ?? UNKNOWN);
        if (w === null || w[0] !== HI_REF || U32[w[1] >> 2] !== T_MODULE) {
          return stop("attribute of an unknown module");
        }
        const d = U32[(w[1] + MODULE_DICT) >> 2];
        if (U32[(d + DICT_VERSION) >> 2] !== c0 >>> 0) return stop("module dict changed");
        emit({ uop: "_GUARD_TOS_IS", operand0: (BigInt(HI_REF) << 32n) | BigInt(w[1]), ...t });
        emit({ uop: "_GUARD_DICT_VERSION", operand0: BigInt(d) | (BigInt(c0 >>> 0) << 32n), ...t });
        emit({ uop: "_LOAD_ATTR_MODULE", oparg: c1, operand0: BigInt(d), instr: i });
        stack[stack.length - 1] = U32[(d + DICT_ENTRIES) >> 2] + VALUES_START +
          DICT_ENTRY_BYTES * c1 + 16;
        if (op === SOp.LOAD_METHOD_MODULE) {
          emit({ uop: "_PUSH_NULL", instr: i });
          stack[stack.length - 1] = IS_NULL;
        }
        break;
      }
      case SOp.STORE_ATTR_ADD_SLOT: {
        const shape = info.aux[i];
        if (shape <= 0) return stop("shape transition unknown");
        emit({ uop: "_GUARD_INSTANCE_SHAPE", operand0: BigInt(c0 >>> 0), oparg: c1, ...t });
        emit({ uop: "_STORE_ATTR_ADD_SLOT", oparg: c1, operand0: BigInt(shape), instr: i });
        break;
      }
      case SOp.CALL_BUILTIN: {
        const native = nativeBuiltin(c0, arg);
        if (native === null) return stop(`call of built-in ${builtinTable[c0]?.qualname}`);
        let extra: ProjectedUop | null = null;
        if (native === "_CALL_ISINSTANCE") {
          // The class must be known now: guard its identity, decide subclasses from its MRO.
          const w = slotWord(stack[stack.length - 1] ?? UNKNOWN);
          if (w === null || w[0] !== HI_REF || U32[w[1] >> 2] !== T_TYPE) {
            return stop("isinstance of an unknown class");
          }
          const ct = U32[(w[1] + TYPE_INDEX) >> 2];
          let mask = 0n;
          for (let k = 0; k < FIRST_CLASS_TYPE; k++) {
            if (types[k] !== undefined && types[k].mro.includes(ct)) mask |= 1n << BigInt(k);
          }
          emit({ uop: "_GUARD_TOS_IS", operand0: (BigInt(HI_REF) << 32n) | BigInt(w[1]), ...t });
          extra = { uop: native, oparg: ct, operand0: mask, ...t };
        }
        emit({ uop: "_GUARD_BUILTIN", oparg: arg + 2, operand0: BigInt(c0 >>> 0), ...t });
        emit(extra ?? { uop: native, ...t });
        break;
      }
      case Op.LOAD_METHOD: {
        // A method of a built-in type (their dicts never change): guard the type, push the
        // unbound built-in. The object must be known now to know its type.
        const w = slotWord(stack[stack.length - 1] ?? UNKNOWN);
        if (w === null || w[0] !== HI_REF) return stop("method of an unknown object");
        const ty = U32[w[1] >> 2];
        if (ty >= FIRST_CLASS_TYPE || ty === T_TYPE || ty === T_MODULE || ty === T_SUPER) {
          return stop(`unsupported LOAD_METHOD`);
        }
        const a = lookupType(ty, info.names[arg]);
        if (a === 0 || U32[(a >> 2) + 1] !== HI_REF) return stop("method not found");
        const b = U32[a >> 2];
        if (U32[b >> 2] !== T_BUILTIN || U32[((b + BUILTIN_SELF) >> 2) + 1] !== HI_NULL) {
          return stop("method not a built-in");
        }
        emit({ uop: "_GUARD_TOS_TYPE", operand0: BigInt(ty), ...t });
        emit({
          uop: "_LOAD_METHOD_CONST",
          operand0: (BigInt(HI_REF) << 32n) | BigInt(b),
          instr: i,
        });
        stack[stack.length - 2] = refSlot(b);
        stack[stack.length - 1] = NOT_NULL;
        break;
      }
      case Op.CALL: {
        // list.append(x) of a list whose method LOAD_METHOD above pushed.
        const fw = slotWord(stack[stack.length - (arg + 2)] ?? UNKNOWN);
        const self = stack[stack.length - (arg + 1)] ?? UNKNOWN;
        if (
          fw !== null && fw[0] === HI_REF && self === NOT_NULL && arg === 1 &&
          U32[fw[1] >> 2] === T_BUILTIN && builtinTable[U32[(fw[1] + BUILTIN_INDEX) >> 2]]
              ?.qualname === "list.append"
        ) {
          emit({ uop: "_CALL_LIST_APPEND", ...t });
          break;
        }
        // list.pop() likewise.
        if (
          fw !== null && fw[0] === HI_REF && self === NOT_NULL && arg === 0 &&
          U32[fw[1] >> 2] === T_BUILTIN && builtinTable[U32[(fw[1] + BUILTIN_INDEX) >> 2]]
              ?.qualname === "list.pop"
        ) {
          emit({ uop: "_CALL_LIST_POP", ...t });
          break;
        }
        // range(...) of small ints: the callable (known now, e.g. the builtins entry) is guarded
        // to be the range type; the object is allocated natively.
        if (
          fw !== null && fw[0] === HI_REF && self === IS_NULL && arg >= 1 && arg <= 3 &&
          U32[fw[1] >> 2] === T_TYPE && U32[(fw[1] + TYPE_INDEX) >> 2] === T_RANGE
        ) {
          for (let k = 1; k <= arg; k++) {
            const w = slotWord(stack[stack.length - k] ?? UNKNOWN);
            if (w !== null && w[0] >>> 16 !== TAG_INT) return stop("range() of non-small-ints");
          }
          emit({
            uop: "_GUARD_CALLABLE_IS",
            oparg: arg + 2,
            operand0: (BigInt(HI_REF) << 32n) | BigInt(fw[1]),
            ...t,
          });
          emit({ uop: "_CHECK_ALLOC", oparg: RANGE_BYTES, ...t });
          emit({ uop: `_CALL_RANGE_${arg}`, ...t });
          stack[stack.length - 1] = NEW_RANGE;
          break;
        }
        // int(x) of a float or small int (the callable known now, guarded to be the int type).
        if (
          fw !== null && fw[0] === HI_REF && self === IS_NULL && arg === 1 &&
          U32[fw[1] >> 2] === T_TYPE && U32[(fw[1] + TYPE_INDEX) >> 2] === T_INT
        ) {
          emit({
            uop: "_GUARD_CALLABLE_IS",
            oparg: arg + 2,
            operand0: (BigInt(HI_REF) << 32n) | BigInt(fw[1]),
            ...t,
          });
          emit({ uop: "_CALL_INT_1", ...t });
          break;
        }
        return stop("unsupported CALL");
      }
      case Op.GET_ITER: {
        // Over a range the trace made, or a list, tuple or range known now (type guarded): the
        // iterator is allocated natively.
        const slot = stack[stack.length - 1] ?? UNKNOWN;
        let kind: string | undefined;
        if (slot === NEW_RANGE) kind = "RANGE";
        else {
          const w = slotWord(slot);
          let ty: number;
          if (w !== null && w[0] === HI_REF) ty = U32[w[1] >> 2];
          else {
            // Made in the trace (e.g. an attribute): the FOR_ITER right after it was specialised
            // by tier 1 for the iterator it saw, which tells the sequence type to guard.
            const next = code[(i + 1) * INSTR_WORDS];
            const seen = FOR_ITER_SEQ[next];
            if (slot !== UNKNOWN || seen === undefined) {
              return stop("GET_ITER of an unknown object");
            }
            ty = seen;
          }
          kind = GET_ITER_KIND[ty];
          if (kind === undefined) return stop("unsupported GET_ITER");
          if (kind === "RANGE" && w !== null) {
            for (const off of [RANGE_START, RANGE_STOP, RANGE_STEP]) {
              if (U32[((w[1] + off) >> 2) + 1] >>> 16 !== TAG_INT) {
                return stop("GET_ITER of a big range");
              }
            }
          }
          emit({ uop: "_GUARD_TOS_TYPE", operand0: BigInt(ty), ...t });
        }
        emit({
          uop: "_CHECK_ALLOC",
          oparg: kind === "RANGE" ? RANGE_ITER_BYTES : ITER_BYTES,
          ...t,
        });
        emit({ uop: `_GET_ITER_${kind}`, ...t });
        stack[stack.length - 1] = NEW_ITER[kind];
        break;
      }
      case Op.BUILD_TUPLE: {
        if (arg !== 2 && arg !== 3) return stop("BUILD_TUPLE of other lengths");
        emit({ uop: "_CHECK_ALLOC", oparg: TUPLE_ITEMS + 8 * arg, ...t });
        emit({ uop: `_BUILD_TUPLE_${arg}`, ...t });
        break;
      }
      case Op.LIST_APPEND: {
        emit({ uop: "_LIST_APPEND", oparg: arg, ...t });
        break;
      }
      case Op.IS_OP:
        emit({ uop: "_IS_OP", oparg: arg, instr: i });
        break;
      case Op.UNARY_NOT:
        emit({ uop: "_GUARD_TOS_BOOL", ...t });
        emit({ uop: "_UNARY_NOT", instr: i });
        break;
      case Op.JUMP:
        if (arg <= i) return stop("backward JUMP");
        i = arg;
        continue;
      case Op.JUMP_BACKWARD:
        if (i === o.backEdge && frames.length === 1 && cur.addr === o.frame) {
          emit({ uop: "_JUMP_TO_TOP", jump: 0, instr: i });
          return finish(true, "closed loop");
        }
        return stop("inner loop");
      case SOp.ENTER_EXECUTOR: {
        // A function entry's RESUME (inlined calls of it): nothing to do, as for RESUME.
        if (i === 0) {
          if (frames.length === 1) return stop("unsupported RESUME");
          break;
        }
        const e = o.executorFor(cur.codeIndex, i);
        if (e >= 0) {
          // Continue in that loop's executor: an exit to its head, born linked.
          emit({ uop: "_EXIT_TRACE", target: arg, instr: i, link: e });
          return finish(false, "linked to a loop executor");
        }
        return stop("inner loop");
      }
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE:
      case Op.POP_JUMP_IF_NONE:
      case Op.POP_JUMP_IF_NOT_NONE: {
        const bits = o.historyBits;
        const h = c0 & ((1 << bits) - 1);
        const jumped = popcount(h) * 2 > bits || (bits === 1 && h === 1);
        const next = jumped ? arg : i + 1, other = jumped ? i + 1 : arg;
        let guard: string;
        if (op === Op.POP_JUMP_IF_FALSE || op === Op.POP_JUMP_IF_TRUE) {
          emit({ uop: "_GUARD_TOS_BOOL", ...t });
          // The condition that keeps us on the predicted path:
          const wantTrue = (op === Op.POP_JUMP_IF_TRUE) === jumped;
          guard = wantTrue ? "_GUARD_IS_TRUE_POP" : "_GUARD_IS_FALSE_POP";
        } else {
          const wantNone = (op === Op.POP_JUMP_IF_NONE) === jumped;
          guard = wantNone ? "_GUARD_IS_NONE_POP" : "_GUARD_IS_NOT_NONE_POP";
        }
        emit({ uop: guard, target: other, instr: i });
        if (next <= i) {
          emit({ uop: "_EXIT_TRACE", target: next, instr: i });
          return finish(false, "backward branch");
        }
        i = next;
        continue;
      }
      case Op.FOR_ITER:
      case SOp.FOR_ITER_RANGE:
      case SOp.FOR_ITER_LIST:
      case SOp.FOR_ITER_TUPLE: {
        const slot = stack[stack.length - 1] ?? UNKNOWN;
        const kind = slot >= 0 ? iterKind(slot) : NEW_ITER_KIND[slot] ?? null;
        if (kind === null) return stop("FOR_ITER over an unknown iterator");
        emit({ uop: `_GUARD_ITER_${kind}`, ...t });
        // Exhaustion pops the iterator and leaves the loop, as tier 1 does.
        emit({ uop: `_ITER_CHECK_${kind}`, target: arg, instr: i });
        emit({ uop: `_FOR_ITER_${kind}`, ...t });
        break;
      }
      default:
        return stop(`unsupported ${opName(op)}`);
    }
    i++;
  }
}

/** The kind of the built-in iterator in the frame slot at `slot` (projection time), or null. */
function iterKind(slot: number): string | null {
  if (U32[(slot >> 2) + 1] !== HI_REF) return null;
  const r = U32[slot >> 2];
  const t = U32[r >> 2];
  if (t === T_LIST_ITER) return "LIST";
  if (t === T_TUPLE_ITER) return "TUPLE";
  if (t === T_RANGE_ITER) {
    for (const off of [RANGE_ITER_NEXT, RANGE_ITER_STOP, RANGE_ITER_STEP]) {
      if (U32[((r + off) >> 2) + 1] >>> 16 !== TAG_INT) return null;
    }
    return "RANGE";
  }
  return null;
}
