// Installs the interpreter's hooks (interpreter/hooks.ts) from the runtime library: container
// builders for BUILD_SET / LIST_EXTEND / DICT_MERGE..., and the FOR_ITER fast path over the
// built-in iterators whose layouts lib/iter_layout.ts fixes.
import { u32, W } from "./mem.ts";
import { allocate } from "./space.ts";
import {
  T_DICT,
  T_LIST_ITER,
  T_RANGE_ITER,
  T_SET,
  T_SLICE,
  T_STR,
  T_TUPLE_ITER,
} from "./type_ids.ts";
import { dictFilled, dictGetAddr, dictSet, entryAddr, entryLive } from "./dict.ts";
import { newSet, setAddKey, setUpdate as setUpdateInternal } from "./set.ts";
import { getAttr, getItem, getIter, iterNext, typeName } from "./ops.ts";
import { tempPopTo, tempPush } from "./roots.ts";
import { typeError } from "./errors.ts";
import { intern, strValue } from "./str.ts";
import { tupleLen } from "./seq.ts";
import { LIST_ITEMS, LIST_LEN, TUPLE_ITEMS, VALUES_START } from "./layout.ts";
import { interpHooks } from "../interpreter/hooks.ts";
import { listExtend } from "./lib/list.ts";
import {
  ITER_INDEX,
  ITER_SEQ,
  MODULE_DICT,
  MODULE_NAME,
  RANGE_ITER_NEXT,
  RANGE_ITER_STEP,
  RANGE_ITER_STOP,
} from "./lib/iter_layout.ts";
import { HI_REF, TAG_INT } from "./value.ts";
import { SMALL_INT_MAX } from "./value.ts";

/** SET_ADD (set comprehensions): set.add. */
function setAdd(set: number, item: number): void {
  setAddKey(set, item);
}

/** SET_UPDATE (set displays with * or constant items): set_update_internal. */
function setUpdate(set: number, iterable: number): void {
  setUpdateInternal(set, iterable);
}

function dictItems(d: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < dictFilled(d); i++) {
    if (entryLive(d, i)) out.push([entryAddr(d, i) + 8, entryAddr(d, i) + 16]);
  }
  return out;
}

function dictUpdate(d: number, mapping: number, merge: boolean, callee: number): void {
  if (!(W.isRef(mapping) && u32[W.getRef(mapping) >> 2] === T_DICT)) {
    if (merge) {
      throw typeError(
        `${calleeName(callee)} argument after ** must be a mapping, not ${typeName(mapping)}`,
      );
    }
    // mapping protocol: keys() then [k]
    const tmp = tempPush(3);
    try {
      getAttr(mapping, intern("keys"), tmp);
      interpCall(tmp, tmp + 8);
      getIter(tmp + 8, tmp + 8);
      while (iterNext(tmp + 8, tmp)) {
        getItem(mapping, tmp, tmp + 16);
        dictSet(d, tmp, tmp + 16);
      }
    } finally {
      tempPopTo(tmp);
    }
    return;
  }
  const src = W.getRef(mapping);
  for (const [k, v] of dictItems(src)) {
    if (merge && dictGetAddr(d, k) !== 0) {
      const key = W.isRef(k) && u32[W.getRef(k) >> 2] === T_STR ? strValue(W.getRef(k)) : "?";
      throw typeError(`${calleeName(callee)} got multiple values for keyword argument '${key}'`);
    }
    dictSet(d, k, v);
  }
}

function interpCall(fnSlot: number, out: number): void {
  callHookRef.call(fnSlot, out, 0, 0, out);
}
import { callHook as callHookRef } from "./ops.ts";

function calleeName(slot: number): string {
  if (slot === 0) return "function";
  try {
    const t = tempPush(1);
    const ok = W.isRef(slot);
    if (ok) {
      getAttr(slot, intern("__qualname__"), t);
      const s = strValue(W.getRef(t)) + "()";
      tempPopTo(t);
      return s;
    }
    tempPopTo(t);
  } catch {
    // fall through
  }
  return "function";
}

/** FOR_ITER over list, tuple and small-int range iterators without a call. */
function forIterFast(it: number, out: number): number {
  if (u32[(it >> 2) + 1] !== HI_REF) return -1;
  const r = u32[it >> 2];
  const t = u32[r >> 2];
  if (t === T_RANGE_ITER) {
    const n = r + RANGE_ITER_NEXT, stop = r + RANGE_ITER_STOP, step = r + RANGE_ITER_STEP;
    if (
      u32[(n >> 2) + 1] >>> 16 !== TAG_INT || u32[(stop >> 2) + 1] >>> 16 !== TAG_INT ||
      u32[(step >> 2) + 1] >>> 16 !== TAG_INT
    ) return -1;
    const v = W.getInt(n), s = W.getInt(step), e = W.getInt(stop);
    if (s > 0 ? v >= e : v <= e) return 0;
    const nv = v + s;
    if (nv > SMALL_INT_MAX || nv < -SMALL_INT_MAX) return -1;
    W.copy(out, n);
    W.setInt(n, nv);
    return 1;
  }
  if (t === T_LIST_ITER) {
    const seq = r + ITER_SEQ;
    if (!W.isRef(seq)) return 0;
    const l = W.getRef(seq);
    const i = u32[(r + ITER_INDEX) >> 2];
    if (i >= u32[(l + LIST_LEN) >> 2]) {
      W.setNone(seq);
      return 0;
    }
    W.copy(out, u32[(l + LIST_ITEMS) >> 2] + VALUES_START + 8 * i);
    u32[(r + ITER_INDEX) >> 2] = i + 1;
    return 1;
  }
  if (t === T_TUPLE_ITER) {
    const seq = r + ITER_SEQ;
    if (!W.isRef(seq)) return 0;
    const tu = W.getRef(seq);
    const i = u32[(r + ITER_INDEX) >> 2];
    if (i >= tupleLen(tu)) {
      W.setNone(seq);
      return 0;
    }
    W.copy(out, tu + TUPLE_ITEMS + 8 * i);
    u32[(r + ITER_INDEX) >> 2] = i + 1;
    return 1;
  }
  return -1;
}

export function wireInterpreter(): void {
  interpHooks.newSlice = (start, stop, step) => {
    const s = allocate(T_SLICE, 40, 0, 0);
    W.copy(s + 16, start);
    W.copy(s + 24, stop);
    if (step === 0) W.setNone(s + 32);
    else W.copy(s + 32, step);
    return s;
  };
  // BUILD_SET n: PySet_New(NULL), then PySet_Add of each item from the first.
  interpHooks.newSetFrom = (items, n) => {
    const s = newSet(T_SET);
    for (let k = 0; k < n; k++) setAddKey(s, items + 8 * k);
    return s;
  };
  interpHooks.setAdd = setAdd;
  interpHooks.listExtend = listExtend;
  interpHooks.setUpdate = setUpdate;
  interpHooks.dictUpdate = dictUpdate;
  interpHooks.dictItems = dictItems;
  interpHooks.moduleName = (
    m,
  ) => (W.isRef(m) ? strValue(u32[(W.getRef(m) + MODULE_NAME) >> 2]) : "?");
  interpHooks.importStar = (m, globals) => {
    const d = u32[(W.getRef(m) + MODULE_DICT) >> 2];
    for (const [k, v] of dictItems(d)) {
      if (W.isRef(k) && !strValue(W.getRef(k)).startsWith("_")) dictSet(globals, k, v);
    }
  };
  interpHooks.forIterFast = forIterFast;
}
