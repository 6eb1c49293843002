// list and tuple: methods, indexing and slicing, comparisons, repr, sorting.
import { f64, u32, W } from "../mem.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import {
  listAppend,
  listFrom,
  listItem,
  listItems,
  listLen,
  listReserve,
  listSetLen,
  newList,
  newTuple,
  tupleFrom,
  tupleItem,
  tupleLen,
} from "../seq.ts";
import { LIST_LEN } from "../layout.ts";
import { strValue } from "../str.ts";
import { T_BOOL, T_INT, T_LIST, T_STR, T_TUPLE } from "../type_ids.ts";
import { defMethod } from "../builtin_fn.ts";
import { E, pyError, pyErrorWith, typeError } from "../errors.ts";
import {
  callValue,
  compareHooks,
  containsHooks,
  delItemHooks,
  eqHooks,
  getItemHooks,
  lenHooks,
  pyEquals,
  pyLess,
  reprHooks,
  reprOf,
  setItemHooks,
  truthy,
  typeName,
} from "../ops.ts";
import { typeIndexOf, types } from "../types.ts";
import {
  argRange,
  checkKw,
  exactlyOne,
  forEach,
  indexNumber,
  indexOf,
  isSlice,
  kwArg,
  listOf,
  noKw,
  posCount,
  seqIndex,
  SL,
  sliceIndices,
} from "./util.ts";
import { sortIndices } from "./sort.ts";
import { HI_REF, TAG_INT } from "../value.ts";

// ---------------------------------------------------------------------------------------------
// Sorting

/** Sort list l in place (stable), optionally by key function in slot keyFn (0: none). */
export function sortList(l: number, keyFn: number, reverse: boolean): void {
  const n = listLen(l);
  if (n < 2) {
    // Nothing to order, but CPython still calls the key function (its errors must surface).
    if (n === 1 && keyFn !== 0 && !W.isNone(keyFn)) {
      const tmp = tempPush(2);
      try {
        W.copy(tmp, listItem(l, 0));
        callValue(keyFn, tmp, 1, 0, tmp + 8);
      } finally {
        tempPopTo(tmp);
      }
    }
    return;
  }
  const tmp = tempPush(2);
  try {
    const copy = listFrom(listItems(l), n);
    W.setRef(tmp, copy);
    let keys = copy;
    if (keyFn !== 0 && !W.isNone(keyFn)) {
      keys = newList(n);
      W.setRef(tmp + 8, keys);
      for (let k = 0; k < n; k++) callValue(keyFn, listItem(copy, k), 1, 0, listItem(keys, k));
    }
    const base = listItems(keys);
    let less: (i: number, j: number) => boolean;
    let allInt = true, allNum = true, allStr = true;
    for (let k = 0; k < n; k++) {
      const a = base + 8 * k;
      const hi = u32[(a >> 2) + 1];
      if (hi >>> 16 !== TAG_INT) {
        allInt = false;
        if (hi >= 0xfff90000) allNum = false;
      }
      if (!(hi === HI_REF && u32[u32[a >> 2] >> 2] === T_STR)) allStr = false;
      if (!allNum && !allStr) break;
    }
    if (allInt || allNum) {
      const v = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const a = base + 8 * k;
        v[k] = allInt || W.isInt(a) ? (W.isInt(a) ? W.getInt(a) : f64[a >> 3]) : f64[a >> 3];
      }
      less = (i, j) => v[i] < v[j];
    } else if (allStr) {
      const s: string[] = new Array(n);
      for (let k = 0; k < n; k++) s[k] = strValue(W.getRef(base + 8 * k));
      less = (i, j) => s[i] < s[j];
    } else {
      less = (i, j) => pyLess(listItem(keys, i), listItem(keys, j));
    }
    const perm = reverse ? sortIndices(n, (i, j) => less(j, i)) : sortIndices(n, less);
    listSetLen(l, n);
    const dst = listItems(l), src = listItems(copy);
    for (let k = 0; k < n; k++) W.copy(dst + 8 * k, src + 8 * perm[k]);
  } finally {
    tempPopTo(tmp);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared sequence helpers

function seqRepr(base: number, n: number, open: string, close: string, getN: () => number): string {
  let s = open;
  for (let k = 0; k < n && k < getN(); k++) {
    if (k > 0) s += ", ";
    s += reprOf(base === 0 ? 0 : base + 8 * k);
  }
  return s + close;
}

export function listRepr(r: number): string {
  const n = listLen(r);
  if (n === 0) return "[]";
  const parts: string[] = [];
  for (let k = 0; k < listLen(r); k++) parts.push(reprOf(listItem(r, k)));
  return "[" + parts.join(", ") + "]";
}

export function tupleRepr(r: number): string {
  const n = tupleLen(r);
  if (n === 1) return "(" + reprOf(tupleItem(r, 0)) + ",)";
  return seqRepr(tupleItem(r, 0), n, "(", ")", () => n);
}

type ItemAt = (r: number, k: number) => number;
type LenOf = (r: number) => number;

/** Lexicographic comparison: -1, 0 or 1. */
function seqCompare(a: number, b: number, at: ItemAt, len: LenOf): number {
  for (let k = 0;; k++) {
    const na = len(a), nb = len(b);
    if (k >= na || k >= nb) return na < nb ? -1 : na > nb ? 1 : 0;
    const x = at(a, k), y = at(b, k);
    if (W.same(x, y) && !W.isFloat(x)) continue;
    if (pyEquals(at(a, k), at(b, k))) continue;
    return pyLess(at(a, k), at(b, k)) ? -1 : 1;
  }
}

function seqEq(a: number, b: number, at: ItemAt, len: LenOf): boolean {
  if (len(a) !== len(b)) return false;
  for (let k = 0; k < len(a) && k < len(b); k++) {
    const x = at(a, k), y = at(b, k);
    if (W.same(x, y) && !W.isFloat(x)) continue;
    if (!pyEquals(at(a, k), at(b, k))) return false;
  }
  return len(a) === len(b);
}

function seqContains(r: number, item: number, at: ItemAt, len: LenOf): boolean {
  for (let k = 0; k < len(r); k++) {
    const x = at(r, k);
    if (W.same(x, item) && !W.isFloat(x)) return true;
    if (pyEquals(at(r, k), item)) return true;
  }
  return false;
}

/** Optional start/end arguments of index()/count() clamped like CPython. */
function startEnd(args: number, n: number, len: number): [number, number] {
  let start = 0, end = len;
  if (n >= 2 && !W.isNone(args + 8)) {
    start = indexNumber(args + 8);
    if (start < 0) start = Math.max(0, start + len);
  }
  if (n >= 3 && !W.isNone(args + 16)) {
    end = indexNumber(args + 16);
    if (end < 0) end = Math.max(0, end + len);
  }
  return [start, Math.min(end, len)];
}

function countIn(r: number, item: number, at: ItemAt, len: LenOf): number {
  let c = 0;
  for (let k = 0; k < len(r); k++) if (pyEquals(at(r, k), item)) c++;
  return c;
}

const listAt: ItemAt = listItem;
const tupleAt: ItemAt = tupleItem;

/** Repeat n value words from src `times` times into dst. */
function repeatInto(dst: number, src: number, n: number, times: number): void {
  for (let t = 0; t < times; t++) {
    for (let k = 0; k < n; k++) W.copy(dst + 8 * (t * n + k), src + 8 * k);
  }
}

const SSIZE_MAX = 2n ** 63n - 1n;

/**
 * A sequence repeat count, converted like CPython's Py_ssize_t (OverflowError beyond 64 bits);
 * negative counts are 0.
 */
export function repeatCountBig(a: number): bigint {
  const v = BigInt(W.isInt(a) ? W.getInt(a) : indexOf(a));
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) {
    throw pyError(E.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  return v < 0n ? 0n : v;
}

/** repeatCountBig as a JS number (exact below 2**53, which is all a repeat can allocate). */
export function repeatCount(a: number): number {
  if (W.isInt(a)) return Math.max(0, W.getInt(a));
  return Number(repeatCountBig(a));
}

/** CPython's check before building `s * times` (len in code points): OverflowError if too long. */
export function checkStrRepeat(len: number, times: bigint): void {
  if (times > 1n && BigInt(len) * times > SSIZE_MAX) {
    throw pyError(E.OverflowError, "repeated string is too long");
  }
}

export function listRepeat(r: number, times: number): number {
  const n = listLen(r);
  if (n * times > 2 ** 28) throw pyError(E.MemoryError, "");
  const l = newList(n * times);
  repeatInto(listItems(l), listItems(r), n, times);
  return l;
}

export function tupleRepeat(r: number, times: number): number {
  const n = tupleLen(r);
  if (times === 1) return r;
  if (n * times > 2 ** 28) throw pyError(E.MemoryError, "");
  const t = newTuple(n * times);
  repeatInto(tupleItem(t, 0), tupleItem(r, 0), n, times);
  return t;
}

export function listConcat(a: number, b: number): number {
  const na = listLen(a), nb = listLen(b);
  const l = newList(na + nb);
  const d = listItems(l);
  const sa = listItems(a), sb = listItems(b);
  for (let k = 0; k < na; k++) W.copy(d + 8 * k, sa + 8 * k);
  for (let k = 0; k < nb; k++) W.copy(d + 8 * (na + k), sb + 8 * k);
  return l;
}

export function tupleConcat(a: number, b: number): number {
  const na = tupleLen(a), nb = tupleLen(b);
  if (nb === 0) return a;
  if (na === 0) return b;
  const t = newTuple(na + nb);
  for (let k = 0; k < na; k++) W.copy(tupleItem(t, k), tupleItem(a, k));
  for (let k = 0; k < nb; k++) W.copy(tupleItem(t, na + k), tupleItem(b, k));
  return t;
}

/** list.extend(iterable) (also list += iterable). */
export function listExtend(l: number, iterable: number): void {
  const t = typeIndexOf(iterable);
  if (t === T_LIST || t === T_TUPLE) {
    const r = W.getRef(iterable);
    const n = t === T_LIST ? listLen(r) : tupleLen(r);
    const old = listLen(l);
    listReserve(l, old + n);
    const src = t === T_LIST ? listItems(r) : tupleItem(r, 0);
    const dst = listItems(l) + 8 * old;
    for (let k = 0; k < n; k++) W.copy(dst + 8 * k, src + 8 * k);
    u32[(l + LIST_LEN) >> 2] = old + n;
    return;
  }
  forEach(iterable, (item) => listAppend(l, item));
}

// ---------------------------------------------------------------------------------------------
// Slicing

function listSlice(r: number, s: number): number {
  sliceIndices(s, listLen(r));
  const { start, step, len } = SL;
  const l = newList(len);
  const d = listItems(l), src = listItems(r);
  for (let k = 0; k < len; k++) W.copy(d + 8 * k, src + 8 * (start + k * step));
  return l;
}

function tupleSlice(r: number, s: number): number {
  const n = tupleLen(r);
  sliceIndices(s, n);
  const { start, step, len } = SL;
  if (step === 1 && len === n) return r;
  const t = newTuple(len);
  for (let k = 0; k < len; k++) W.copy(tupleItem(t, k), tupleItem(r, start + k * step));
  return t;
}

function listDelSlice(r: number, s: number): void {
  const n = listLen(r);
  sliceIndices(s, n);
  let { start, step, len } = SL;
  if (len === 0) return;
  if (step < 0) {
    start = start + (len - 1) * step;
    step = -step;
  }
  const it = listItems(r);
  let w = start;
  let next = start, removed = 0;
  for (let k = start; k < n; k++) {
    if (removed < len && k === next) {
      removed++;
      next += step;
      continue;
    }
    W.copy(it + 8 * w, it + 8 * k);
    w++;
  }
  u32[(r + LIST_LEN) >> 2] = n - len;
}

function listSetSlice(r: number, s: number, value: number): void {
  const tmp = tempPush(1);
  try {
    // Materialise the right-hand side first (it may be the list itself).
    listOf(value, tmp);
    const src = W.getRef(tmp);
    const m = listLen(src);
    const n = listLen(r);
    sliceIndices(s, n);
    const { start, step, len } = SL;
    if (step === 1) {
      const stop = Math.max(start, start + len);
      const newLen = n - len + m;
      listReserve(r, newLen);
      const it = listItems(r);
      if (m !== len) {
        // move the tail
        if (m > len) {
          for (let k = n - 1; k >= stop; k--) W.copy(it + 8 * (k - len + m), it + 8 * k);
        } else for (let k = stop; k < n; k++) W.copy(it + 8 * (k - len + m), it + 8 * k);
      }
      const sp = listItems(src);
      for (let k = 0; k < m; k++) W.copy(it + 8 * (start + k), sp + 8 * k);
      u32[(r + LIST_LEN) >> 2] = newLen;
      return;
    }
    if (m !== len) {
      throw pyError(
        E.ValueError,
        `attempt to assign sequence of size ${m} to extended slice of size ${len}`,
      );
    }
    const it = listItems(r), sp = listItems(src);
    for (let k = 0; k < len; k++) W.copy(it + 8 * (start + k * step), sp + 8 * k);
  } finally {
    tempPopTo(tmp);
  }
}

// ---------------------------------------------------------------------------------------------
// Methods

function self(args: number): number {
  return W.getRef(args);
}

export function installList(): void {
  lenHooks[T_LIST] = listLen;
  lenHooks[T_TUPLE] = tupleLen;
  reprHooks[T_LIST] = listRepr;
  reprHooks[T_TUPLE] = tupleRepr;
  getItemHooks[T_LIST] = (r, key, out) => {
    if (W.isInt(key)) {
      let i = W.getInt(key);
      const n = listLen(r);
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw pyError(E.IndexError, "list index out of range");
      W.copy(out, listItem(r, i));
      return;
    }
    if (isSlice(key)) {
      W.setRef(out, listSlice(r, W.getRef(key)));
      return;
    }
    W.copy(out, listItem(r, seqIndex(key, listLen(r), "list", "list")));
  };
  getItemHooks[T_TUPLE] = (r, key, out) => {
    if (isSlice(key)) {
      W.setRef(out, tupleSlice(r, W.getRef(key)));
      return;
    }
    W.copy(out, tupleItem(r, seqIndex(key, tupleLen(r), "tuple", "tuple")));
  };
  setItemHooks[T_LIST] = (r, key, value) => {
    if (isSlice(key)) {
      listSetSlice(r, W.getRef(key), value);
      return;
    }
    W.copy(listItem(r, seqIndex(key, listLen(r), "list assignment", "list")), value);
  };
  delItemHooks[T_LIST] = (r, key) => {
    if (isSlice(key)) {
      listDelSlice(r, W.getRef(key));
      return;
    }
    const i = seqIndex(key, listLen(r), "list assignment", "list");
    const it = listItems(r), n = listLen(r);
    for (let k = i; k < n - 1; k++) W.copy(it + 8 * k, it + 8 * (k + 1));
    u32[(r + LIST_LEN) >> 2] = n - 1;
  };
  containsHooks[T_LIST] = (r, item) => seqContains(r, item, listAt, listLen);
  containsHooks[T_TUPLE] = (r, item) => seqContains(r, item, tupleAt, tupleLen);
  compareHooks[T_LIST] = (a, b) => seqCompare(a, b, listAt, listLen);
  compareHooks[T_TUPLE] = (a, b) => seqCompare(a, b, tupleAt, tupleLen);
  eqHooks[T_LIST] = (a, b) => seqEq(a, b, listAt, listLen);
  eqHooks[T_TUPLE] = (a, b) => seqEq(a, b, tupleAt, tupleLen);

  defMethod(T_LIST, "append", (args, nargs, kw, out) => {
    noKw(kw, "list.append");
    exactlyOne("list.append", nargs - 1);
    listAppend(self(args), args + 8);
    W.setNone(out);
  });
  defMethod(T_LIST, "extend", (args, nargs, kw, out) => {
    noKw(kw, "list.extend");
    exactlyOne("list.extend", nargs - 1);
    listExtend(self(args), args + 8);
    W.setNone(out);
  });
  defMethod(T_LIST, "insert", (args, nargs, kw, out) => {
    noKw(kw, "insert");
    argRange("insert", nargs - 1, 2, 2);
    const r = self(args);
    const n = listLen(r);
    let i = indexNumber(args + 8);
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    const tmp = tempPush(1);
    W.copy(tmp, args + 16);
    listSetLen(r, n + 1);
    const it = listItems(r);
    for (let k = n; k > i; k--) W.copy(it + 8 * k, it + 8 * (k - 1));
    W.copy(it + 8 * i, tmp);
    tempPopTo(tmp);
    W.setNone(out);
  });
  defMethod(T_LIST, "pop", (args, nargs, kw, out) => {
    noKw(kw, "pop");
    argRange("pop", nargs - 1, 0, 1);
    const r = self(args);
    const n = listLen(r);
    if (n === 0) throw pyError(E.IndexError, "pop from empty list");
    let i = n - 1;
    if (nargs > 1) {
      i = indexNumber(args + 8);
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw pyError(E.IndexError, "pop index out of range");
    }
    const it = listItems(r);
    W.copy(out, it + 8 * i);
    for (let k = i; k < n - 1; k++) W.copy(it + 8 * k, it + 8 * (k + 1));
    u32[(r + LIST_LEN) >> 2] = n - 1;
  });
  defMethod(T_LIST, "remove", (args, nargs, kw, out) => {
    noKw(kw, "list.remove");
    exactlyOne("list.remove", nargs - 1);
    const r = self(args);
    for (let k = 0; k < listLen(r); k++) {
      if (pyEquals(listItem(r, k), args + 8)) {
        const n = listLen(r);
        const it = listItems(r);
        for (let j = k; j < n - 1; j++) W.copy(it + 8 * j, it + 8 * (j + 1));
        u32[(r + LIST_LEN) >> 2] = n - 1;
        W.setNone(out);
        return;
      }
    }
    throw pyError(E.ValueError, "list.remove(x): x not in list");
  });
  const indexMethod = (t: number, at: ItemAt, len: LenOf) => {
    const name = t === T_LIST ? "list" : "tuple";
    defMethod(t, "index", (args, nargs, kw, out) => {
      noKw(kw, "index");
      argRange("index", nargs - 1, 1, 3);
      const r = self(args);
      const [start, end] = startEnd(args + 8, nargs - 1, len(r));
      for (let k = start; k < end && k < len(r); k++) {
        if (pyEquals(at(r, k), args + 8)) {
          W.setInt(out, k);
          return;
        }
      }
      if (t === T_LIST) throw pyError(E.ValueError, `${reprOf(args + 8)} is not in list`);
      throw pyError(E.ValueError, `${name}.index(x): x not in ${name}`);
    });
    defMethod(t, "count", (args, nargs, kw, out) => {
      noKw(kw, "count");
      exactlyOne(`${name}.count`, nargs - 1);
      W.setInt(out, countIn(self(args), args + 8, at, len));
    });
  };
  indexMethod(T_LIST, listAt, listLen);
  indexMethod(T_TUPLE, tupleAt, tupleLen);
  defMethod(T_LIST, "reverse", (args, nargs, kw, out) => {
    noKw(kw, "list.reverse");
    argRange("reverse", nargs - 1, 0, 0);
    const r = self(args);
    const n = listLen(r), it = listItems(r);
    const tmp = 2048;
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      W.copy(tmp, it + 8 * i);
      W.copy(it + 8 * i, it + 8 * j);
      W.copy(it + 8 * j, tmp);
    }
    W.setNone(out);
  });
  defMethod(T_LIST, "copy", (args, nargs, kw, out) => {
    noKw(kw, "list.copy");
    argRange("copy", nargs - 1, 0, 0);
    const r = self(args);
    W.setRef(out, listFrom(listItems(r), listLen(r)));
  });
  defMethod(T_LIST, "clear", (args, nargs, kw, out) => {
    noKw(kw, "list.clear");
    argRange("clear", nargs - 1, 0, 0);
    u32[(self(args) + LIST_LEN) >> 2] = 0;
    W.setNone(out);
  });
  defMethod(T_LIST, "sort", (args, nargs, kw, out) => {
    checkKw(kw, ["key", "reverse"], "sort");
    if (posCount(nargs, kw) > 1) throw typeError("sort() takes no positional arguments");
    const key = kwArg(args, nargs, kw, "key");
    const rev = kwArg(args, nargs, kw, "reverse");
    sortList(self(args), key, rev !== 0 && truthy(rev));
    W.setNone(out);
  });
  defMethod(T_LIST, "__len__", (args, _n, _kw, out) => W.setInt(out, listLen(self(args))));
  defMethod(T_TUPLE, "__len__", (args, _n, _kw, out) => W.setInt(out, tupleLen(self(args))));
  for (const t of [T_LIST, T_TUPLE]) {
    defMethod(t, "__getitem__", (args, nargs, _kw, out) => {
      exactlyOne("__getitem__", nargs - 1);
      getItemHooks[t](self(args), args + 8, out);
    });
    defMethod(t, "__contains__", (args, nargs, _kw, out) => {
      exactlyOne("__contains__", nargs - 1);
      W.setBool(out, containsHooks[t](self(args), args + 8));
    });
  }

  types[T_LIST].construct = (args, nargs, kw, out) => {
    noKw(kw, "list");
    if (nargs > 1) throw typeError(`list expected at most 1 argument, got ${nargs}`);
    if (nargs === 0) W.setRef(out, newList(0));
    else listOf(args, out);
  };
  types[T_TUPLE].construct = (args, nargs, kw, out) => {
    noKw(kw, "tuple");
    if (nargs > 1) throw typeError(`tuple expected at most 1 argument, got ${nargs}`);
    if (nargs === 0) W.setRef(out, newTuple(0));
    else if (typeIndexOf(args) === T_TUPLE) W.copy(out, args);
    else {
      const tmp = tempPush(1);
      try {
        listOf(args, tmp);
        const l = W.getRef(tmp);
        W.setRef(out, tupleFrom(listItems(l), listLen(l)));
      } finally {
        tempPopTo(tmp);
      }
    }
  };
}

/** Errors of `seq * x` when x is not an int. */
export function cantMultiply(b: number): never {
  throw typeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
}

export function isIntLike(a: number): boolean {
  const t = typeIndexOf(a);
  return t === T_INT || t === T_BOOL;
}

export { pyErrorWith };
