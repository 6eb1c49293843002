// set and frozenset: methods, operators and protocol hooks over the table in set.ts, composed as
// CPython 3.11's setobject.c composes them (so results are built by the same insertions in the
// same order, and iterate in the same order).
import { u32, W } from "../mem.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import * as T from "../type_ids.ts";
import { defMethod } from "../builtin_fn.ts";
import { E, pyError, pyErrorWith, PyExc, typeError } from "../errors.ts";
import { compareHooks, containsHooks, crossEqHook, eqHooks, lenHooks, reprHooks } from "../ops.ts";
import { reprOf } from "../ops.ts";
import { isSubtype, typeIndexOf, types } from "../types.ts";
import { argRange, exactlyOne, forEach, noKw } from "./util.ts";
import { dictGetAddr, dictLen } from "../dict.ts";
import {
  frozensetHash,
  hashHi,
  hashLo,
  isSetRef,
  keyHash,
  newSet,
  setAddKey,
  setClear,
  setContainsKey,
  setCopy,
  setDifference,
  setDifferenceUpdate,
  setDiscardKey,
  setFrom,
  setIntersection,
  setIsDisjoint,
  setIsSubset,
  setKeyAddrs,
  setLen,
  setLookup,
  setPop,
  setSwapBodies,
  setSymmetricDifference,
  setSymmetricDifferenceUpdate,
  setUpdate,
} from "../set.ts";
import { SET_HASH_OK } from "../layout.ts";

function isSetType(t: number): boolean {
  return t === T.T_SET || t === T.T_FROZENSET;
}

export function isSetLike(a: number): boolean {
  return W.isRef(a) && isSetType(u32[W.getRef(a) >> 2]);
}

/**
 * Run fn(key); when hashing key raises TypeError and key is a set, retry with frozenset(key)
 * (CPython's set_contains / set_remove / set_discard).
 */
function withFrozenRetry<R>(key: number, fn: (key: number) => R): R {
  try {
    return fn(key);
  } catch (e) {
    if (
      !(e instanceof PyExc) || !isSubtype(u32[e.ref >> 2], E.TypeError) ||
      typeIndexOf(key) !== T.T_SET
    ) throw e;
    const tmp = tempPush(1);
    try {
      setFrom(T.T_FROZENSET, key, tmp);
      return fn(tmp);
    } finally {
      tempPopTo(tmp);
    }
  }
}

function setRepr(r: number): string {
  const parts = setKeyAddrs(r).map(reprOf);
  if (u32[r >> 2] === T.T_FROZENSET) {
    return parts.length === 0 ? "frozenset()" : `frozenset({${parts.join(", ")}})`;
  }
  return parts.length === 0 ? "set()" : `{${parts.join(", ")}}`;
}

/** set_richcompare's ==: equal sizes, (frozensets: equal cached hashes), then subset. */
function setEq(a: number, b: number): boolean {
  if (setLen(a) !== setLen(b)) return false;
  if (
    u32[(a + SET_HASH_OK) >> 2] !== 0 && u32[(b + SET_HASH_OK) >> 2] !== 0
  ) {
    frozensetHash(a);
    const lo = hashLo, hi = hashHi;
    frozensetHash(b);
    if (lo !== hashLo || hi !== hashHi) return false;
  }
  return setIsSubset(a, b);
}

/** A set operand of issubset & co: sets as they are, other iterables as a new set (in tmp). */
function operand(a: number, tmp: number): number {
  if (isSetLike(a)) return W.getRef(a);
  return setFrom(T.T_SET, a, tmp);
}

type Method = (args: number, nargs: number, kw: number, out: number) => void;

export function installSet(): void {
  crossEqHook.eq = (ta, tb) => isSetType(ta) && isSetType(tb);
  for (const t of [T.T_SET, T.T_FROZENSET]) {
    lenHooks[t] = setLen;
    reprHooks[t] = setRepr;
    containsHooks[t] = (s, key) => withFrozenRetry(key, (k) => setContainsKey(s, k));
    eqHooks[t] = setEq;
    compareHooks[t] = (a, b) => {
      const sub = setIsSubset(a, b), sup = setIsSubset(b, a);
      if (sub && sup) return 0;
      if (sub) return -1;
      if (sup) return 1;
      return NaN;
    };
    types[t].construct = (args, nargs, kw, out) => {
      noKw(kw, types[t].name);
      if (nargs > 1) throw typeError(`${types[t].name} expected at most 1 argument, got ${nargs}`);
      if (t === T.T_FROZENSET && nargs === 1 && typeIndexOf(args) === T.T_FROZENSET) {
        W.copy(out, args);
        return;
      }
      setFrom(t, nargs === 0 ? 0 : args, out);
    };
  }
  const both = (name: string, fn: Method) => {
    defMethod(T.T_SET, name, fn);
    defMethod(T.T_FROZENSET, name, fn);
  };
  const m = (name: string, fn: Method) => defMethod(T.T_SET, name, fn);
  const self = (args: number) => W.getRef(args);

  both("union", (args, nargs, kw, out) => {
    noKw(kw, "set.union");
    const s = self(args);
    const r = setCopy(s, out);
    for (let k = 1; k < nargs; k++) {
      if (W.isRef(args + 8 * k) && W.getRef(args + 8 * k) === s) continue;
      setUpdate(r, args + 8 * k);
    }
  });
  both("intersection", (args, nargs, kw, out) => {
    noKw(kw, "set.intersection");
    if (nargs === 1) {
      setCopy(self(args), out);
      return;
    }
    intersectionMulti(args, nargs, out);
  });
  both("difference", (args, nargs, kw, out) => {
    noKw(kw, "set.difference");
    if (nargs === 1) {
      setCopy(self(args), out);
      return;
    }
    const r = setDifference(self(args), args + 8, out);
    for (let k = 2; k < nargs; k++) setDifferenceUpdate(r, args + 8 * k);
  });
  both("symmetric_difference", (args, nargs, kw, out) => {
    noKw(kw, "set.symmetric_difference");
    exactlyOne(`${types[typeIndexOf(args)].name}.symmetric_difference`, nargs - 1);
    setSymmetricDifference(self(args), args + 8, out);
  });
  m("update", (args, nargs, kw, out) => {
    noKw(kw, "set.update");
    for (let k = 1; k < nargs; k++) setUpdate(self(args), args + 8 * k);
    W.setNone(out);
  });
  m("intersection_update", (args, nargs, kw, out) => {
    noKw(kw, "set.intersection_update");
    const tmp = tempPush(1);
    try {
      const r = nargs === 1 ? setCopy(self(args), tmp) : intersectionMulti(args, nargs, tmp);
      setSwapBodies(self(args), r);
    } finally {
      tempPopTo(tmp);
    }
    W.setNone(out);
  });
  m("difference_update", (args, nargs, kw, out) => {
    noKw(kw, "set.difference_update");
    for (let k = 1; k < nargs; k++) setDifferenceUpdate(self(args), args + 8 * k);
    W.setNone(out);
  });
  m("symmetric_difference_update", (args, nargs, kw, out) => {
    noKw(kw, "set.symmetric_difference_update");
    exactlyOne("set.symmetric_difference_update", nargs - 1);
    setSymmetricDifferenceUpdate(self(args), args + 8);
    W.setNone(out);
  });
  m("add", (args, nargs, kw, out) => {
    noKw(kw, "set.add");
    exactlyOne("set.add", nargs - 1);
    setAddKey(self(args), args + 8);
    W.setNone(out);
  });
  m("remove", (args, nargs, kw, out) => {
    noKw(kw, "set.remove");
    exactlyOne("set.remove", nargs - 1);
    const s = self(args);
    if (!withFrozenRetry(args + 8, (k) => setDiscardKey(s, k))) {
      throw pyErrorWith(E.KeyError, args + 8);
    }
    W.setNone(out);
  });
  m("discard", (args, nargs, kw, out) => {
    noKw(kw, "set.discard");
    exactlyOne("set.discard", nargs - 1);
    const s = self(args);
    withFrozenRetry(args + 8, (k) => setDiscardKey(s, k));
    W.setNone(out);
  });
  m("pop", (args, nargs, kw, out) => {
    noKw(kw, "set.pop");
    argRange("pop", nargs - 1, 0, 0);
    if (!setPop(self(args), out)) throw pyError(E.KeyError, "pop from an empty set");
  });
  m("clear", (args, _n, _kw, out) => {
    setClear(self(args));
    W.setNone(out);
  });
  both("copy", (args, _n, _kw, out) => {
    if (typeIndexOf(args) === T.T_FROZENSET) W.copy(out, args);
    else setCopy(self(args), out);
  });
  both("issubset", (args, nargs, kw, out) => {
    noKw(kw, "set.issubset");
    exactlyOne("set.issubset", nargs - 1);
    const tmp = tempPush(1);
    try {
      W.setBool(out, setIsSubset(self(args), operand(args + 8, tmp)));
    } finally {
      tempPopTo(tmp);
    }
  });
  both("issuperset", (args, nargs, kw, out) => {
    noKw(kw, "set.issuperset");
    exactlyOne("set.issuperset", nargs - 1);
    const tmp = tempPush(1);
    try {
      W.setBool(out, setIsSubset(operand(args + 8, tmp), self(args)));
    } finally {
      tempPopTo(tmp);
    }
  });
  both("isdisjoint", (args, nargs, kw, out) => {
    noKw(kw, "set.isdisjoint");
    exactlyOne("set.isdisjoint", nargs - 1);
    const s = self(args);
    if (isSetLike(args + 8)) {
      W.setBool(out, setIsDisjoint(s, W.getRef(args + 8)));
      return;
    }
    let disjoint = true;
    forEach(args + 8, (item) => {
      keyHash(item);
      if (setLookup(s, item, hashLo, hashHi) >= 0) disjoint = false;
      return disjoint;
    });
    W.setBool(out, disjoint);
  });
  both("__len__", (args, _n, _kw, out) => W.setInt(out, setLen(self(args))));
  both("__contains__", (args, nargs, _kw, out) => {
    exactlyOne("__contains__", nargs - 1);
    W.setBool(out, containsHooks[T.T_SET](self(args), args + 8));
  });
}

/** set_intersection_multi: self & args[1] & args[2] ... (nargs > 1), rooted in out. */
function intersectionMulti(args: number, nargs: number, out: number): number {
  const prev = tempPush(1);
  try {
    let r = W.getRef(args);
    for (let k = 1; k < nargs; k++) {
      W.setRef(prev, r);
      r = setIntersection(r, args + 8 * k, out);
    }
    return r;
  } finally {
    tempPopTo(prev);
  }
}

const NB_AND = 1, NB_OR = 7, NB_SUBTRACT = 10, NB_XOR = 12;

/**
 * set | & - ^ operators (and their in-place forms when inplace is set) between sets, frozensets
 * and dict keys views; false when the operands are not of those kinds.
 */
export function setBinary(
  op: number,
  a: number,
  b: number,
  out: number,
  inplace: boolean,
): boolean {
  if (op !== NB_AND && op !== NB_OR && op !== NB_SUBTRACT && op !== NB_XOR) return false;
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  const la = isSetType(ta) || ta === T.T_DICT_KEYS, lb = isSetType(tb) || tb === T.T_DICT_KEYS;
  if (!la || !lb) return false;
  if (ta === T.T_DICT_KEYS || tb === T.T_DICT_KEYS) {
    dictViewBinary(op, a, b, out);
    return true;
  }
  const sa = W.getRef(a);
  if (inplace && ta === T.T_SET) {
    if (op === NB_OR) setUpdate(sa, b);
    else if (op === NB_SUBTRACT) setDifferenceUpdate(sa, b);
    else if (op === NB_XOR) setSymmetricDifferenceUpdate(sa, b);
    else {
      const tmp = tempPush(1);
      try {
        setSwapBodies(sa, setIntersection(sa, b, tmp));
      } finally {
        tempPopTo(tmp);
      }
    }
    W.copy(out, a);
    return true;
  }
  if (op === NB_OR) {
    const r = setCopy(sa, out);
    if (W.getRef(b) !== sa) setUpdate(r, b);
  } else if (op === NB_AND) setIntersection(sa, b, out);
  else if (op === NB_SUBTRACT) setDifference(sa, b, out);
  else setSymmetricDifference(sa, b, out);
  return true;
}

/** dictviews_or / _sub / _xor and _PyDictView_Intersect (results are sets). */
function dictViewBinary(op: number, a0: number, b0: number, out: number): void {
  const viewDict = (v: number) => W.getRef(W.getRef(v) + 16);
  // Operands are copied first: out may be the slot of one of them.
  const tmp = tempPush(3);
  const a = tmp + 8, b = tmp + 16;
  W.copy(a, a0);
  W.copy(b, b0);
  try {
    if (op === NB_AND) {
      let self = a, other = b;
      if (typeIndexOf(self) !== T.T_DICT_KEYS) [self, other] = [other, self];
      const lenSelf = setLenOf(self);
      if (typeIndexOf(other) === T.T_SET && lenSelf <= setLen(W.getRef(other))) {
        setIntersection(W.getRef(other), self, out);
        return;
      }
      if (typeIndexOf(other) === T.T_DICT_KEYS && setLenOf(other) > lenSelf) {
        [self, other] = [other, self];
      }
      const r = newSet(T.T_SET);
      W.setRef(out, r);
      const d = viewDict(self);
      forEach(other, (item) => {
        if (dictGetAddr(d, item) !== 0) setAddKey(r, item);
      });
      return;
    }
    // dictviews_to_set: set(dict) for a keys view of a dict, set(a) otherwise.
    if (typeIndexOf(a) === T.T_DICT_KEYS) W.setRef(tmp, viewDict(a));
    else W.copy(tmp, a);
    const r = setFrom(T.T_SET, tmp, out);
    if (op === NB_OR) setUpdate(r, b);
    else if (op === NB_SUBTRACT) setDifferenceUpdate(r, b);
    else setSymmetricDifferenceUpdate(r, b);
  } finally {
    tempPopTo(tmp);
  }
}

function setLenOf(a: number): number {
  const r = W.getRef(a);
  if (isSetRef(r)) return setLen(r);
  return dictLen(W.getRef(r + 16)); // a keys view
}
