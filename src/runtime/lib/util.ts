// Shared helpers of the built-in library: argument parsing, index conversion, iteration over any
// iterable (with fast paths for list and tuple), and builders for tuples and lists.
import { u32, W } from "../mem.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { listItem, listLen, newList, tupleItem, tupleLen } from "../seq.ts";
import { strValue } from "../str.ts";
import { bigValue } from "../int.ts";
import { T_BOOL, T_INT, T_LIST, T_SLICE, T_STR, T_TUPLE, T_TYPE } from "../type_ids.ts";
import { typeIndexOf, typeIndexOfTypeRef, types } from "../types.ts";
import { E, pyError, typeError } from "../errors.ts";
import { callMethod, getIter, iterNext, lookupType, typeName } from "../ops.ts";
import { intern } from "../str.ts";
import { HI_BOOL, HI_REF, TAG_INT } from "../value.ts";
import { listAppend } from "../seq.ts";

// ---------------------------------------------------------------------------------------------
// Arguments

/** Number of positional arguments. */
export function posCount(nargs: number, kw: number): number {
  return kw === 0 ? nargs : nargs - tupleLen(kw);
}

/** Address of keyword argument `name`, or 0. */
export function kwArg(args: number, nargs: number, kw: number, name: string): number {
  if (kw === 0) return 0;
  const n = tupleLen(kw);
  const first = nargs - n;
  for (let k = 0; k < n; k++) {
    if (strValue(W.getRef(tupleItem(kw, k))) === name) return args + 8 * (first + k);
  }
  return 0;
}

/** Throw for any keyword argument not in `allowed`. */
export function checkKw(kw: number, allowed: string[], fname: string): void {
  if (kw === 0) return;
  const n = tupleLen(kw);
  for (let k = 0; k < n; k++) {
    const s = strValue(W.getRef(tupleItem(kw, k)));
    if (!allowed.includes(s)) {
      if (allowed.length === 0) throw typeError(`${fname}() takes no keyword arguments`);
      throw typeError(`${fname}() got an unexpected keyword argument '${s}'`);
    }
  }
}

export function noKw(kw: number, fname: string): void {
  if (kw !== 0 && tupleLen(kw) > 0) throw typeError(`${fname}() takes no keyword arguments`);
}

/** CPython's "f() takes exactly one argument (n given)". */
export function exactlyOne(fname: string, n: number): void {
  if (n !== 1) throw typeError(`${fname}() takes exactly one argument (${n} given)`);
}

/** CPython's "f expected at most 2 arguments, got 3" family. */
export function argRange(fname: string, n: number, min: number, max: number): void {
  if (n >= min && n <= max) return;
  const pl = (k: number) => `${k} argument${k === 1 ? "" : "s"}`;
  if (min === max) throw typeError(`${fname} expected ${pl(min)}, got ${n}`);
  if (n < min) throw typeError(`${fname} expected at least ${pl(min)}, got ${n}`);
  throw typeError(`${fname} expected at most ${pl(max)}, got ${n}`);
}

// ---------------------------------------------------------------------------------------------
// Kinds

export function isStr(a: number): boolean {
  return W.isRef(a) && u32[W.getRef(a) >> 2] === T_STR;
}
export function isType(a: number): boolean {
  return W.isRef(a) && u32[W.getRef(a) >> 2] === T_TYPE;
}
/** Type index of the type object in slot a (caller checked isType). */
export function typeArg(a: number): number {
  return typeIndexOfTypeRef(W.getRef(a));
}
export function refType(a: number): number {
  return W.isRef(a) ? u32[W.getRef(a) >> 2] : -1;
}
export function str(a: number): string {
  return strValue(W.getRef(a));
}

/** int (or bool) value of slot a, or null if it is not an int. */
export function intValue(a: number): number | bigint | null {
  const hi = u32[(a >> 2) + 1];
  if (hi >>> 16 === TAG_INT) return W.getInt(a);
  if (hi === HI_BOOL) return u32[a >> 2];
  if (hi === HI_REF && u32[u32[a >> 2] >> 2] === T_INT) return bigValue(u32[a >> 2]);
  return null;
}

/** operator.index(): ints, bools and classes with __index__. */
export function indexOf(a: number): number | bigint {
  const v = intValue(a);
  if (v !== null) return v;
  const t = typeIndexOf(a);
  if (types[t].isClass && lookupType(t, intern("__index__")) !== 0) {
    const out = tempPush(1);
    try {
      callMethod(a, intern("__index__"), 0, 0, out);
      const r = intValue(out);
      if (r === null || W.isBool(out)) {
        throw typeError(`__index__ returned non-int (type ${typeName(out)})`);
      }
      return r;
    } finally {
      tempPopTo(out);
    }
  }
  throw typeError(`'${typeName(a)}' object cannot be interpreted as an integer`);
}

/** indexOf clamped to a JS number (huge values become +-Infinity-ish sentinels). */
export function indexNumber(a: number): number {
  const v = indexOf(a);
  if (typeof v === "number") return v;
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** Index of a sequence item: normalises negatives; throws IndexError(`${what} index out of range`). */
export function seqIndex(key: number, len: number, what: string, kindName: string): number {
  let i: number;
  if (W.isInt(key)) i = W.getInt(key);
  else {
    const v = intValue(key);
    if (v === null) {
      const t = typeIndexOf(key);
      if (!(types[t].isClass && lookupType(t, intern("__index__")) !== 0)) {
        throw typeError(`${kindName} indices must be integers or slices, not ${typeName(key)}`);
      }
    }
    i = indexNumber(key);
  }
  if (i < 0) i += len;
  if (i < 0 || i >= len) throw pyError(E.IndexError, `${what} index out of range`);
  return i;
}

export function isSlice(a: number): boolean {
  return W.isRef(a) && u32[W.getRef(a) >> 2] === T_SLICE;
}

/** Results of sliceIndices (module-level to avoid an allocation per slice). */
export const SL = { start: 0, stop: 0, step: 1, len: 0 };

function sliceBound(a: number): number {
  const v = W.isInt(a) ? W.getInt(a) : null;
  if (v !== null) return v;
  const x = intValue(a);
  if (x === null) {
    const t = typeIndexOf(a);
    if (!(types[t].isClass && lookupType(t, intern("__index__")) !== 0)) {
      throw typeError("slice indices must be integers or None or have an __index__ method");
    }
  }
  return indexNumber(a);
}

/** slice.indices(len) into SL (CPython's PySlice_GetIndicesEx). */
export function sliceIndices(s: number, len: number): void {
  const a = s + 16, b = s + 24, c = s + 32;
  let step = 1;
  if (!W.isNone(c)) {
    step = sliceBound(c);
    if (step === 0) throw pyError(E.ValueError, "slice step cannot be zero");
  }
  let start: number, stop: number;
  if (W.isNone(a)) start = step < 0 ? len - 1 : 0;
  else {
    start = sliceBound(a);
    if (start < 0) {
      start += len;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) start = step < 0 ? len - 1 : len;
  }
  if (W.isNone(b)) stop = step < 0 ? -1 : len;
  else {
    stop = sliceBound(b);
    if (stop < 0) {
      stop += len;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) stop = step < 0 ? len - 1 : len;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  SL.start = start;
  SL.stop = stop;
  SL.step = step;
  SL.len = n;
}

// ---------------------------------------------------------------------------------------------
// Iteration

/**
 * Call fn with a GC-visible slot holding each item of the iterable in slot obj; fn returns false
 * to stop early. The slot is reused: copy the value out if you keep it.
 */
export function forEach(obj: number, fn: (item: number) => boolean | void): void {
  const t = typeIndexOf(obj);
  const m = tempPush(3);
  try {
    if (t === T_LIST) {
      W.copy(m + 16, obj); // keep the list alive even if obj is overwritten
      const r = W.getRef(obj);
      for (let k = 0; k < listLen(r); k++) {
        W.copy(m, listItem(r, k));
        if (fn(m) === false) return;
      }
      return;
    }
    if (t === T_TUPLE) {
      W.copy(m + 16, obj);
      const r = W.getRef(obj);
      const n = tupleLen(r);
      for (let k = 0; k < n; k++) {
        W.copy(m, tupleItem(r, k));
        if (fn(m) === false) return;
      }
      return;
    }
    getIter(obj, m + 8);
    while (iterNext(m + 8, m)) if (fn(m) === false) return;
  } finally {
    tempPopTo(m);
  }
}

/** A new list of the items of the iterable in slot obj (result written to out at the end). */
export function listOf(obj: number, out: number): void {
  const t = typeIndexOf(obj);
  if (t === T_LIST || t === T_TUPLE) {
    const r = W.getRef(obj);
    const n = t === T_LIST ? listLen(r) : tupleLen(r);
    const src = t === T_LIST ? listItem(r, 0) : tupleItem(r, 0);
    const l = newList(n);
    const dst = listItem(l, 0);
    for (let k = 0; k < n; k++) W.copy(dst + 8 * k, src + 8 * k);
    W.setRef(out, l);
    return;
  }
  const tmp = tempPush(1);
  try {
    const l = newList(0, 8);
    W.setRef(tmp, l);
    forEach(obj, (item) => listAppend(l, item));
    W.copy(out, tmp);
  } finally {
    tempPopTo(tmp);
  }
}

export function isBoolSlot(a: number): boolean {
  return typeIndexOf(a) === T_BOOL;
}
