// dict, its views, set and frozenset: methods and protocol hooks.
import { W } from "../mem.ts";
import { allocate, markRef, rootProviders } from "../space.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import {
  dictDelete,
  dictFilled,
  dictGetAddr,
  dictLen,
  dictSet,
  entryAddr,
  entryLive,
  newDict,
  removeEntry,
} from "../dict.ts";
import { newTuple, tupleItem, tupleLen } from "../seq.ts";
import { intern } from "../str.ts";
import { valueHash } from "../ops_hash.ts";
import * as T from "../type_ids.ts";
import { defMethod, newBuiltin } from "../builtin_fn.ts";
import { E, pyError, pyErrorWith, typeError, valueError } from "../errors.ts";
import {
  callMethod,
  containsHooks,
  delItemHooks,
  dictDeleteHook,
  eqHooks,
  getItem,
  getItemHooks,
  lenHooks,
  lookupType,
  pyEquals,
  reprHooks,
  reprOf,
  setItemHooks,
  typeName,
} from "../ops.ts";
import { typeIndexOf, types } from "../types.ts";
import { argRange, exactlyOne, forEach, noKw, posCount } from "./util.ts";
import { defTypeAttr } from "../builtin_fn.ts";
import { listOf } from "./util.ts";
import { listItem, listLen } from "../seq.ts";
import { installSet } from "./setlib.ts";

/** A rooted heap word holding None, for set entries' values. */
let noneBox = 0;
export function noneSlot(): number {
  if (noneBox === 0) {
    noneBox = allocate(T.T_VALUES, 24, 0, 0);
    W.setNone(noneBox + 16);
    rootProviders.push(() => markRef(noneBox));
  }
  return noneBox + 16;
}

function each(d: number, fn: (e: number) => boolean | void): void {
  for (let i = 0; i < dictFilled(d); i++) {
    if (!entryLive(d, i)) continue;
    if (fn(entryAddr(d, i)) === false) return;
  }
}

/** Whether every key of dict a is a key of dict b. */
function keysSubset(a: number, b: number): boolean {
  if (dictLen(a) > dictLen(b)) return false;
  let ok = true;
  each(a, (e) => {
    if (dictGetAddr(b, e + 8) === 0) ok = false;
    return ok;
  });
  return ok;
}

export function dictRepr(r: number): string {
  const parts: string[] = [];
  for (let i = 0; i < dictFilled(r); i++) {
    if (!entryLive(r, i)) continue;
    const e = entryAddr(r, i);
    const k = reprOf(e + 8);
    parts.push(k + ": " + reprOf(entryAddr(r, i) + 16));
  }
  return "{" + parts.join(", ") + "}";
}

function dictEq(a: number, b: number): boolean {
  if (dictLen(a) !== dictLen(b)) return false;
  for (let i = 0; i < dictFilled(a); i++) {
    if (!entryLive(a, i)) continue;
    const e = entryAddr(a, i);
    const v = dictGetAddr(b, e + 8);
    if (v === 0) return false;
    if (!pyEquals(entryAddr(a, i) + 16, v)) return false;
  }
  return true;
}

/** dict.update(other) for a dict, a mapping with keys(), or an iterable of pairs. */
export function dictUpdate(d: number, other: number): void {
  const t = typeIndexOf(other);
  if (t === T.T_DICT) {
    const o = W.getRef(other);
    each(o, (e) => dictSet(d, e + 8, e + 16, W.getInt(e)));
    return;
  }
  const tmp = tempPush(3);
  try {
    if (types[t].isClass && lookupType(t, intern("keys")) !== 0) {
      callMethod(other, intern("keys"), 0, 0, tmp);
      listOf(tmp, tmp);
      const l = W.getRef(tmp);
      for (let k = 0; k < listLen(l); k++) {
        W.copy(tmp + 8, listItem(l, k));
        getItem(other, tmp + 8, tmp + 16);
        dictSet(d, tmp + 8, tmp + 16);
      }
      return;
    }
    let n = 0;
    forEach(other, (item) => {
      W.copy(tmp, item);
      try {
        listOf(tmp, tmp);
      } catch (_e) {
        throw typeError(
          `cannot convert dictionary update sequence element #${n} to a sequence`,
        );
      }
      const l = W.getRef(tmp);
      if (listLen(l) !== 2) {
        throw valueError(
          `dictionary update sequence element #${n} has length ${listLen(l)}; 2 is required`,
        );
      }
      dictSet(d, listItem(l, 0), listItem(l, 1));
      n++;
    });
  } finally {
    tempPopTo(tmp);
  }
}

function kwInto(d: number, args: number, nargs: number, kw: number): void {
  if (kw === 0) return;
  const n = tupleLen(kw);
  for (let k = 0; k < n; k++) dictSet(d, tupleItem(kw, k), args + 8 * (nargs - n + k));
}

function view(type: number, d: number, out: number): void {
  const r = allocate(type, 24, 0, 0);
  W.setRef(r + 16, d);
  W.setRef(out, r);
}

function viewDict(r: number): number {
  return W.getRef(r + 16);
}

export function installDict(): void {
  dictDeleteHook.del = (d, key) => dictDelete(d, key);
  lenHooks[T.T_DICT] = dictLen;
  reprHooks[T.T_DICT] = dictRepr;
  eqHooks[T.T_DICT] = dictEq;
  getItemHooks[T.T_DICT] = (d, key, out) => {
    const a = dictGetAddr(d, key);
    if (a === 0) throw pyErrorWith(E.KeyError, key);
    W.copy(out, a);
  };
  setItemHooks[T.T_DICT] = (d, key, value) => dictSet(d, key, value);
  delItemHooks[T.T_DICT] = (d, key) => {
    if (!dictDelete(d, key)) throw pyErrorWith(E.KeyError, key);
  };
  containsHooks[T.T_DICT] = (d, key) => dictGetAddr(d, key) !== 0;

  for (const vt of [T.T_DICT_KEYS, T.T_DICT_VALUES, T.T_DICT_ITEMS]) {
    lenHooks[vt] = (r) => dictLen(viewDict(r));
    reprHooks[vt] = (r) => {
      const d = viewDict(r);
      const parts: string[] = [];
      for (let i = 0; i < dictFilled(d); i++) {
        if (!entryLive(d, i)) continue;
        const e = entryAddr(d, i);
        if (vt === T.T_DICT_KEYS) parts.push(reprOf(e + 8));
        else if (vt === T.T_DICT_VALUES) parts.push(reprOf(e + 16));
        else parts.push(`(${reprOf(e + 8)}, ${reprOf(entryAddr(d, i) + 16)})`);
      }
      return `${types[vt].name}([${parts.join(", ")}])`;
    };
  }
  containsHooks[T.T_DICT_KEYS] = (r, key) => dictGetAddr(viewDict(r), key) !== 0;
  containsHooks[T.T_DICT_VALUES] = (r, v) => {
    const d = viewDict(r);
    for (let i = 0; i < dictFilled(d); i++) {
      if (entryLive(d, i) && pyEquals(entryAddr(d, i) + 16, v)) return true;
    }
    return false;
  };
  containsHooks[T.T_DICT_ITEMS] = (r, item) => {
    if (typeIndexOf(item) !== T.T_TUPLE || tupleLen(W.getRef(item)) !== 2) return false;
    const a = dictGetAddr(viewDict(r), tupleItem(W.getRef(item), 0));
    return a !== 0 && pyEquals(a, tupleItem(W.getRef(item), 1));
  };
  eqHooks[T.T_DICT_KEYS] = (a, b) => {
    const x = viewDict(a), y = viewDict(b);
    return dictLen(x) === dictLen(y) && keysSubset(x, y);
  };

  types[T.T_DICT].construct = (args, nargs, kw, out) => {
    const np = posCount(nargs, kw);
    if (np > 1) throw typeError(`dict expected at most 1 argument, got ${np}`);
    const tmp = tempPush(1);
    try {
      const d = newDict();
      W.setRef(tmp, d);
      if (np === 1) dictUpdate(d, args);
      kwInto(d, args, nargs, kw);
      W.copy(out, tmp);
    } finally {
      tempPopTo(tmp);
    }
  };

  const m = (name: string, fn: (args: number, nargs: number, kw: number, out: number) => void) =>
    defMethod(T.T_DICT, name, fn);
  const self = (args: number) => W.getRef(args);
  m("get", (args, nargs, kw, out) => {
    noKw(kw, "dict.get");
    argRange("get", nargs - 1, 1, 2);
    const a = dictGetAddr(self(args), args + 8);
    if (a !== 0) W.copy(out, a);
    else if (nargs > 2) W.copy(out, args + 16);
    else W.setNone(out);
  });
  m("setdefault", (args, nargs, kw, out) => {
    noKw(kw, "dict.setdefault");
    argRange("setdefault", nargs - 1, 1, 2);
    const d = self(args);
    const a = dictGetAddr(d, args + 8);
    if (a !== 0) {
      W.copy(out, a);
      return;
    }
    if (nargs > 2) {
      dictSet(d, args + 8, args + 16);
      W.copy(out, args + 16);
    } else {
      dictSet(d, args + 8, noneSlot());
      W.setNone(out);
    }
  });
  m("pop", (args, nargs, kw, out) => {
    noKw(kw, "dict.pop");
    argRange("pop", nargs - 1, 1, 2);
    const d = self(args);
    const tmp = tempPush(1);
    try {
      if (dictDelete(d, args + 8, tmp)) W.copy(out, tmp);
      else if (nargs > 2) W.copy(out, args + 16);
      else throw pyErrorWith(E.KeyError, args + 8);
    } finally {
      tempPopTo(tmp);
    }
  });
  m("popitem", (args, nargs, kw, out) => {
    noKw(kw, "dict.popitem");
    argRange("popitem", nargs - 1, 0, 0);
    const d = self(args);
    if (dictLen(d) === 0) throw pyError(E.KeyError, "popitem(): dictionary is empty");
    let i = dictFilled(d) - 1;
    while (!entryLive(d, i)) i--;
    const t = newTuple(2);
    const e = entryAddr(d, i);
    W.copy(tupleItem(t, 0), e + 8);
    W.copy(tupleItem(t, 1), e + 16);
    removeEntry(d, i);
    W.setRef(out, t);
  });
  m("keys", (args, _n, _kw, out) => view(T.T_DICT_KEYS, self(args), out));
  m("values", (args, _n, _kw, out) => view(T.T_DICT_VALUES, self(args), out));
  m("items", (args, _n, _kw, out) => view(T.T_DICT_ITEMS, self(args), out));
  m("update", (args, nargs, kw, out) => {
    const np = posCount(nargs, kw);
    if (np > 2) throw typeError(`update expected at most 1 argument, got ${np - 1}`);
    const d = self(args);
    if (np === 2) dictUpdate(d, args + 8);
    kwInto(d, args, nargs, kw);
    W.setNone(out);
  });
  m("copy", (args, _n, _kw, out) => {
    const d = self(args);
    const r = newDict(T.T_DICT, dictLen(d));
    each(d, (e) => dictSet(r, e + 8, e + 16, W.getInt(e)));
    W.setRef(out, r);
  });
  m("clear", (args, _n, _kw, out) => {
    const d = self(args);
    // dictClear replaces the tables; keep it simple and explicit
    for (let i = 0; i < dictFilled(d); i++) if (entryLive(d, i)) removeEntry(d, i);
    W.setNone(out);
  });
  m("__len__", (args, _n, _kw, out) => W.setInt(out, dictLen(self(args))));
  m("__contains__", (args, nargs, _kw, out) => {
    exactlyOne("__contains__", nargs - 1);
    W.setBool(out, dictGetAddr(self(args), args + 8) !== 0);
  });
  m("__getitem__", (args, nargs, _kw, out) => {
    exactlyOne("__getitem__", nargs - 1);
    getItemHooks[T.T_DICT](self(args), args + 8, out);
  });
  m("__setitem__", (args, nargs, _kw, out) => {
    argRange("__setitem__", nargs - 1, 2, 2);
    dictSet(self(args), args + 8, args + 16);
    W.setNone(out);
  });
  const fromkeys = newBuiltin("fromkeys", (args, nargs, kw, out) => {
    noKw(kw, "dict.fromkeys");
    argRange("fromkeys", nargs - 1, 1, 2);
    const tmp = tempPush(2);
    try {
      const d = newDict();
      W.setRef(tmp, d);
      if (nargs > 2) W.copy(tmp + 8, args + 16);
      forEach(args + 8, (k) => dictSet(d, k, tmp + 8));
      W.copy(out, tmp);
    } finally {
      tempPopTo(tmp);
    }
  }, "dict.fromkeys");
  const cm = allocate(T.T_CLASSMETHOD, 24, 0, 0);
  W.setRef(cm + 16, fromkeys);
  const slot = tempPush(1);
  W.setRef(slot, cm);
  defTypeAttr(T.T_DICT, "fromkeys", slot);
  tempPopTo(slot);

  installSet();
}

export { isSetLike, setBinary } from "./setlib.ts";
export { typeName, valueHash };
