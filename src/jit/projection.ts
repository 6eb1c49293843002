// Trace projection (DESIGN.md, "Tier 2"): from a hot back-edge (or a hot side exit) walk the
// specialised bytecode into uops. A specialised instruction becomes guards plus an action whose
// side exits resume tier 1 at that instruction; conditional jumps become guards on the direction
// the branch history says is likely; the walk closes the loop at its head (_JUMP_TO_TOP), or ends
// cleanly with _EXIT_TRACE at an instruction it cannot translate or at the length budget.
import { Op } from "../compiler/opcodes.ts";
import { INSTR_WORDS } from "../compiler/code.ts";
import { codes } from "../runtime/func.ts";
import { TUPLE_ITEMS } from "../runtime/layout.ts";
import { RANGE_ITER_NEXT, RANGE_ITER_STEP, RANGE_ITER_STOP } from "../runtime/lib/iter_layout.ts";
import { T_LIST_ITER, T_RANGE_ITER, T_TUPLE_ITER } from "../runtime/type_ids.ts";
import { HI_REF, TAG_INT } from "../runtime/value.ts";
import { opName, SOp } from "../interpreter/spec_ops.ts";
import { F_SP, FRAME_HEADER } from "../interpreter/frame_layout.ts";
import { getHeap } from "../../ffi/heap.ts";
import type { UopInstr } from "./codegen.ts";
import { CMP_MASKS, uopDef } from "./uops.ts";

const U32 = getHeap().u32;

/** A uop before executor assembly: `link` = id of an executor this exit is born linked to. */
export interface ProjectedUop extends UopInstr {
  /** Bytecode instruction this uop came from (for dumps). */
  readonly instr: number;
  readonly link?: number;
}

export interface Projection {
  readonly uops: ProjectedUop[];
  /** Bytecode instructions walked, in order. */
  readonly instrs: number[];
  /** True when the trace closes the loop (ends with _JUMP_TO_TOP). */
  readonly closed: boolean;
  /** Why the walk stopped. */
  readonly end: string;
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
  maxUops?: number;
}

export const MAX_TRACE_UOPS = 400;

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

export function project(o: ProjectOptions): Projection {
  const info = codes[o.codeIndex];
  const code = info.code.code;
  const maxUops = o.maxUops ?? MAX_TRACE_UOPS;
  const uops: ProjectedUop[] = [];
  const instrs: number[] = [];
  // The abstract stack: for each slot, the heap address of the frame slot it still is at
  // projection time (values present when the trace starts), or -1 (made inside the trace).
  const frameSp = U32[(o.frame + F_SP) >> 2];
  const entry: number[] = [];
  const stackBase = o.frame + FRAME_HEADER + 8 * info.nlocalsplus;
  for (let a = stackBase; a < frameSp; a += 8) entry.push(a);
  const stack = entry;

  const emit = (u: ProjectedUop) => {
    uops.push(u);
    const d = uopDef(u.uop);
    if (u.uop === "_SWAP") {
      const n = u.oparg!;
      const t = stack[stack.length - 1];
      stack[stack.length - 1] = stack[stack.length - n];
      stack[stack.length - n] = t;
    } else if (u.uop === "_COPY") {
      stack.push(stack[stack.length - u.oparg!] ?? -1);
    } else if (!(d.flags.guard && d.pops === d.pushes)) {
      for (let k = 0; k < d.pops; k++) stack.pop();
      for (let k = 0; k < d.pushes; k++) stack.push(-1);
    }
  };
  const finish = (closed: boolean, end: string): Projection => ({ uops, instrs, closed, end });

  let i = o.start;
  const seen = new Set<number>();
  for (;;) {
    if (uops.length >= maxUops) {
      emit({ uop: "_EXIT_TRACE", target: i, instr: i });
      return finish(false, "length budget");
    }
    if (seen.has(i)) {
      // A forward walk never revisits an instruction unless it is looping without our back-edge.
      emit({ uop: "_EXIT_TRACE", target: i, instr: i });
      return finish(false, "inner cycle");
    }
    seen.add(i);
    const ip = i * INSTR_WORDS;
    const op = code[ip], arg = code[ip + 1], c0 = code[ip + 2], c1 = code[ip + 3];
    const t = { target: i, instr: i };
    const stop = (why: string) => {
      emit({ uop: "_EXIT_TRACE", ...t });
      return finish(false, why);
    };
    instrs.push(i);
    switch (op) {
      case Op.NOP:
        break;
      case Op.POP_TOP:
        emit({ uop: "_POP_TOP", instr: i });
        break;
      case Op.PUSH_NULL:
        emit({ uop: "_PUSH_NULL", instr: i });
        break;
      case Op.COPY:
        emit({ uop: "_COPY", oparg: arg, instr: i });
        break;
      case Op.SWAP:
        emit({ uop: "_SWAP", oparg: arg, instr: i });
        break;
      case Op.LOAD_CONST:
        emit({
          uop: "_LOAD_CONST",
          operand0: wordAt(info.consts + TUPLE_ITEMS + 8 * arg),
          instr: i,
        });
        break;
      case Op.LOAD_FAST:
        emit({ uop: "_LOAD_FAST_CHECK", oparg: arg, ...t });
        break;
      case Op.STORE_FAST:
        emit({ uop: "_STORE_FAST", oparg: arg, instr: i });
        break;
      case SOp.LOAD_GLOBAL_MODULE:
      case SOp.LOAD_GLOBAL_BUILTIN:
        emit({ uop: "_GUARD_GLOBALS_VERSION", operand0: BigInt(c0 >>> 0), ...t });
        emit({
          uop: op === SOp.LOAD_GLOBAL_MODULE ? "_LOAD_GLOBAL_MODULE" : "_LOAD_GLOBAL_BUILTIN",
          oparg: c1,
          instr: i,
        });
        break;
      case SOp.LOAD_ATTR_INSTANCE_VALUE:
      case SOp.STORE_ATTR_INSTANCE_VALUE:
        emit({ uop: "_GUARD_INSTANCE_SHAPE", operand0: BigInt(c0 >>> 0), oparg: c1, ...t });
        emit({
          uop: op === SOp.LOAD_ATTR_INSTANCE_VALUE
            ? "_LOAD_ATTR_INSTANCE_VALUE"
            : "_STORE_ATTR_INSTANCE_VALUE",
          oparg: c1,
          instr: i,
        });
        break;
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
        if (i === o.backEdge) {
          emit({ uop: "_JUMP_TO_TOP", jump: 0, instr: i });
          return finish(true, "closed loop");
        }
        return stop("inner loop");
      case SOp.ENTER_EXECUTOR: {
        const e = o.executorFor(o.codeIndex, i);
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
        const slot = stack[stack.length - 1] ?? -1;
        const kind = slot >= 0 ? iterKind(slot) : null;
        if (kind === null) return stop("FOR_ITER over an unknown iterator");
        emit({ uop: `_GUARD_ITER_${kind}`, ...t });
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
