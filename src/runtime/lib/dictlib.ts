// dict, its views, set and frozenset: methods and protocol hooks.
import { u32, W } from "../mem.ts";
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
  compareHooks,
  containsHooks,
  crossEqHook,
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
import { setOrder } from "./setorder.ts";

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

function isSetType(t: number): boolean {
  return t === T.T_SET || t === T.T_FROZENSET;
}

export function isSetLike(a: number): boolean {
  return W.isRef(a) && isSetType(u32[W.getRef(a) >> 2]);
}

export function setAdd(s: number, key: number): void {
  dictSet(s, key, noneSlot());
}

/** Copy of set/dict-keys s as a new set of type t. */
export function setCopy(s: number, t: number): number {
  const r = newDict(t, dictLen(s));
  const n = dictFilled(s);
  for (let i = 0; i < n; i++) {
    if (!entryLive(s, i)) continue;
    const e = entryAddr(s, i);
    dictSet(r, e + 8, noneSlot(), W.getInt(e));
  }
  return r;
}

/** A new set of type t from any iterable in slot a (kept rooted through out). */
export function setFromIterable(a: number, t: number, out: number): void {
  const tmp = tempPush(1);
  try {
    const at = typeIndexOf(a);
    if (isSetType(at) || at === T.T_DICT) {
      W.setRef(out, setCopy(W.getRef(a), t));
      return;
    }
    const s = newDict(t);
    W.setRef(tmp, s);
    forEach(a, (item) => setAdd(s, item));
    W.copy(out, tmp);
  } finally {
    tempPopTo(tmp);
  }
}

function each(d: number, fn: (e: number) => boolean | void): void {
  for (let i = 0; i < dictFilled(d); i++) {
    if (!entryLive(d, i)) continue;
    if (fn(entryAddr(d, i)) === false) return;
  }
}

function setHas(s: number, key: number): boolean {
  return dictGetAddr(s, key) !== 0;
}

function isSubset(a: number, b: number): boolean {
  if (dictLen(a) > dictLen(b)) return false;
  let ok = true;
  each(a, (e) => {
    if (!setHas(b, e + 8)) ok = false;
    return ok;
  });
  return ok;
}

/** set op: 0 union, 1 intersection, 2 difference, 3 symmetric difference; result type t. */
export function setOp(op: number, a: number, b: number, t: number): number {
  switch (op) {
    case 0: {
      const r = setCopy(a, t);
      each(b, (e) => setAdd(r, e + 8));
      return r;
    }
    case 1: {
      const r = newDict(t);
      const [small, big] = dictLen(a) <= dictLen(b) ? [a, b] : [b, a];
      each(small, (e) => {
        if (setHas(big, e + 8)) setAdd(r, e + 8);
      });
      return r;
    }
    case 2: {
      const r = newDict(t);
      each(a, (e) => {
        if (!setHas(b, e + 8)) setAdd(r, e + 8);
      });
      return r;
    }
    default: {
      const r = newDict(t);
      each(a, (e) => {
        if (!setHas(b, e + 8)) setAdd(r, e + 8);
      });
      each(b, (e) => {
        if (!setHas(a, e + 8)) setAdd(r, e + 8);
      });
      return r;
    }
  }
}

function setRepr(r: number): string {
  const t = u32[r >> 2];
  const parts: string[] = [];
  const order = setOrder(r);
  for (let k = 0; k < order.length; k++) parts.push(reprOf(entryAddr(r, order[k]) + 8));
  if (t === T.T_FROZENSET) {
    return parts.length === 0 ? "frozenset()" : `frozenset({${parts.join(", ")}})`;
  }
  return parts.length === 0 ? "set()" : `{${parts.join(", ")}}`;
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
    return dictLen(x) === dictLen(y) && isSubset(x, y);
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

function installSet(): void {
  crossEqHook.eq = (ta, tb) => isSetType(ta) && isSetType(tb);
  for (const t of [T.T_SET, T.T_FROZENSET]) {
    lenHooks[t] = dictLen;
    reprHooks[t] = setRepr;
    containsHooks[t] = setHas;
    eqHooks[t] = (a, b) => dictLen(a) === dictLen(b) && isSubset(a, b);
    compareHooks[t] = (a, b) => {
      const sub = isSubset(a, b), sup = isSubset(b, a);
      if (sub && sup) return 0;
      if (sub) return -1;
      if (sup) return 1;
      return NaN;
    };
    types[t].construct = (args, nargs, kw, out) => {
      noKw(kw, types[t].name);
      if (nargs > 1) throw typeError(`${types[t].name} expected at most 1 argument, got ${nargs}`);
      if (nargs === 0) W.setRef(out, newDict(t));
      else if (t === T.T_FROZENSET && typeIndexOf(args) === T.T_FROZENSET) W.copy(out, args);
      else setFromIterable(args, t, out);
    };
  }
  const both = (
    name: string,
    fn: (args: number, nargs: number, kw: number, out: number) => void,
  ) => {
    defMethod(T.T_SET, name, fn);
    defMethod(T.T_FROZENSET, name, fn);
  };
  const m = (name: string, fn: (args: number, nargs: number, kw: number, out: number) => void) =>
    defMethod(T.T_SET, name, fn);
  const self = (args: number) => W.getRef(args);

  /** A set operand: sets as they are, other iterables converted (kept in tmp). */
  const operand = (a: number, tmp: number): number => {
    if (isSetLike(a)) return W.getRef(a);
    setFromIterable(a, T.T_SET, tmp);
    return W.getRef(tmp);
  };
  const ops: [string, number][] = [
    ["union", 0],
    ["intersection", 1],
    ["difference", 2],
    ["symmetric_difference", 3],
  ];
  for (const [name, op] of ops) {
    both(name, (args, nargs, kw, out) => {
      noKw(kw, `set.${name}`);
      if (op === 3) exactlyOne(`${types[typeIndexOf(args)].name}.${name}`, nargs - 1);
      const t = typeIndexOf(args);
      const tmp = tempPush(2);
      try {
        let r = setCopy(self(args), t);
        W.setRef(tmp, r);
        for (let k = 1; k < nargs; k++) {
          const o = operand(args + 8 * k, tmp + 8);
          r = setOp(op, r, o, t);
          W.setRef(tmp, r);
        }
        W.copy(out, tmp);
      } finally {
        tempPopTo(tmp);
      }
    });
    if (op === 0) continue;
    m(name + "_update", (args, nargs, kw, out) => {
      noKw(kw, `set.${name}_update`);
      const s = self(args);
      const tmp = tempPush(1);
      try {
        for (let k = 1; k < nargs; k++) {
          const o = operand(args + 8 * k, tmp);
          const r = setOp(op, s, o, T.T_SET);
          replaceContents(s, r);
        }
      } finally {
        tempPopTo(tmp);
      }
      W.setNone(out);
    });
  }
  m("update", (args, nargs, kw, out) => {
    noKw(kw, "set.update");
    const s = self(args);
    for (let k = 1; k < nargs; k++) forEach(args + 8 * k, (item) => setAdd(s, item));
    W.setNone(out);
  });
  m("add", (args, nargs, kw, out) => {
    noKw(kw, "set.add");
    exactlyOne("set.add", nargs - 1);
    setAdd(self(args), args + 8);
    W.setNone(out);
  });
  m("remove", (args, nargs, kw, out) => {
    noKw(kw, "set.remove");
    exactlyOne("set.remove", nargs - 1);
    if (!dictDelete(self(args), args + 8)) throw pyErrorWith(E.KeyError, args + 8);
    W.setNone(out);
  });
  m("discard", (args, nargs, kw, out) => {
    noKw(kw, "set.discard");
    exactlyOne("set.discard", nargs - 1);
    dictDelete(self(args), args + 8);
    W.setNone(out);
  });
  m("pop", (args, nargs, kw, out) => {
    noKw(kw, "set.pop");
    argRange("pop", nargs - 1, 0, 0);
    const s = self(args);
    if (dictLen(s) === 0) throw pyError(E.KeyError, "pop from an empty set");
    let i = 0;
    while (!entryLive(s, i)) i++;
    W.copy(out, entryAddr(s, i) + 8);
    removeEntry(s, i);
  });
  m("clear", (args, _n, _kw, out) => {
    const s = self(args);
    for (let i = 0; i < dictFilled(s); i++) if (entryLive(s, i)) removeEntry(s, i);
    W.setNone(out);
  });
  both("copy", (args, _n, _kw, out) => {
    const t = typeIndexOf(args);
    if (t === T.T_FROZENSET) W.copy(out, args);
    else W.setRef(out, setCopy(self(args), t));
  });
  for (const name of ["issubset", "issuperset", "isdisjoint"]) {
    both(name, (args, nargs, kw, out) => {
      noKw(kw, `set.${name}`);
      exactlyOne(`set.${name}`, nargs - 1);
      const tmp = tempPush(1);
      try {
        const o = operand(args + 8, tmp);
        const s = self(args);
        if (name === "issubset") W.setBool(out, isSubset(s, o));
        else if (name === "issuperset") W.setBool(out, isSubset(o, s));
        else W.setBool(out, dictLen(setOp(1, s, o, T.T_SET)) === 0);
      } finally {
        tempPopTo(tmp);
      }
    });
  }
  both("__len__", (args, _n, _kw, out) => W.setInt(out, dictLen(self(args))));
  both("__contains__", (args, nargs, _kw, out) => {
    exactlyOne("__contains__", nargs - 1);
    W.setBool(out, setHas(self(args), args + 8));
  });
}

/** Make set s hold exactly the items of set r. */
function replaceContents(s: number, r: number): void {
  for (let i = 0; i < dictFilled(s); i++) if (entryLive(s, i)) removeEntry(s, i);
  each(r, (e) => dictSet(s, e + 8, noneSlot(), W.getInt(e)));
}

/** set | & - ^ operators (and their in-place forms when inplace is set). */
export function setBinary(
  op: number,
  a: number,
  b: number,
  out: number,
  inplace: boolean,
): boolean {
  const code = op === 7 ? 0 : op === 1 ? 1 : op === 10 ? 2 : op === 12 ? 3 : -1;
  if (code < 0) return false;
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  const la = isSetType(ta) || ta === T.T_DICT_KEYS, lb = isSetType(tb) || tb === T.T_DICT_KEYS;
  if (!la || !lb) return false;
  const ra = ta === T.T_DICT_KEYS ? W.getRef(W.getRef(a) + 16) : W.getRef(a);
  const rb = tb === T.T_DICT_KEYS ? W.getRef(W.getRef(b) + 16) : W.getRef(b);
  const rt = ta === T.T_FROZENSET ? T.T_FROZENSET : T.T_SET;
  const r = setOp(code, ra, rb, rt);
  if (inplace && ta === T.T_SET) {
    replaceContents(ra, r);
    W.copy(out, a);
  } else W.setRef(out, r);
  return true;
}

export { typeName, valueHash };
