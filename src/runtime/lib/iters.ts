// Iterators of the built-in types (layouts in iter_layout.ts) and the lazy builtins enumerate,
// zip, map, filter and reversed.
import { u32, W } from "../mem.ts";
import { allocate } from "../space.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { listItem, listLen, newTuple, tupleItem, tupleLen } from "../seq.ts";
import { intern, newStr, strIsBmp, strLength, strValue } from "../str.ts";
import { setIntBig, setIntNumber } from "../int.ts";
import { dictFilled, dictLen, entryAddr, entryLive } from "../dict.ts";
import * as T from "../type_ids.ts";
import { E, pyError, PyExc } from "../errors.ts";
import { isSubtype, typeIndexOf, types } from "../types.ts";
import {
  callMethod,
  callValue,
  getItem,
  getItemHooks,
  getIter,
  getIterHooks,
  iterNext,
  iterNextHooks,
  lenOf,
  lookupType,
  seqIterHook,
  truthy,
  typeName,
} from "../ops.ts";
import {
  DICT_ITER_BYTES,
  DICT_ITER_DICT,
  DICT_ITER_INDEX,
  DICT_ITER_LEN,
  ENUM_COUNT,
  ENUM_ITER,
  ITER_BYTES,
  ITER_INDEX,
  ITER_SEQ,
  RANGE_ITER_BYTES,
  RANGE_ITER_NEXT,
  RANGE_ITER_STEP,
  RANGE_ITER_STOP,
  SET_ITER_BYTES,
  SET_ITER_POS,
  SET_ITER_SET,
  SET_ITER_USED,
} from "./iter_layout.ts";
import { intValue } from "./util.ts";
import { setEntry, setLen, setNext } from "../set.ts";
import { typeError } from "../errors.ts";

const charCache: number[] = [];

/** A one-character str for code point c (cached below 256). */
export function charStr(c: number): number {
  if (c < 256) {
    let r = charCache[c];
    if (r === undefined) {
      r = intern(String.fromCharCode(c));
      charCache[c] = r;
    }
    return r;
  }
  return newStr(String.fromCodePoint(c));
}

function seqIter(type: number, seq: number, out: number, index = 0): void {
  const r = allocate(type, ITER_BYTES, 1, 0);
  u32[(r + ITER_INDEX) >> 2] = index;
  W.copy(r + ITER_SEQ, seq);
  W.setRef(out, r);
}

export function newRangeIter(start: number, stop: number, step: number, out: number): void {
  const r = allocate(T.T_RANGE_ITER, RANGE_ITER_BYTES, 0, 0);
  W.copy(r + RANGE_ITER_NEXT, start);
  W.copy(r + RANGE_ITER_STOP, stop);
  W.copy(r + RANGE_ITER_STEP, step);
  W.setRef(out, r);
}

function setIter(s: number, out: number): void {
  const r = allocate(T.T_SET_ITER, SET_ITER_BYTES, 2, 0);
  u32[(r + SET_ITER_USED) >> 2] = setLen(W.getRef(s));
  W.copy(r + SET_ITER_SET, s);
  W.setRef(out, r);
}

function dictIter(type: number, d: number, out: number): void {
  const r = allocate(type, DICT_ITER_BYTES, 2, 0);
  u32[(r + DICT_ITER_INDEX) >> 2] = 0;
  u32[(r + DICT_ITER_LEN) >> 2] = dictLen(W.getRef(d));
  W.copy(r + DICT_ITER_DICT, d);
  W.setRef(out, r);
}

/** Next live entry index of a dict/set iterator, or -1 (raises if the size changed). */
function dictIterStep(r: number, isSet: boolean): number {
  if (W.isNone(r + DICT_ITER_DICT)) return -1;
  const d = W.getRef(r + DICT_ITER_DICT);
  if (dictLen(d) !== u32[(r + DICT_ITER_LEN) >> 2]) {
    u32[(r + DICT_ITER_LEN) >> 2] = 0xffffffff;
    throw pyError(
      E.RuntimeError,
      isSet ? "Set changed size during iteration" : "dictionary changed size during iteration",
    );
  }
  let i = u32[(r + DICT_ITER_INDEX) >> 2];
  const filled = dictFilled(d);
  while (i < filled && !entryLive(d, i)) i++;
  if (i >= filled) {
    W.setNone(r + DICT_ITER_DICT);
    return -1;
  }
  u32[(r + DICT_ITER_INDEX) >> 2] = i + 1;
  return i;
}

/** Advance a range iterator (also used by the interpreter's generic path). */
function rangeNext(r: number, out: number): boolean {
  const a = r + RANGE_ITER_NEXT, b = r + RANGE_ITER_STOP, c = r + RANGE_ITER_STEP;
  if (W.isInt(a) && W.isInt(b) && W.isInt(c)) {
    const n = W.getInt(a), stop = W.getInt(b), step = W.getInt(c);
    if (step > 0 ? n >= stop : n <= stop) return false;
    W.setInt(out, n);
    setIntNumber(a, n + step);
    return true;
  }
  const n = intValue(a) as number | bigint, stop = intValue(b)!, step = intValue(c)!;
  const bn = BigInt(n), bs = BigInt(stop), bst = BigInt(step);
  if (bst > 0n ? bn >= bs : bn <= bs) return false;
  setIntBig(out, bn);
  setIntBig(a, bn + bst);
  return true;
}

function stopIterationCaught(e: unknown): boolean {
  return e instanceof PyExc && isSubtype(u32[e.ref >> 2], E.StopIteration);
}

export function installIters(): void {
  getIterHooks[T.T_LIST] = (obj, out) => seqIter(T.T_LIST_ITER, obj, out);
  getIterHooks[T.T_TUPLE] = (obj, out) => seqIter(T.T_TUPLE_ITER, obj, out);
  getIterHooks[T.T_STR] = (obj, out) => seqIter(T.T_STR_ITER, obj, out);
  getIterHooks[T.T_DICT] = (obj, out) => dictIter(T.T_DICT_KEYITER, obj, out);
  getIterHooks[T.T_SET] = setIter;
  getIterHooks[T.T_FROZENSET] = setIter;
  const view = (type: number) => (obj: number, out: number) =>
    dictIter(type, W.getRef(obj) + 16, out);
  getIterHooks[T.T_DICT_KEYS] = view(T.T_DICT_KEYITER);
  getIterHooks[T.T_DICT_VALUES] = view(T.T_DICT_VALUEITER);
  getIterHooks[T.T_DICT_ITEMS] = view(T.T_DICT_ITEMITER);
  getIterHooks[T.T_RANGE] = (obj, out) => {
    const r = W.getRef(obj);
    newRangeIter(r + 16, r + 24, r + 32, out);
  };

  iterNextHooks[T.T_LIST_ITER] = (r, out) => {
    if (W.isNone(r + ITER_SEQ)) return false;
    const l = W.getRef(r + ITER_SEQ);
    const i = u32[(r + ITER_INDEX) >> 2];
    if (i >= listLen(l)) {
      W.setNone(r + ITER_SEQ);
      return false;
    }
    W.copy(out, listItem(l, i));
    u32[(r + ITER_INDEX) >> 2] = i + 1;
    return true;
  };
  iterNextHooks[T.T_TUPLE_ITER] = (r, out) => {
    if (W.isNone(r + ITER_SEQ)) return false;
    const t = W.getRef(r + ITER_SEQ);
    const i = u32[(r + ITER_INDEX) >> 2];
    if (i >= tupleLen(t)) {
      W.setNone(r + ITER_SEQ);
      return false;
    }
    W.copy(out, tupleItem(t, i));
    u32[(r + ITER_INDEX) >> 2] = i + 1;
    return true;
  };
  iterNextHooks[T.T_STR_ITER] = (r, out) => {
    if (W.isNone(r + ITER_SEQ)) return false;
    const sr = W.getRef(r + ITER_SEQ);
    const s = strValue(sr);
    const i = u32[(r + ITER_INDEX) >> 2];
    if (i >= s.length) {
      W.setNone(r + ITER_SEQ);
      return false;
    }
    if (strIsBmp(sr)) {
      W.setRef(out, charStr(s.charCodeAt(i)));
      u32[(r + ITER_INDEX) >> 2] = i + 1;
    } else {
      const c = s.codePointAt(i)!;
      W.setRef(out, charStr(c));
      u32[(r + ITER_INDEX) >> 2] = i + (c > 0xffff ? 2 : 1);
    }
    return true;
  };
  iterNextHooks[T.T_LIST_REVITER] = (r, out) => {
    if (W.isNone(r + ITER_SEQ)) return false;
    const l = W.getRef(r + ITER_SEQ);
    const rem = u32[(r + ITER_INDEX) >> 2];
    if (rem === 0 || rem - 1 >= listLen(l)) {
      W.setNone(r + ITER_SEQ);
      return false;
    }
    W.copy(out, listItem(l, rem - 1));
    u32[(r + ITER_INDEX) >> 2] = rem - 1;
    return true;
  };
  iterNextHooks[T.T_REVERSED] = (r, out) => {
    if (W.isNone(r + ITER_SEQ)) return false;
    const rem = u32[(r + ITER_INDEX) >> 2];
    if (rem === 0) {
      W.setNone(r + ITER_SEQ);
      return false;
    }
    u32[(r + ITER_INDEX) >> 2] = rem - 1;
    const k = tempPush(2);
    try {
      W.setInt(k, rem - 1);
      W.copy(k + 8, r + ITER_SEQ);
      getItem(k + 8, k, out);
    } catch (e) {
      if (
        e instanceof PyExc && (isSubtype(u32[e.ref >> 2], E.IndexError) || stopIterationCaught(e))
      ) {
        W.setNone(r + ITER_SEQ);
        return false;
      }
      throw e;
    } finally {
      tempPopTo(k);
    }
    return true;
  };
  iterNextHooks[T.T_CALL_ITER] = (r, out) => {
    if (W.isNone(r + ITER_SEQ)) return false;
    const i = u32[(r + ITER_INDEX) >> 2];
    const k = tempPush(2);
    try {
      W.setInt(k, i);
      W.copy(k + 8, r + ITER_SEQ);
      getItem(k + 8, k, out);
      u32[(r + ITER_INDEX) >> 2] = i + 1;
      return true;
    } catch (e) {
      if (
        e instanceof PyExc && (isSubtype(u32[e.ref >> 2], E.IndexError) || stopIterationCaught(e))
      ) {
        W.setNone(r + ITER_SEQ);
        return false;
      }
      throw e;
    } finally {
      tempPopTo(k);
    }
  };
  seqIterHook.make = (obj, out) => seqIter(T.T_CALL_ITER, obj, out);
  iterNextHooks[T.T_RANGE_ITER] = rangeNext;

  iterNextHooks[T.T_DICT_KEYITER] = (r, out) => {
    const i = dictIterStep(r, false);
    if (i < 0) return false;
    W.copy(out, entryAddr(W.getRef(r + DICT_ITER_DICT), i) + 8);
    return true;
  };
  iterNextHooks[T.T_SET_ITER] = (r, out) => {
    // setiter_iternext: the next active table entry from the position.
    if (W.isNone(r + SET_ITER_SET)) return false;
    const s = W.getRef(r + SET_ITER_SET);
    if (setLen(s) !== u32[(r + SET_ITER_USED) >> 2]) {
      u32[(r + SET_ITER_USED) >> 2] = 0xffffffff;
      throw pyError(E.RuntimeError, "Set changed size during iteration");
    }
    const j = setNext(s, u32[(r + SET_ITER_POS) >> 2]);
    if (j < 0) {
      W.setNone(r + SET_ITER_SET);
      return false;
    }
    u32[(r + SET_ITER_POS) >> 2] = j + 1;
    W.copy(out, setEntry(s, j) + 8);
    return true;
  };
  iterNextHooks[T.T_DICT_VALUEITER] = (r, out) => {
    const i = dictIterStep(r, false);
    if (i < 0) return false;
    W.copy(out, entryAddr(W.getRef(r + DICT_ITER_DICT), i) + 16);
    return true;
  };
  iterNextHooks[T.T_DICT_ITEMITER] = (r, out) => {
    const i = dictIterStep(r, false);
    if (i < 0) return false;
    const e = entryAddr(W.getRef(r + DICT_ITER_DICT), i);
    const t = newTuple(2);
    W.copy(tupleItem(t, 0), e + 8);
    W.copy(tupleItem(t, 1), e + 16);
    W.setRef(out, t);
    return true;
  };

  // enumerate: +16 iterator, +24 count
  iterNextHooks[T.T_ENUMERATE] = (r, out) => {
    const tmp = tempPush(2);
    try {
      W.setRef(tmp + 8, r);
      if (!iterNext(r + ENUM_ITER, tmp)) return false;
      const t = newTuple(2);
      W.copy(tupleItem(t, 0), r + ENUM_COUNT);
      W.copy(tupleItem(t, 1), tmp);
      const c = r + ENUM_COUNT;
      if (W.isInt(c)) setIntNumber(c, W.getInt(c) + 1);
      else setIntBig(c, BigInt(intValue(c)!) + 1n);
      W.setRef(out, t);
      return true;
    } finally {
      tempPopTo(tmp);
    }
  };
  // zip: +16 tuple of iterators
  iterNextHooks[T.T_ZIP] = (r, out) => {
    const its = W.getRef(r + 16);
    const n = tupleLen(its);
    if (n === 0) return false;
    const tmp = tempPush(2);
    try {
      W.setRef(tmp + 8, r);
      const t = newTuple(n);
      W.setRef(tmp, t);
      for (let k = 0; k < n; k++) {
        if (!iterNext(tupleItem(its, k), tupleItem(t, k))) return false;
      }
      W.setRef(out, t);
      return true;
    } finally {
      tempPopTo(tmp);
    }
  };
  // map: +16 function, +24 tuple of iterators
  iterNextHooks[T.T_MAP] = (r, out) => {
    const its = W.getRef(r + 24);
    const n = tupleLen(its);
    const tmp = tempPush(n + 2);
    try {
      W.setRef(tmp, r);
      W.copy(tmp + 8, r + 16);
      for (let k = 0; k < n; k++) {
        if (!iterNext(tupleItem(its, k), tmp + 16 + 8 * k)) return false;
      }
      callValue(tmp + 8, tmp + 16, n, 0, out);
      return true;
    } finally {
      tempPopTo(tmp);
    }
  };
  // filter: +16 function or None, +24 iterator
  iterNextHooks[T.T_FILTER] = (r, out) => {
    const tmp = tempPush(3);
    try {
      W.setRef(tmp, r);
      for (;;) {
        if (!iterNext(r + 24, tmp + 8)) return false;
        let keep: boolean;
        if (W.isNone(r + 16)) keep = truthy(tmp + 8);
        else {
          callValue(r + 16, tmp + 8, 1, 0, tmp + 16);
          keep = truthy(tmp + 16);
        }
        if (keep) {
          W.copy(out, tmp + 8);
          return true;
        }
      }
    } finally {
      tempPopTo(tmp);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Constructors used by the builtins

export function makeEnumerate(iterable: number, start: number, out: number): void {
  const tmp = tempPush(1);
  try {
    getIter(iterable, tmp);
    const r = allocate(T.T_ENUMERATE, 32, 0, 0);
    W.copy(r + ENUM_ITER, tmp);
    W.copy(r + ENUM_COUNT, start);
    W.setRef(out, r);
  } finally {
    tempPopTo(tmp);
  }
}

/** A tuple of iterators over the n iterables at args (kept in a temp slot while built). */
export function iterTuple(args: number, n: number, tmp: number): number {
  const t = newTuple(n);
  W.setRef(tmp, t);
  for (let k = 0; k < n; k++) getIter(args + 8 * k, tupleItem(t, k));
  return t;
}

export function makeZip(args: number, n: number, out: number): void {
  const tmp = tempPush(1);
  try {
    iterTuple(args, n, tmp);
    const r = allocate(T.T_ZIP, 24, 0, 0);
    W.copy(r + 16, tmp);
    W.setRef(out, r);
  } finally {
    tempPopTo(tmp);
  }
}

export function makeMap(fn: number, args: number, n: number, out: number): void {
  const tmp = tempPush(2);
  try {
    W.copy(tmp + 8, fn);
    iterTuple(args, n, tmp);
    const r = allocate(T.T_MAP, 32, 0, 0);
    W.copy(r + 16, tmp + 8);
    W.copy(r + 24, tmp);
    W.setRef(out, r);
  } finally {
    tempPopTo(tmp);
  }
}

export function makeFilter(fn: number, iterable: number, out: number): void {
  const tmp = tempPush(2);
  try {
    W.copy(tmp + 8, fn);
    getIter(iterable, tmp);
    const r = allocate(T.T_FILTER, 32, 0, 0);
    W.copy(r + 16, tmp + 8);
    W.copy(r + 24, tmp);
    W.setRef(out, r);
  } finally {
    tempPopTo(tmp);
  }
}

export function makeReversed(obj: number, out: number): void {
  const t = typeIndexOf(obj);
  if (t === T.T_LIST) {
    seqIter(T.T_LIST_REVITER, obj, out, listLen(W.getRef(obj)));
    return;
  }
  if (t === T.T_RANGE) {
    const r = W.getRef(obj);
    const start = intValue(r + 16)!, step = intValue(r + 32)!;
    const n = BigInt(lenOfRange(r));
    const bs = BigInt(start), bst = BigInt(step);
    const tmp = tempPush(3);
    try {
      setIntBig(tmp, bs + (n - 1n) * bst);
      setIntBig(tmp + 8, bs - bst);
      setIntBig(tmp + 16, -bst);
      newRangeIter(tmp, tmp + 8, tmp + 16, out);
    } finally {
      tempPopTo(tmp);
    }
    return;
  }
  if (types[t].isClass) {
    if (lookupType(t, intern("__reversed__")) !== 0) {
      callMethod(obj, intern("__reversed__"), 0, 0, out);
      return;
    }
  }
  const hasSeq = t === T.T_TUPLE || t === T.T_STR ||
    (types[t].isClass && lookupType(t, intern("__getitem__")) !== 0 &&
      lookupType(t, intern("__len__")) !== 0);
  if (!hasSeq || getItemHooks[t] === undefined && !types[t].isClass) {
    throw typeError(`'${typeName(obj)}' object is not reversible`);
  }
  const n = t === T.T_STR ? strLength(W.getRef(obj)) : lenOf(obj);
  seqIter(T.T_REVERSED, obj, out, n);
}

/** len(range) as a bigint-safe number. */
export function lenOfRange(r: number): number | bigint {
  const a = intValue(r + 16)!, b = intValue(r + 24)!, c = intValue(r + 32)!;
  if (typeof a === "number" && typeof b === "number" && typeof c === "number") {
    if (c > 0) return a < b ? Math.floor((b - a - 1) / c) + 1 : 0;
    return a > b ? Math.floor((a - b - 1) / -c) + 1 : 0;
  }
  const x = BigInt(a), y = BigInt(b), z = BigInt(c);
  if (z > 0n) return x < y ? (y - x - 1n) / z + 1n : 0n;
  return x > y ? (x - y - 1n) / -z + 1n : 0n;
}
