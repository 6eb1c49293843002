// The uop interpreter: the reference implementation of every uop in TypeScript (DESIGN.md, "Two
// backends"). `-X jit=uops` runs optimised traces here instead of as machine code, and tests use
// it as a differential oracle for the stencils. Semantics are exactly those of the C bodies in
// uops.ts: a uop that exits does so before changing anything, and leaves through its exit record
// (counting the exit, continuing in a linked executor if there is one).
import { getHeap } from "../../ffi/heap.ts";
import {
  F_BUILTINS,
  F_CODE,
  F_DEPTH,
  F_FLAGS,
  F_FUNC,
  F_GLOBALS,
  F_IP,
  F_LOCALS_DICT,
  F_NLOCALSPLUS,
  F_PREV,
  F_RESULT,
  F_SP,
  FRAME_HEADER,
  FRAME_INIT,
} from "../interpreter/frame_layout.ts";
import { frameState } from "../interpreter/frames.ts";
import { FRAME_STACK_BYTES, FRAME_STACK_START } from "../runtime/mem.ts";
import {
  BUILTIN_INDEX,
  BUILTIN_SELF,
  DICT_ENTRIES,
  DICT_USED,
  DICT_VERSION,
  FUNC_GLOBALS,
  FUNC_VERSION,
  grownCapacity,
  INST_SHAPE,
  INST_SLOTS,
  LIST_CAP,
  LIST_ITEMS,
  LIST_LEN,
  NATIVE_LIST_GROW_MAX,
  STR_LEN,
  TUPLE_ITEMS,
  VALUES_START,
} from "../runtime/layout.ts";
import {
  ITER_BYTES,
  ITER_INDEX,
  ITER_SEQ,
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
  T_BOOL,
  T_BUILTIN,
  T_DICT,
  T_FLOAT,
  T_FUNCTION,
  T_INT,
  T_LIST,
  T_LIST_ITER,
  T_NONE,
  T_RANGE,
  T_RANGE_ITER,
  T_STR,
  T_TUPLE,
  T_TUPLE_ITER,
  T_VALUES,
} from "../runtime/type_ids.ts";
import {
  CANONICAL_NAN_HI,
  HI_BOOL,
  HI_FIRST_TAG,
  HI_INT,
  HI_NONE,
  HI_NULL,
  HI_REF,
  SMALL_INT_MAX,
  SMALL_INT_MIN,
} from "../runtime/value.ts";
import { type AllocRegion, regionAllocate } from "../runtime/space.ts";
import { DICT_ENTRY_BYTES, FIRST_CLASS_TYPE } from "./c_header.ts";
import type { UopInstr } from "./codegen.ts";
import { UOP_ID, UOPS } from "./uops.ts";
import { expandTrace, fusedSpec } from "./uops_fused.ts";

const heap = getHeap();
const U32 = heap.u32;
const I32 = heap.i32;
const F64 = heap.f64;
const TWO_32 = 4294967296;

/** What the interpreter needs from the executor layer: exit records and linked traces. */
export interface UopRuntime {
  /** Counts an exit of record `rec` (if >= 0) and returns the trace linked to it, or null. */
  takeExit(rec: number): readonly UopInstr[] | null;
  /** Whether the validity word at this native address is still set (_CHECK_VALIDITY). */
  isValid(address: bigint): boolean;
  /** Counts one iteration of a loop (_JUMP_TO_TOP) on the counter at this native address. */
  countIteration(address: bigint): void;
  /** The allocation region the allocating uops take objects from (as ALLOC does natively). */
  readonly region: AllocRegion;
}

/** LIST_GROW (stencils/template.c): grows list l's items buffer into a new one from the region
 * when it is small enough; false (nothing changed) otherwise. */
function growList(region: AllocRegion, l: number): boolean {
  const n = U32[(l + LIST_LEN) >> 2];
  const ncap = grownCapacity(U32[(l + LIST_CAP) >> 2]);
  const size = VALUES_START + 8 * ncap;
  if (size > NATIVE_LIST_GROW_MAX) return false;
  const nb = regionAllocate(region, T_VALUES, size, 0, 0);
  if (nb === 0) return false;
  const from = U32[(l + LIST_ITEMS) >> 2] + VALUES_START;
  U32.copyWithin((nb + VALUES_START) >> 2, from >> 2, (from + 8 * n) >> 2);
  U32[(l + LIST_ITEMS) >> 2] = nb;
  U32[(l + LIST_CAP) >> 2] = ncap;
  return true;
}

/** The small-int result of a generic int BINARY_OP uop, or null when it exits. */
function intBinary(name: string, a: number, b: number): number | null {
  let r: number;
  switch (name) {
    case "_BINARY_OP_MOD_INT":
      if (b === 0) return null;
      r = a % b;
      if (r !== 0 && (r < 0) !== (b < 0)) r += b;
      return r === 0 ? 0 : r;
    case "_BINARY_OP_FLOORDIV_INT":
      if (b === 0) return null;
      r = Math.floor(a / b);
      // a / b in doubles is exact enough below 2^47 except near ties: fix with the remainder.
      if (a - r * b < 0 && b > 0) r -= 1;
      else if (a - r * b > 0 && b < 0) r -= 1;
      else if (b > 0 && a - r * b >= b) r += 1;
      else if (b < 0 && a - r * b <= b) r += 1;
      break;
    case "_BINARY_OP_RSHIFT_INT":
      if (b < 0) return null;
      return b >= 63 ? (a < 0 ? -1 : 0) : Number(BigInt(a) >> BigInt(b));
    case "_BINARY_OP_LSHIFT_INT":
      if (b < 0 || b >= 48) return null;
      r = a * 2 ** b;
      break;
    default: {
      const x = BigInt(a), y = BigInt(b);
      const z = name === "_BINARY_OP_AND_INT"
        ? x & y
        : name === "_BINARY_OP_OR_INT"
        ? x | y
        : x ^ y;
      return Number(z);
    }
  }
  return r < SMALL_INT_MIN || r > SMALL_INT_MAX ? null : r === 0 ? 0 : r;
}

/** Where the last run left: the exiting uop's index in its trace, its exit record (-1: none) and
 * the frame running then (an inlined callee's when the exit is inside one). */
export const uopExit = { uop: 0, record: -1, target: 0, frame: 0 };

const FRAME_STACK_END = FRAME_STACK_START + FRAME_STACK_BYTES;

const isInt = (a: number) => U32[(a >> 2) + 1] >>> 16 === 0xfff9;
const isFloat = (a: number) => U32[(a >> 2) + 1] < HI_FIRST_TAG;
const isRef = (a: number) => U32[(a >> 2) + 1] === HI_REF;
const isNum = (a: number) => isFloat(a) || isInt(a);
/** A float or small-int word as a number. */
const numAt = (a: number) => isFloat(a) ? F64[a >> 3] : getInt(a);
function getInt(a: number): number {
  const hi = U32[(a >> 2) + 1];
  return ((hi << 16) >> 16) * TWO_32 + U32[a >> 2];
}
function setInt(a: number, n: number): void {
  U32[a >> 2] = n >>> 0;
  U32[(a >> 2) + 1] = (HI_INT | (Math.floor(n / TWO_32) & 0xffff)) >>> 0;
}
function setFloat(a: number, x: number): void {
  if (x !== x) {
    U32[a >> 2] = 0;
    U32[(a >> 2) + 1] = CANONICAL_NAN_HI;
  } else F64[a >> 3] = x;
}
function setBool(a: number, b: boolean): void {
  U32[a >> 2] = b ? 1 : 0;
  U32[(a >> 2) + 1] = HI_BOOL;
}
function setRef(a: number, r: number): void {
  U32[a >> 2] = r;
  U32[(a >> 2) + 1] = HI_REF;
}
function copy(dst: number, src: number): void {
  U32[dst >> 2] = U32[src >> 2];
  U32[(dst >> 2) + 1] = U32[(src >> 2) + 1];
}
const word = (a: number, hi: number, lo: number) => U32[(a >> 2) + 1] === hi && U32[a >> 2] === lo;
const typeOfRef = (a: number) => U32[U32[a >> 2] >> 2];
const tupleLen = (t: number) => (U32[(t >> 2) + 1] - TUPLE_ITEMS) >> 3;
/** Address of the value of dict entry i. */
const entryValue = (d: number, i: number) =>
  U32[(d + DICT_ENTRIES) >> 2] + VALUES_START + DICT_ENTRY_BYTES * i + 16;

function cmp(mask: number, a: number, b: number): boolean {
  const rel = (a < b ? 1 : 0) | (a === b ? 2 : 0) | (a > b ? 4 : 0) | (a !== a || b !== b ? 8 : 0);
  return (rel & mask) !== 0;
}

function intOp(id: number, x: number, y: number): number {
  if (id === ID.ADD) return x + y;
  if (id === ID.SUB) return x - y;
  return x * y;
}

const ID = {
  ADD: UOP_ID._BINARY_OP_ADD_INT,
  SUB: UOP_ID._BINARY_OP_SUB_INT,
};

/**
 * Runs `trace` on the frame at heap offset `frame`, starting with the stack pointer saved in the
 * frame (as the shim's enter() does). Returns when a uop exits to tier 1: F_IP and F_SP are then
 * where tier 1 resumes, and `uopExit` says which uop and record left.
 */
export function interpretTrace(trace: readonly UopInstr[], frame: number, rt: UopRuntime): void {
  trace = expandTrace(trace); // fused uops run as their components (uops_fused.ts)
  let sp = U32[(frame + F_SP) >> 2];
  let locals = frame + FRAME_HEADER;
  let pc = 0;
  for (;;) {
    const ins = trace[pc];
    const arg = ins.oparg ?? 0;
    let exit = false;
    const name = ins.uop;
    switch (name) {
      case "_NOP":
        break;
      case "_LOAD_FAST":
        copy(sp, locals + 8 * arg);
        sp += 8;
        break;
      case "_LOAD_FAST_CHECK":
        if (U32[((locals + 8 * arg) >> 2) + 1] === HI_NULL) exit = true;
        else {
          copy(sp, locals + 8 * arg);
          sp += 8;
        }
        break;
      case "_STORE_FAST":
        sp -= 8;
        copy(locals + 8 * arg, sp);
        break;
      case "_LOAD_CONST": {
        const v = ins.operand0!;
        U32[sp >> 2] = Number(v & 0xffffffffn);
        U32[(sp >> 2) + 1] = Number(v >> 32n);
        sp += 8;
        break;
      }
      case "_POP_TOP":
        sp -= 8;
        break;
      case "_PUSH_NULL":
        U32[sp >> 2] = 0;
        U32[(sp >> 2) + 1] = HI_NULL;
        sp += 8;
        break;
      case "_COPY":
        copy(sp, sp - 8 * arg);
        sp += 8;
        break;
      case "_SWAP": {
        const a = sp - 8, b = sp - 8 * arg;
        const lo = U32[a >> 2], hi = U32[(a >> 2) + 1];
        copy(a, b);
        U32[b >> 2] = lo;
        U32[(b >> 2) + 1] = hi;
        break;
      }
      case "_GUARD_TOS_INT":
        exit = !isInt(sp - 8);
        break;
      case "_GUARD_NOS_INT":
        exit = !isInt(sp - 16);
        break;
      case "_GUARD_BOTH_INT":
        exit = !isInt(sp - 16) || !isInt(sp - 8);
        break;
      case "_GUARD_TOS_FLOAT":
        exit = !isFloat(sp - 8);
        break;
      case "_GUARD_NOS_FLOAT":
        exit = !isFloat(sp - 16);
        break;
      case "_GUARD_BOTH_FLOAT":
        exit = !isFloat(sp - 16) || !isFloat(sp - 8);
        break;
      case "_GUARD_LOCAL_INT":
        exit = !isInt(locals + 8 * arg);
        break;
      case "_GUARD_LOCAL_FLOAT":
        exit = !isFloat(locals + 8 * arg);
        break;
      case "_GUARD_LOCAL_BOUND":
        exit = U32[((locals + 8 * arg) >> 2) + 1] === HI_NULL;
        break;
      case "_GUARD_LOCAL_LIST":
        exit = !isRef(locals + 8 * arg) || typeOfRef(locals + 8 * arg) !== T_LIST;
        break;
      case "_BINARY_OP_ADD_INT":
      case "_BINARY_OP_SUB_INT":
      case "_BINARY_OP_MUL_INT": {
        const r = intOp(UOP_ID[name], getInt(sp - 16), getInt(sp - 8));
        if (r < SMALL_INT_MIN || r > SMALL_INT_MAX) exit = true;
        else {
          setInt(sp - 16, r === 0 ? 0 : r); // -0 from a product is the int 0
          sp -= 8;
        }
        break;
      }
      case "_BINARY_OP_ADD_FLOAT":
        setFloat(sp - 16, F64[(sp - 16) >> 3] + F64[(sp - 8) >> 3]);
        sp -= 8;
        break;
      case "_BINARY_OP_SUB_FLOAT":
        setFloat(sp - 16, F64[(sp - 16) >> 3] - F64[(sp - 8) >> 3]);
        sp -= 8;
        break;
      case "_BINARY_OP_MUL_FLOAT":
        setFloat(sp - 16, F64[(sp - 16) >> 3] * F64[(sp - 8) >> 3]);
        sp -= 8;
        break;
      case "_BINARY_OP_DIV_FLOAT": {
        const b = F64[(sp - 8) >> 3];
        if (b === 0) exit = true;
        else {
          setFloat(sp - 16, F64[(sp - 16) >> 3] / b);
          sp -= 8;
        }
        break;
      }
      case "_COMPARE_OP_INT":
        setBool(sp - 16, cmp(arg, getInt(sp - 16), getInt(sp - 8)));
        sp -= 8;
        break;
      case "_COMPARE_OP_FLOAT":
        setBool(sp - 16, cmp(arg, F64[(sp - 16) >> 3], F64[(sp - 8) >> 3]));
        sp -= 8;
        break;
      case "_IS_OP": {
        const same = U32[(sp - 16) >> 2] === U32[(sp - 8) >> 2] &&
          U32[((sp - 16) >> 2) + 1] === U32[((sp - 8) >> 2) + 1];
        setBool(sp - 16, same !== (arg === 1));
        sp -= 8;
        break;
      }
      case "_GUARD_TOS_BOOL":
        exit = U32[((sp - 8) >> 2) + 1] !== HI_BOOL;
        break;
      case "_UNARY_NOT":
        U32[(sp - 8) >> 2] ^= 1;
        break;
      case "_GUARD_IS_TRUE_POP":
        sp -= 8;
        exit = !word(sp, HI_BOOL, 1);
        break;
      case "_GUARD_IS_FALSE_POP":
        sp -= 8;
        exit = !word(sp, HI_BOOL, 0);
        break;
      case "_GUARD_IS_NONE_POP":
        sp -= 8;
        exit = !word(sp, HI_NONE, 0);
        break;
      case "_GUARD_IS_NOT_NONE_POP":
        sp -= 8;
        exit = word(sp, HI_NONE, 0);
        break;
      case "_GUARD_GLOBALS_VERSION": {
        const g = U32[(frame + F_GLOBALS) >> 2];
        exit = U32[(g + DICT_VERSION) >> 2] !== Number(ins.operand0! & 0xffffffffn);
        break;
      }
      case "_LOAD_GLOBAL_MODULE":
        copy(sp, entryValue(U32[(frame + F_GLOBALS) >> 2], arg));
        sp += 8;
        break;
      case "_LOAD_GLOBAL_BUILTIN":
        copy(sp, entryValue(U32[(frame + F_BUILTINS) >> 2], arg));
        sp += 8;
        break;
      case "_GUARD_INSTANCE_SHAPE": {
        const o = sp - 8;
        if (!isRef(o)) exit = true;
        else {
          const r = U32[o >> 2];
          exit = U32[(r + INST_SHAPE) >> 2] !== Number(ins.operand0!) ||
            U32[r >> 2] < FIRST_CLASS_TYPE || ((U32[(r >> 2) + 1] - INST_SLOTS) >> 3) <= arg;
        }
        break;
      }
      case "_GUARD_SHAPE_SET": {
        const o = sp - 8;
        if (!isRef(o)) exit = true;
        else {
          const r = U32[o >> 2];
          if (U32[r >> 2] < FIRST_CLASS_TYPE) exit = true;
          else {
            const d = U32[(r + INST_SHAPE) >> 2] - Math.floor(arg / 256);
            exit = d < 0 || d >= 64 || ((ins.operand0! >> BigInt(d)) & 1n) === 0n ||
              ((U32[(r >> 2) + 1] - INST_SLOTS) >> 3) < (arg & 0xff);
          }
        }
        break;
      }
      case "_LOAD_ATTR_INSTANCE_VALUE":
        copy(sp - 8, U32[(sp - 8) >> 2] + INST_SLOTS + 8 * arg);
        break;
      case "_STORE_ATTR_INSTANCE_VALUE":
        copy(U32[(sp - 8) >> 2] + INST_SLOTS + 8 * arg, sp - 16);
        sp -= 16;
        break;
      case "_GUARD_NOS_LIST":
        exit = !isRef(sp - 16) || typeOfRef(sp - 16) !== T_LIST;
        break;
      case "_GUARD_NOS_TUPLE":
        exit = !isRef(sp - 16) || typeOfRef(sp - 16) !== T_TUPLE;
        break;
      case "_GUARD_LIST_ITEM_BOOL": {
        const c = U32[(sp - 16) >> 2];
        const n = U32[(c + LIST_LEN) >> 2];
        let i = getInt(sp - 8);
        if (i < 0) i += n;
        exit = i < 0 || i >= n ||
          !word(U32[(c + LIST_ITEMS) >> 2] + VALUES_START + 8 * i, HI_BOOL, arg);
        break;
      }
      case "_BINARY_SUBSCR_LIST_INT":
      case "_BINARY_SUBSCR_TUPLE_INT":
      case "_STORE_SUBSCR_LIST_INT": {
        const c = U32[(sp - 16) >> 2];
        const tuple = name === "_BINARY_SUBSCR_TUPLE_INT";
        const n = tuple ? tupleLen(c) : U32[(c + LIST_LEN) >> 2];
        let i = getInt(sp - 8);
        if (i < 0) i += n;
        if (i < 0 || i >= n) {
          exit = true;
          break;
        }
        const at = tuple
          ? c + TUPLE_ITEMS + 8 * i
          : U32[(c + LIST_ITEMS) >> 2] + VALUES_START + 8 * i;
        if (name === "_STORE_SUBSCR_LIST_INT") {
          copy(at, sp - 24);
          sp -= 24;
        } else {
          copy(sp - 16, at);
          sp -= 8;
        }
        break;
      }
      case "_AUG_LIST_ITEM_ADD_FLOAT_C":
      case "_AUG_LIST_ITEM_SUB_FLOAT_C":
      case "_AUG_LIST_ITEM_MUL_FLOAT_C":
      case "_AUG_LIST_ITEM_DIV_FLOAT_C":
      case "_AUG_LIST_ITEM_ADD_FLOAT_L":
      case "_AUG_LIST_ITEM_SUB_FLOAT_L":
      case "_AUG_LIST_ITEM_MUL_FLOAT_L":
      case "_AUG_LIST_ITEM_DIV_FLOAT_L":
      case "_AUG_LIST_ITEM_ADD_FLOAT_C_MUL":
      case "_AUG_LIST_ITEM_SUB_FLOAT_C_MUL":
      case "_AUG_LIST_ITEM_MUL_FLOAT_C_MUL":
      case "_AUG_LIST_ITEM_DIV_FLOAT_C_MUL": {
        // c[i] op= v (uops.ts, augListItemFloat): every exit pops v. C_MUL: v = a * b of two
        // float locals, computed here (into the free stack slot, which is not part of the stack).
        if (name.endsWith("_C_MUL")) {
          // a and b are proven floats (no check, as in the native uop)
          const xa = locals + 8 * (Math.floor(arg / 65536) & 0xffff);
          const xb = locals + 8 * Math.floor(arg / 2 ** 32);
          setFloat(sp, F64[xa >> 3] * F64[xb >> 3]);
        } else sp -= 8;
        const cAt = locals + 8 * (arg & 0xffff);
        if (!isRef(cAt) || typeOfRef(cAt) !== T_LIST || !isFloat(sp)) {
          exit = true;
          break;
        }
        const c = U32[cAt >> 2];
        const n = U32[(c + LIST_LEN) >> 2];
        let i: number;
        if (!name.endsWith("_L")) i = Number(ins.operand0!);
        else {
          const iAt = locals + 8 * (arg >>> 16);
          if (!isInt(iAt)) {
            exit = true;
            break;
          }
          i = getInt(iAt);
          if (i < 0) i += n;
        }
        if (i < 0 || i >= n) {
          exit = true;
          break;
        }
        const at = U32[(c + LIST_ITEMS) >> 2] + VALUES_START + 8 * i;
        const b = F64[sp >> 3];
        if (!isFloat(at) || (name.includes("_DIV_") && b === 0)) {
          exit = true;
          break;
        }
        const x = F64[at >> 3];
        const op = name.slice("_AUG_LIST_ITEM_".length, "_AUG_LIST_ITEM_".length + 3);
        setFloat(at, op === "ADD" ? x + b : op === "SUB" ? x - b : op === "MUL" ? x * b : x / b);
        break;
      }
      case "_GUARD_ITER_RANGE": {
        if (!isRef(sp - 8) || typeOfRef(sp - 8) !== T_RANGE_ITER) exit = true;
        else {
          const r = U32[(sp - 8) >> 2];
          exit = !isInt(r + RANGE_ITER_NEXT) || !isInt(r + RANGE_ITER_STOP) ||
            !isInt(r + RANGE_ITER_STEP);
        }
        break;
      }
      case "_GUARD_ITER_LIST":
        exit = !isRef(sp - 8) || typeOfRef(sp - 8) !== T_LIST_ITER;
        break;
      case "_GUARD_ITER_TUPLE":
        exit = !isRef(sp - 8) || typeOfRef(sp - 8) !== T_TUPLE_ITER;
        break;
      case "_FOR_ITER_RANGE": {
        const r = U32[(sp - 8) >> 2];
        const v = getInt(r + RANGE_ITER_NEXT), e = getInt(r + RANGE_ITER_STOP);
        const s = getInt(r + RANGE_ITER_STEP);
        const nv = v + s;
        if ((s > 0 ? v >= e : v <= e) || nv > SMALL_INT_MAX || nv < -SMALL_INT_MAX) exit = true;
        else {
          copy(sp, r + RANGE_ITER_NEXT);
          setInt(r + RANGE_ITER_NEXT, nv);
          sp += 8;
        }
        break;
      }
      case "_FOR_ITER_LIST":
      case "_FOR_ITER_TUPLE": {
        const r = U32[(sp - 8) >> 2];
        if (!isRef(r + ITER_SEQ)) {
          exit = true;
          break;
        }
        const seq = U32[(r + ITER_SEQ) >> 2];
        const i = U32[(r + ITER_INDEX) >> 2];
        const list = name === "_FOR_ITER_LIST";
        if (i >= (list ? U32[(seq + LIST_LEN) >> 2] : tupleLen(seq))) {
          exit = true;
          break;
        }
        copy(sp, list ? U32[(seq + LIST_ITEMS) >> 2] + VALUES_START + 8 * i : seq + 16 + 8 * i);
        U32[(r + ITER_INDEX) >> 2] = i + 1;
        sp += 8;
        break;
      }
      case "_FOR_ITER_LIST_CHECKED_STORE":
      case "_FOR_ITER_LIST_CHECKED_UNPACK2": {
        // After _ITER_CHECK_LIST (uops.ts): a list, the index in range.
        const r = U32[(sp - 8) >> 2];
        const seq = U32[(r + ITER_SEQ) >> 2];
        const i = U32[(r + ITER_INDEX) >> 2];
        const at = U32[(seq + LIST_ITEMS) >> 2] + VALUES_START + 8 * i;
        U32[(r + ITER_INDEX) >> 2] = i + 1;
        if (name === "_FOR_ITER_LIST_CHECKED_STORE") {
          copy(locals + 8 * arg, at);
          break;
        }
        let items = 0;
        if (isRef(at)) {
          const o = U32[at >> 2];
          const t = U32[o >> 2];
          if (t === T_TUPLE && tupleLen(o) === 2) items = o + TUPLE_ITEMS;
          else if (t === T_LIST && U32[(o + LIST_LEN) >> 2] === 2) {
            items = U32[(o + LIST_ITEMS) >> 2] + VALUES_START;
          }
        }
        if (items === 0) {
          copy(sp, at);
          sp += 8;
          exit = true;
          break;
        }
        copy(locals + 8 * (arg & 0xffff), items);
        copy(locals + 8 * (arg >>> 16), items + 8);
        break;
      }
      case "_ITER_CHECK_RANGE": {
        const r = U32[(sp - 8) >> 2];
        const v = getInt(r + RANGE_ITER_NEXT), e = getInt(r + RANGE_ITER_STOP);
        if (getInt(r + RANGE_ITER_STEP) > 0 ? v >= e : v <= e) {
          sp -= 8;
          exit = true;
        }
        break;
      }
      case "_ITER_CHECK_LIST":
      case "_ITER_CHECK_TUPLE": {
        const r = U32[(sp - 8) >> 2];
        if (!isRef(r + ITER_SEQ)) {
          sp -= 8;
          exit = true;
          break;
        }
        const seq = U32[(r + ITER_SEQ) >> 2];
        const n = name === "_ITER_CHECK_LIST" ? U32[(seq + LIST_LEN) >> 2] : tupleLen(seq);
        if (U32[(r + ITER_INDEX) >> 2] >= n) {
          U32[(r + ITER_SEQ) >> 2] = 0;
          U32[(r + ITER_SEQ + 4) >> 2] = HI_NONE;
          sp -= 8;
          exit = true;
        }
        break;
      }
      case "_UNPACK_SEQUENCE_2":
      case "_UNPACK_SEQUENCE_3": {
        const n = name === "_UNPACK_SEQUENCE_2" ? 2 : 3;
        if (!isRef(sp - 8)) {
          exit = true;
          break;
        }
        const o = U32[(sp - 8) >> 2];
        const t = U32[o >> 2];
        let items: number;
        if (t === T_TUPLE && tupleLen(o) === n) items = o + TUPLE_ITEMS;
        else if (t === T_LIST && U32[(o + LIST_LEN) >> 2] === n) {
          items = U32[(o + LIST_ITEMS) >> 2] + VALUES_START;
        } else {
          exit = true;
          break;
        }
        for (let k = 0; k < n; k++) copy(sp - 8 + 8 * k, items + 8 * (n - 1 - k));
        sp += 8 * (n - 1);
        break;
      }
      case "_BINARY_OP_MOD_INT":
      case "_BINARY_OP_FLOORDIV_INT":
      case "_BINARY_OP_RSHIFT_INT":
      case "_BINARY_OP_LSHIFT_INT":
      case "_BINARY_OP_AND_INT":
      case "_BINARY_OP_OR_INT":
      case "_BINARY_OP_XOR_INT": {
        const r = intBinary(name, getInt(sp - 16), getInt(sp - 8));
        if (r === null) exit = true;
        else {
          setInt(sp - 16, r);
          sp -= 8;
        }
        break;
      }
      case "_GUARD_TOS_NUM":
        exit = !isNum(sp - 8);
        break;
      case "_GUARD_NOS_NUM":
        exit = !isNum(sp - 16);
        break;
      case "_GUARD_BOTH_NUM":
        exit = !isNum(sp - 16) || !isNum(sp - 8);
        break;
      case "_BINARY_OP_ADD_NUM":
      case "_BINARY_OP_SUB_NUM":
      case "_BINARY_OP_MUL_NUM":
      case "_BINARY_OP_DIV_NUM": {
        const div = name === "_BINARY_OP_DIV_NUM";
        if (!div && !isFloat(sp - 16) && !isFloat(sp - 8)) {
          exit = true;
          break;
        }
        const a = numAt(sp - 16), b = numAt(sp - 8);
        if (div && b === 0) {
          exit = true;
          break;
        }
        setFloat(
          sp - 16,
          name === "_BINARY_OP_ADD_NUM"
            ? a + b
            : name === "_BINARY_OP_SUB_NUM"
            ? a - b
            : name === "_BINARY_OP_MUL_NUM"
            ? a * b
            : a / b,
        );
        sp -= 8;
        break;
      }
      case "_COMPARE_OP_NUM":
        setBool(sp - 16, cmp(arg, numAt(sp - 16), numAt(sp - 8)));
        sp -= 8;
        break;
      case "_UNARY_NEGATIVE_NUM": {
        const x = sp - 8;
        if (isFloat(x)) setFloat(x, -F64[x >> 3]);
        else if (isInt(x) && -getInt(x) <= SMALL_INT_MAX) setInt(x, -getInt(x) + 0);
        else exit = true;
        break;
      }
      case "_GUARD_TOS_IS": {
        const w = ins.operand0!;
        exit = !word(sp - 8, Number(w >> 32n), Number(w & 0xffffffffn));
        break;
      }
      case "_GUARD_DICT_VERSION": {
        const o = ins.operand0!;
        exit = U32[(Number(o & 0xffffffffn) + DICT_VERSION) >> 2] !== Number(o >> 32n);
        break;
      }
      case "_LOAD_ATTR_MODULE":
        copy(sp - 8, entryValue(Number(ins.operand0! & 0xffffffffn), arg));
        break;
      case "_STORE_ATTR_ADD_SLOT": {
        const r = U32[(sp - 8) >> 2];
        copy(r + INST_SLOTS + 8 * arg, sp - 16);
        U32[(r + INST_SHAPE) >> 2] = Number(ins.operand0! & 0xffffffffn);
        sp -= 16;
        break;
      }
      case "_GUARD_TOS_TYPE":
        exit = !isRef(sp - 8) || typeOfRef(sp - 8) !== Number(ins.operand0!);
        break;
      case "_GUARD_BUILTIN": {
        const c = sp - 8 * arg;
        if (!isRef(c) || U32[((c + 8) >> 2) + 1] !== HI_NULL) exit = true;
        else {
          const r = U32[c >> 2];
          exit = U32[r >> 2] !== T_BUILTIN ||
            U32[(r + BUILTIN_INDEX) >> 2] !== Number(ins.operand0!) ||
            U32[((r + BUILTIN_SELF) >> 2) + 1] !== HI_NULL;
        }
        break;
      }
      case "_GUARD_GLOBAL_IS": {
        const w = ins.operand0!;
        const at = entryValue(U32[(frame + F_GLOBALS) >> 2], arg);
        exit = !word(at, Number(w >> 32n), Number(w & 0xffffffffn));
        break;
      }
      case "_CALL_SQRT_ATTR_S":
      case "_CALL_SQRT_ATTR_L": {
        // m.sqrt(x) (uops.ts, callSqrtAttr): every exit leaves x popped.
        let x = locals + 8 * (Math.floor(arg / 65536) & 0xffff);
        if (name === "_CALL_SQRT_ATTR_S") {
          sp -= 8;
          x = sp;
        }
        const f = entryValue(Number(ins.operand0! & 0xffffffffn), arg & 0xffff);
        if (!isRef(f) || !isNum(x)) {
          exit = true;
          break;
        }
        const r = U32[f >> 2];
        const d = numAt(x);
        if (
          U32[r >> 2] !== T_BUILTIN ||
          U32[(r + BUILTIN_INDEX) >> 2] !== Math.floor(arg / 2 ** 32) ||
          U32[((r + BUILTIN_SELF) >> 2) + 1] !== HI_NULL || d < 0
        ) {
          exit = true;
          break;
        }
        setFloat(sp, Math.sqrt(d));
        sp += 8;
        break;
      }
      case "_CALL_SQRT": {
        if (!isNum(sp - 8)) {
          exit = true;
          break;
        }
        const d = numAt(sp - 8);
        if (d < 0) {
          exit = true;
          break;
        }
        setFloat(sp - 24, Math.sqrt(d));
        sp -= 16;
        break;
      }
      case "_CALL_LEN": {
        if (!isRef(sp - 8)) {
          exit = true;
          break;
        }
        const o = U32[(sp - 8) >> 2];
        const t = U32[o >> 2];
        const n = t === T_LIST
          ? U32[(o + LIST_LEN) >> 2]
          : t === T_TUPLE
          ? tupleLen(o)
          : t === T_STR
          ? U32[(o + STR_LEN) >> 2]
          : t === T_DICT
          ? U32[(o + DICT_USED) >> 2]
          : -1;
        if (n < 0) {
          exit = true;
          break;
        }
        setInt(sp - 24, n);
        sp -= 16;
        break;
      }
      case "_CALL_ABS": {
        const x = sp - 8;
        if (isFloat(x)) {
          copy(sp - 24, x);
          U32[((sp - 24) >> 2) + 1] &= 0x7fffffff;
        } else if (isInt(x)) {
          const v = Math.abs(getInt(x));
          if (v > SMALL_INT_MAX) {
            exit = true;
            break;
          }
          setInt(sp - 24, v);
        } else {
          exit = true;
          break;
        }
        sp -= 16;
        break;
      }
      case "_CALL_INT_1": {
        const x = sp - 8;
        if (isFloat(x)) {
          const d = F64[x >> 3];
          if (!(Math.abs(d) < 140737488355328)) {
            exit = true;
            break;
          }
          setInt(sp - 24, Math.trunc(d));
        } else if (isInt(x)) copy(sp - 24, x);
        else {
          exit = true;
          break;
        }
        sp -= 16;
        break;
      }
      case "_CALL_MIN":
      case "_CALL_MAX": {
        const a = sp - 16, b = sp - 8;
        let x: number, y: number;
        if (isFloat(a) && isFloat(b)) {
          x = F64[a >> 3];
          y = F64[b >> 3];
        } else if (isInt(a) && isInt(b)) {
          x = getInt(a);
          y = getInt(b);
        } else {
          exit = true;
          break;
        }
        const take = name === "_CALL_MIN" ? y < x : y > x;
        copy(sp - 32, take ? b : a);
        sp -= 24;
        break;
      }
      case "_CALL_ISINSTANCE": {
        const x = sp - 16;
        const hi = U32[(x >> 2) + 1];
        const t = hi < HI_FIRST_TAG
          ? T_FLOAT
          : hi >>> 16 === 0xfff9
          ? T_INT
          : hi === HI_REF
          ? typeOfRef(x)
          : hi === HI_BOOL
          ? T_BOOL
          : hi === HI_NONE
          ? T_NONE
          : -1;
        let yes: boolean;
        if (t < 0) {
          exit = true;
          break;
        } else if (t < FIRST_CLASS_TYPE) yes = ((ins.operand0! >> BigInt(t)) & 1n) === 1n;
        else if (t === arg) yes = true;
        else {
          exit = true;
          break;
        }
        setBool(sp - 32, yes);
        sp -= 24;
        break;
      }
      case "_CALL_LIST_APPEND": {
        const l = U32[(sp - 16) >> 2];
        const n = U32[(l + LIST_LEN) >> 2];
        if (n >= U32[(l + LIST_CAP) >> 2] && !growList(rt.region, l)) {
          exit = true;
          break;
        }
        copy(U32[(l + LIST_ITEMS) >> 2] + VALUES_START + 8 * n, sp - 8);
        U32[(l + LIST_LEN) >> 2] = n + 1;
        U32[(sp - 24) >> 2] = 0;
        U32[((sp - 24) >> 2) + 1] = HI_NONE;
        sp -= 16;
        break;
      }
      case "_GUARD_FUNC_VERSION": {
        const c = sp - 8 * arg;
        exit = !isRef(c) || typeOfRef(c) !== T_FUNCTION ||
          U32[(U32[c >> 2] + FUNC_VERSION) >> 2] !== Number(ins.operand0! & 0xffffffffn);
        break;
      }
      case "_PUSH_FRAME": {
        const argc = arg & 0xff, self = (arg >> 8) & 1, n = arg >>> 16;
        const o = ins.operand0!;
        const ci = Number(o & 0xffffffffn), bytes = Number(o >> 32n);
        const base = sp - 8 * (argc + 2);
        const depth = U32[(frame + F_DEPTH) >> 2] + 1;
        const f = frameState.top;
        if (depth > frameState.recursionLimit || f + bytes > FRAME_STACK_END) {
          exit = true;
          break;
        }
        U32[(frame + F_IP) >> 2] = ins.target!;
        U32[(frame + F_SP) >> 2] = sp;
        const fn = U32[base >> 2];
        const fi = f >> 2;
        U32[fi + (F_CODE >> 2)] = ci;
        U32[fi + (F_IP >> 2)] = 0;
        U32[fi + (F_PREV >> 2)] = frame;
        U32[fi + (F_GLOBALS >> 2)] = U32[(fn + FUNC_GLOBALS) >> 2];
        U32[fi + (F_FUNC >> 2)] = fn;
        U32[fi + (F_BUILTINS >> 2)] = U32[(frame + F_BUILTINS) >> 2];
        U32[fi + (F_FLAGS >> 2)] = (arg >> 9) & 1 ? FRAME_INIT : 0;
        U32[fi + (F_LOCALS_DICT >> 2)] = 0;
        U32[fi + (F_NLOCALSPLUS >> 2)] = n;
        U32[fi + (F_RESULT >> 2)] = base;
        U32[fi + (F_DEPTH >> 2)] = depth;
        const args = base + 16 - 8 * self;
        const nargs = argc + self;
        for (let k = 0; k < nargs; k++) copy(f + FRAME_HEADER + 8 * k, args + 8 * k);
        for (let k = nargs; k < n; k++) {
          U32[(f + FRAME_HEADER + 8 * k) >> 2] = 0;
          U32[((f + FRAME_HEADER + 8 * k) >> 2) + 1] = HI_NULL;
        }
        U32[fi + (F_SP >> 2)] = f + FRAME_HEADER + 8 * n;
        frameState.top = f + bytes;
        frame = f;
        locals = f + FRAME_HEADER;
        sp = f + FRAME_HEADER + 8 * n;
        break;
      }
      case "_GUARD_CALLER": {
        const o = ins.operand0!;
        const p = U32[(frame + F_PREV) >> 2];
        exit = p === 0 || U32[(p + F_CODE) >> 2] !== Number(o & 0xffffffffn) ||
          U32[(p + F_IP) >> 2] !== Number(o >> 32n);
        break;
      }
      case "_GUARD_FRAME_ROOM":
        exit = U32[(frame + F_DEPTH) >> 2] + 1 > frameState.recursionLimit ||
          frameState.top + arg > FRAME_STACK_END;
        break;
      case "_ALLOC_INIT_SELF": {
        const o = ins.operand0!;
        const inst = regionAllocate(rt.region, Number(o & 0xffffffffn), arg >>> 16, 1, 1);
        if (inst === 0) {
          exit = true;
          break;
        }
        U32[(inst + INST_SHAPE) >> 2] = Number(o >> 32n);
        const c = sp - 8 * (arg & 0xffff);
        setRef(c, inst);
        setRef(c + 8, inst);
        break;
      }
      case "_POP_FRAME_INIT": {
        const out = U32[(frame + F_RESULT) >> 2];
        if (
          U32[(frame + F_FLAGS) >> 2] !== FRAME_INIT || out === 0 || U32[(sp - 4) >> 2] !== HI_NONE
        ) {
          exit = true;
          break;
        }
        frameState.top = frame;
        frame = U32[(frame + F_PREV) >> 2];
        locals = frame + FRAME_HEADER;
        sp = out + 8;
        break;
      }
      case "_POP_FRAME": {
        const out = U32[(frame + F_RESULT) >> 2];
        if (U32[(frame + F_FLAGS) >> 2] !== 0 || out === 0) {
          exit = true;
          break;
        }
        copy(out, sp - 8);
        frameState.top = frame;
        frame = U32[(frame + F_PREV) >> 2];
        locals = frame + FRAME_HEADER;
        sp = out + 8;
        break;
      }
      case "_GUARD_TYPE_AND_SHAPE": {
        const o = ins.operand0!;
        if (!isRef(sp - 8)) exit = true;
        else {
          const r = U32[(sp - 8) >> 2];
          exit = U32[r >> 2] !== Number(o & 0xffffffffn) ||
            U32[(r + INST_SHAPE) >> 2] !== Number(o >> 32n);
        }
        break;
      }
      case "_LOAD_METHOD_CONST": {
        const v = ins.operand0!;
        copy(sp, sp - 8);
        U32[(sp - 8) >> 2] = Number(v & 0xffffffffn);
        U32[((sp - 8) >> 2) + 1] = Number(v >> 32n);
        sp += 8;
        break;
      }
      case "_CHECK_ALLOC": {
        const v = rt.region.view;
        const rem = v[rt.region.end] - v[rt.region.ptr];
        exit = rem < arg || rem - arg === 8;
        break;
      }
      case "_BUILD_TUPLE_2":
      case "_BUILD_TUPLE_3": {
        const n = name === "_BUILD_TUPLE_2" ? 2 : 3;
        const t = regionAllocate(rt.region, T_TUPLE, TUPLE_ITEMS + 8 * n, 0, 0);
        if (t === 0) {
          exit = true;
          break;
        }
        for (let k = 0; k < n; k++) copy(t + TUPLE_ITEMS + 8 * k, sp - 8 * (n - k));
        setRef(sp - 8 * n, t);
        sp -= 8 * (n - 1);
        break;
      }
      case "_GET_ITER_LIST":
      case "_GET_ITER_TUPLE": {
        const type = name === "_GET_ITER_LIST" ? T_LIST_ITER : T_TUPLE_ITER;
        const it = regionAllocate(rt.region, type, ITER_BYTES, 1, 0);
        if (it === 0) {
          exit = true;
          break;
        }
        copy(it + ITER_SEQ, sp - 8);
        setRef(sp - 8, it);
        break;
      }
      case "_GET_ITER_RANGE": {
        const r = U32[(sp - 8) >> 2];
        if (!isInt(r + RANGE_START) || !isInt(r + RANGE_STOP) || !isInt(r + RANGE_STEP)) {
          exit = true;
          break;
        }
        const it = regionAllocate(rt.region, T_RANGE_ITER, RANGE_ITER_BYTES, 0, 0);
        if (it === 0) {
          exit = true;
          break;
        }
        copy(it + RANGE_ITER_NEXT, r + RANGE_START);
        copy(it + RANGE_ITER_STOP, r + RANGE_STOP);
        copy(it + RANGE_ITER_STEP, r + RANGE_STEP);
        setRef(sp - 8, it);
        break;
      }
      case "_GUARD_CALLABLE_IS": {
        const c = sp - 8 * arg, w = ins.operand0!;
        exit = !word(c, Number(w >> 32n), Number(w & 0xffffffffn)) ||
          U32[((c + 8) >> 2) + 1] !== HI_NULL || U32[(c + 8) >> 2] !== 0;
        break;
      }
      case "_CALL_RANGE_1":
      case "_CALL_RANGE_2":
      case "_CALL_RANGE_3": {
        const n = name === "_CALL_RANGE_1" ? 1 : name === "_CALL_RANGE_2" ? 2 : 3;
        const args = sp - 8 * n;
        const a = n === 1 ? -1 : args, b = n === 1 ? args : args + 8, c = n === 3 ? args + 16 : -1;
        if (
          (a >= 0 && !isInt(a)) || !isInt(b) || (c >= 0 && (!isInt(c) || getInt(c) === 0))
        ) {
          exit = true;
          break;
        }
        const r = regionAllocate(rt.region, T_RANGE, RANGE_BYTES, 0, 0);
        if (r === 0) {
          exit = true;
          break;
        }
        if (a >= 0) copy(r + RANGE_START, a);
        else setInt(r + RANGE_START, 0);
        copy(r + RANGE_STOP, b);
        if (c >= 0) copy(r + RANGE_STEP, c);
        else setInt(r + RANGE_STEP, 1);
        sp -= 8 * (n + 1);
        setRef(sp - 8, r);
        break;
      }
      case "_LIST_APPEND": {
        const lw = sp - 8 - 8 * arg;
        if (!isRef(lw) || typeOfRef(lw) !== T_LIST) {
          exit = true;
          break;
        }
        const l = U32[lw >> 2];
        const n = U32[(l + LIST_LEN) >> 2];
        if (n >= U32[(l + LIST_CAP) >> 2] && !growList(rt.region, l)) {
          exit = true;
          break;
        }
        const items = U32[(l + LIST_ITEMS) >> 2];
        if (VALUES_START + 8 * (n + 1) > U32[(items >> 2) + 1]) {
          exit = true;
          break;
        }
        copy(items + VALUES_START + 8 * n, sp - 8);
        U32[(l + LIST_LEN) >> 2] = n + 1;
        sp -= 8;
        break;
      }
      case "_CALL_LIST_POP": {
        const l = U32[(sp - 8) >> 2];
        const n = U32[(l + LIST_LEN) >> 2];
        const items = U32[(l + LIST_ITEMS) >> 2];
        if (n === 0 || VALUES_START + 8 * n > U32[(items >> 2) + 1]) {
          exit = true;
          break;
        }
        copy(sp - 16, items + VALUES_START + 8 * (n - 1));
        U32[(l + LIST_LEN) >> 2] = n - 1;
        sp -= 8;
        break;
      }
      case "_CHECK_VALIDITY":
        exit = !rt.isValid(ins.operand0!);
        if (!exit) rt.countIteration(ins.operand0! + 8n);
        break;
      case "_JUMP_TO_TOP":
        if (ins.operand0 !== undefined && ins.operand0 !== 0n) rt.countIteration(ins.operand0);
        pc = ins.jump ?? 0;
        continue;
      case "_EXIT_TRACE":
        exit = true;
        break;
      default:
        throw new Error(`uop interpreter: no case for ${name}`);
    }
    if (exit) {
      const linked = rt.takeExit(ins.exit ?? -1);
      if (linked !== null) {
        trace = expandTrace(linked);
        pc = 0;
        continue;
      }
      uopExit.uop = pc;
      uopExit.record = ins.exit ?? -1;
      uopExit.target = ins.target ?? 0;
      uopExit.frame = frame;
      U32[(frame + F_IP) >> 2] = ins.target ?? 0;
      U32[(frame + F_SP) >> 2] = sp;
      return;
    }
    pc++;
  }
}

/** Names of the uops this interpreter implements (a test checks it is every uop). */
export function interpretedUops(): string[] {
  const src = interpretTrace.toString();
  return UOPS.map((u) => u.name).filter((n) =>
    src.includes(`case "${n}"`) || (fusedSpec(n) !== undefined && src.includes("expandTrace"))
  );
}

void I32;
