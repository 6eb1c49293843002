// The builtin functions, and the types that are called like functions (range, slice, enumerate,
// zip, map, filter, reversed, property, staticmethod, classmethod, object, type).
import { f64, u32, W } from "../mem.ts";
import { allocate } from "../space.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { setIntBig, setIntNumber } from "../int.ts";
import { newStr, strValue } from "../str.ts";
import { listItem, listLen, newTuple, tupleItem, tupleLen } from "../seq.ts";
import * as T from "../type_ids.ts";
import { defMethod, newBuiltin } from "../builtin_fn.ts";
import type { BuiltinFn } from "../builtin_fn.ts";
import { E, newException, pyError, PyExc, typeError, valueError } from "../errors.ts";
import {
  attributeError,
  binaryOp,
  containsHooks,
  defaultRepr,
  delAttr,
  eqHooks,
  getAttrHooks,
  getAttrOrFalse,
  getItemHooks,
  getIter,
  iterNext,
  lenHooks,
  lenOf,
  lookupType,
  pyEquals,
  pyLess,
  reprHooks,
  reprOf,
  setAttr,
  strOf,
  truthy,
  typeName,
} from "../ops.ts";
import { isSubtype, typeIndexOf, types } from "../types.ts";
import { NB_ADD, numKind } from "../num.ts";
import { intern } from "../str.ts";
import {
  argRange,
  checkKw,
  exactlyOne,
  forEach,
  indexOf,
  intValue,
  isStr,
  isType,
  kwArg,
  listOf,
  noKw,
  posCount,
  SL,
  sliceIndices,
  typeArg,
} from "./util.ts";
import { stdout } from "./stdout.ts";
import { asciiOf, formatValue } from "./format.ts";
import { sortList } from "./list.ts";
import {
  builtinAbs,
  builtinDivmod,
  builtinPow,
  builtinRound,
  intToBase,
  pyHash,
} from "./numlib.ts";
import { lenOfRange, makeEnumerate, makeFilter, makeMap, makeReversed, makeZip } from "./iters.ts";
import { RANGE_BYTES, SLICE_BYTES } from "./iter_layout.ts";

// ---------------------------------------------------------------------------------------------
// print

export const builtinPrint: BuiltinFn = (args, nargs, kw, out) => {
  let sep = " ", end = "\n";
  let np = nargs;
  let flush = false;
  if (kw !== 0) {
    np = posCount(nargs, kw);
    const n = tupleLen(kw);
    for (let k = 0; k < n; k++) {
      const name = strValue(W.getRef(tupleItem(kw, k)));
      const v = args + 8 * (np + k);
      if (name === "sep" || name === "end") {
        let s: string;
        if (W.isNone(v)) s = name === "sep" ? " " : "\n";
        else if (isStr(v)) s = strValue(W.getRef(v));
        else throw typeError(`${name} must be None or a string, not ${typeName(v)}`);
        if (name === "sep") sep = s;
        else end = s;
      } else if (name === "flush") flush = truthy(v);
      else if (name === "file") {
        if (!W.isNone(v)) throw typeError("print(file=...) is not supported");
      } else throw typeError(`'${name}' is an invalid keyword argument for print()`);
    }
  }
  if (np === 1) stdout.write(strOf(args) + end);
  else {
    let s = "";
    for (let k = 0; k < np; k++) {
      if (k > 0) s += sep;
      s += strOf(args + 8 * k);
    }
    stdout.write(s + end);
  }
  if (flush) stdout.flush();
  W.setNone(out);
};

// ---------------------------------------------------------------------------------------------
// min / max / sum / sorted / any / all

function minmax(isMax: boolean): BuiltinFn {
  const name = isMax ? "max" : "min";
  return (args, nargs, kw, out) => {
    checkKw(kw, ["key", "default"], name);
    const np = posCount(nargs, kw);
    if (np === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
    let key = kwArg(args, nargs, kw, "key");
    if (key !== 0 && W.isNone(key)) key = 0;
    const dflt = kwArg(args, nargs, kw, "default");
    if (np > 1 && dflt !== 0) {
      throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    const tmp = tempPush(3); // best, bestKey, curKey
    let have = false;
    try {
      const visit = (item: number): void => {
        if (key !== 0) {
          tempCall(key, item, tmp + 16);
          if (!have) {
            W.copy(tmp, item);
            W.copy(tmp + 8, tmp + 16);
            have = true;
          } else if (isMax ? pyLess(tmp + 8, tmp + 16) : pyLess(tmp + 16, tmp + 8)) {
            W.copy(tmp, item);
            W.copy(tmp + 8, tmp + 16);
          }
          return;
        }
        if (!have) {
          W.copy(tmp, item);
          have = true;
        } else if (isMax ? pyLess(tmp, item) : pyLess(item, tmp)) W.copy(tmp, item);
      };
      if (np === 1) forEach(args, visit);
      else {
        const copy = tempPush(1);
        for (let k = 0; k < np; k++) {
          W.copy(copy, args + 8 * k);
          visit(copy);
        }
      }
      if (!have) {
        if (dflt !== 0) {
          W.copy(out, dflt);
          return;
        }
        throw valueError(`${name}() arg is an empty sequence`);
      }
      W.copy(out, tmp);
    } finally {
      tempPopTo(tmp);
    }
  };
}

import { callValue } from "../ops.ts";
function tempCall(fn: number, arg: number, out: number): void {
  callValue(fn, arg, 1, 0, out);
}

const EXACT = 2 ** 53;

export const builtinSum: BuiltinFn = (args, nargs, kw, out) => {
  checkKw(kw, ["start"], "sum");
  const np = posCount(nargs, kw);
  if (np < 1 || np > 2) {
    throw typeError(`sum() takes at most 2 arguments (${np} given)`);
  }
  const start = np > 1 ? args + 8 : kwArg(args, nargs, kw, "start");
  if (start !== 0 && isStr(start)) {
    throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  }
  const acc = tempPush(1);
  try {
    if (start !== 0) W.copy(acc, start);
    else W.setInt(acc, 0);
    // fast paths: small ints summed exactly in a double, floats left to right
    let mode = W.isInt(acc) ? 1 : W.isFloat(acc) ? 2 : 0;
    let iv = mode === 1 ? W.getInt(acc) : 0;
    let fv = mode === 2 ? f64[acc >> 3] : 0;
    const flush = () => {
      if (mode === 1) setIntNumber(acc, iv);
      else if (mode === 2) W.setFloat(acc, fv);
      mode = 0;
    };
    forEach(args, (item) => {
      if (mode === 1) {
        if (W.isInt(item)) {
          const r = iv + W.getInt(item);
          if (Math.abs(r) < EXACT) {
            iv = r;
            return;
          }
        } else if (W.isFloat(item)) {
          mode = 2;
          fv = iv + f64[item >> 3];
          return;
        }
      } else if (mode === 2) {
        if (W.isFloat(item)) {
          fv += f64[item >> 3];
          return;
        }
        if (W.isInt(item)) {
          fv += W.getInt(item);
          return;
        }
      }
      flush();
      binaryOp(NB_ADD, acc, item, acc);
    });
    flush();
    W.copy(out, acc);
  } finally {
    tempPopTo(acc);
  }
};

export const builtinSorted: BuiltinFn = (args, nargs, kw, out) => {
  checkKw(kw, ["key", "reverse"], "sort");
  const np = posCount(nargs, kw);
  if (np !== 1) throw typeError(`sorted expected 1 argument, got ${np}`);
  const key = kwArg(args, nargs, kw, "key");
  const rev = kwArg(args, nargs, kw, "reverse");
  const tmp = tempPush(1);
  try {
    listOf(args, tmp);
    sortList(W.getRef(tmp), key, rev !== 0 && truthy(rev));
    W.copy(out, tmp);
  } finally {
    tempPopTo(tmp);
  }
};

function anyAll(isAny: boolean): BuiltinFn {
  const name = isAny ? "any" : "all";
  return (args, nargs, kw, out) => {
    noKw(kw, name);
    exactlyOne(name, nargs);
    let r = !isAny;
    forEach(args, (item) => {
      if (truthy(item) === isAny) {
        r = isAny;
        return false;
      }
    });
    W.setBool(out, r);
  };
}

// ---------------------------------------------------------------------------------------------
// isinstance / issubclass

function classInfoMatch(t: number, cls: number, fname: string, argNo: number): boolean {
  if (isType(cls)) return isSubtype(t, typeArg(cls));
  if (typeIndexOf(cls) === T.T_TUPLE) {
    const r = W.getRef(cls);
    for (let k = 0; k < tupleLen(r); k++) {
      if (classInfoMatch(t, tupleItem(r, k), fname, argNo)) return true;
    }
    return false;
  }
  throw typeError(`${fname}() arg ${argNo} must be a type, a tuple of types, or a union`);
}

// ---------------------------------------------------------------------------------------------
// range and slice objects

export function newRange(start: number, stop: number, step: number, out: number): void {
  const r = allocate(T.T_RANGE, RANGE_BYTES, 0, 0);
  W.copy(r + 16, start);
  W.copy(r + 24, stop);
  W.copy(r + 32, step);
  W.setRef(out, r);
}

/** A slice object from three value slots (None for absent parts). */
export function newSlice(start: number, stop: number, step: number): number {
  const r = allocate(T.T_SLICE, SLICE_BYTES, 0, 0);
  W.copy(r + 16, start);
  W.copy(r + 24, stop);
  W.copy(r + 32, step);
  return r;
}

function normInt(a: number, out: number): void {
  setIntBig(out, BigInt(indexOf(a)));
}

function rangeConstruct(args: number, nargs: number, kw: number, out: number): void {
  noKw(kw, "range");
  if (nargs === 0) throw typeError("range expected at least 1 argument, got 0");
  if (nargs > 3) throw typeError(`range expected at most 3 arguments, got ${nargs}`);
  const tmp = tempPush(3);
  try {
    if (nargs === 1) {
      W.setInt(tmp, 0);
      normInt(args, tmp + 8);
      W.setInt(tmp + 16, 1);
    } else {
      normInt(args, tmp);
      normInt(args + 8, tmp + 8);
      if (nargs === 3) normInt(args + 16, tmp + 16);
      else W.setInt(tmp + 16, 1);
      const st = intValue(tmp + 16)!;
      if (st === 0 || st === 0n) throw valueError("range() arg 3 must not be zero");
    }
    newRange(tmp, tmp + 8, tmp + 16, out);
  } finally {
    tempPopTo(tmp);
  }
}

function rangeItem(r: number, i: bigint, out: number): void {
  setIntBig(out, BigInt(intValue(r + 16)!) + i * BigInt(intValue(r + 32)!));
}

function rangeContainsInt(r: number, v: bigint): boolean {
  const start = BigInt(intValue(r + 16)!), stop = BigInt(intValue(r + 24)!);
  const step = BigInt(intValue(r + 32)!);
  if (step > 0n ? v < start || v >= stop : v > start || v <= stop) return false;
  return (v - start) % step === 0n;
}

function installRange(): void {
  types[T.T_RANGE].construct = rangeConstruct;
  lenHooks[T.T_RANGE] = (r) => {
    const n = lenOfRange(r);
    if (typeof n === "bigint") {
      if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw pyError(E.OverflowError, "Python int too large to convert to C ssize_t");
      }
      return Number(n);
    }
    return n;
  };
  reprHooks[T.T_RANGE] = (r) => {
    const step = intValue(r + 32)!;
    const base = `range(${reprOf(r + 16)}, ${reprOf(r + 24)}`;
    return step === 1 || step === 1n ? base + ")" : base + `, ${reprOf(r + 32)})`;
  };
  getItemHooks[T.T_RANGE] = (r, key, out) => {
    const n = BigInt(lenOfRange(r));
    if (W.isRef(key) && u32[W.getRef(key) >> 2] === T.T_SLICE) {
      if (n > 2n ** 52n) throw pyError(E.OverflowError, "range too large to slice");
      sliceIndices(W.getRef(key), Number(n));
      const tmp = tempPush(3);
      try {
        const start = BigInt(intValue(r + 16)!), step = BigInt(intValue(r + 32)!);
        setIntBig(tmp, start + BigInt(SL.start) * step);
        setIntBig(tmp + 8, start + BigInt(SL.stop) * step);
        setIntBig(tmp + 16, step * BigInt(SL.step));
        newRange(tmp, tmp + 8, tmp + 16, out);
      } finally {
        tempPopTo(tmp);
      }
      return;
    }
    const v = intValue(key);
    if (v === null && !(types[typeIndexOf(key)].isClass)) {
      throw typeError(`range indices must be integers or slices, not ${typeName(key)}`);
    }
    let i = BigInt(v ?? indexOf(key));
    if (i < 0n) i += n;
    if (i < 0n || i >= n) throw pyError(E.IndexError, "range object index out of range");
    rangeItem(r, i, out);
  };
  containsHooks[T.T_RANGE] = (r, item) => {
    const k = numKind(item);
    if (k === 1) return rangeContainsInt(r, BigInt(intValue(item)!));
    let found = false;
    const tmp = tempPush(1);
    try {
      W.setRef(tmp, r);
      forEach(tmp, (x) => {
        if (pyEquals(x, item)) {
          found = true;
          return false;
        }
      });
    } finally {
      tempPopTo(tmp);
    }
    return found;
  };
  eqHooks[T.T_RANGE] = (a, b) => {
    const na = BigInt(lenOfRange(a)), nb = BigInt(lenOfRange(b));
    if (na !== nb) return false;
    if (na === 0n) return true;
    if (BigInt(intValue(a + 16)!) !== BigInt(intValue(b + 16)!)) return false;
    return na === 1n || BigInt(intValue(a + 32)!) === BigInt(intValue(b + 32)!);
  };
  getAttrHooks[T.T_RANGE] = (obj, name, out) => {
    const r = W.getRef(obj);
    const off = name === "start" ? 16 : name === "stop" ? 24 : name === "step" ? 32 : 0;
    if (off === 0) return false;
    W.copy(out, r + off);
    return true;
  };
  defMethod(T.T_RANGE, "count", (args, nargs, _kw, out) => {
    exactlyOne("count", nargs - 1);
    const r = W.getRef(args);
    if (numKind(args + 8) === 1) {
      W.setInt(out, rangeContainsInt(r, BigInt(intValue(args + 8)!)) ? 1 : 0);
    } else W.setInt(out, containsHooks[T.T_RANGE](r, args + 8) ? 1 : 0);
  });
  defMethod(T.T_RANGE, "index", (args, nargs, _kw, out) => {
    exactlyOne("index", nargs - 1);
    const r = W.getRef(args);
    if (numKind(args + 8) === 1) {
      const v = BigInt(intValue(args + 8)!);
      if (rangeContainsInt(r, v)) {
        setIntBig(out, (v - BigInt(intValue(r + 16)!)) / BigInt(intValue(r + 32)!));
        return;
      }
    }
    throw valueError(`${reprOf(args + 8)} is not in range`);
  });

  types[T.T_SLICE].construct = (args, nargs, kw, out) => {
    noKw(kw, "slice");
    argRange("slice", nargs, 1, 3);
    const tmp = tempPush(3);
    try {
      if (nargs === 1) W.copy(tmp + 8, args);
      else {
        W.copy(tmp, args);
        W.copy(tmp + 8, args + 8);
        if (nargs === 3) W.copy(tmp + 16, args + 16);
      }
      W.setRef(out, newSlice(tmp, tmp + 8, tmp + 16));
    } finally {
      tempPopTo(tmp);
    }
  };
  reprHooks[T.T_SLICE] = (r) => `slice(${reprOf(r + 16)}, ${reprOf(r + 24)}, ${reprOf(r + 32)})`;
  eqHooks[T.T_SLICE] = (a, b) =>
    pyEquals(a + 16, b + 16) && pyEquals(a + 24, b + 24) && pyEquals(a + 32, b + 32);
  getAttrHooks[T.T_SLICE] = (obj, name, out) => {
    const off = name === "start" ? 16 : name === "stop" ? 24 : name === "step" ? 32 : 0;
    if (off === 0) return false;
    W.copy(out, W.getRef(obj) + off);
    return true;
  };
  defMethod(T.T_SLICE, "indices", (args, nargs, _kw, out) => {
    exactlyOne("slice.indices", nargs - 1);
    const n = Number(indexOf(args + 8));
    if (n < 0) throw valueError("length should not be negative");
    sliceIndices(W.getRef(args), n);
    const t = newTuple(3);
    W.setInt(tupleItem(t, 0), SL.start);
    W.setInt(tupleItem(t, 1), SL.stop);
    W.setInt(tupleItem(t, 2), SL.step);
    W.setRef(out, t);
  });
}

// ---------------------------------------------------------------------------------------------
// property / staticmethod / classmethod / object / type

function installDescriptors(): void {
  const newProperty = (get: number, set: number, del: number, out: number) => {
    const r = allocate(T.T_PROPERTY, 40, 0, 0);
    W.copy(r + 16, get);
    W.copy(r + 24, set);
    W.copy(r + 32, del);
    W.setRef(out, r);
  };
  types[T.T_PROPERTY].construct = (args, nargs, kw, out) => {
    checkKw(kw, ["fget", "fset", "fdel", "doc"], "property");
    const np = posCount(nargs, kw);
    if (np > 4) throw typeError(`property() takes at most 4 arguments (${np} given)`);
    const tmp = tempPush(3);
    try {
      const names = ["fget", "fset", "fdel"];
      for (let k = 0; k < 3; k++) {
        const a = k < np ? args + 8 * k : kwArg(args, nargs, kw, names[k]);
        if (a !== 0) W.copy(tmp + 8 * k, a);
      }
      newProperty(tmp, tmp + 8, tmp + 16, out);
    } finally {
      tempPopTo(tmp);
    }
  };
  for (const [name, off] of [["getter", 16], ["setter", 24], ["deleter", 32]] as const) {
    defMethod(T.T_PROPERTY, name, (args, nargs, _kw, out) => {
      exactlyOne(name, nargs - 1);
      const p = W.getRef(args);
      const tmp = tempPush(3);
      try {
        W.copy(tmp, p + 16);
        W.copy(tmp + 8, p + 24);
        W.copy(tmp + 16, p + 32);
        W.copy(tmp + (off - 16), args + 8);
        newProperty(tmp, tmp + 8, tmp + 16, out);
      } finally {
        tempPopTo(tmp);
      }
    });
  }
  getAttrHooks[T.T_PROPERTY] = (obj, name, out) => {
    const off = name === "fget" ? 16 : name === "fset" ? 24 : name === "fdel" ? 32 : 0;
    if (off === 0) return false;
    W.copy(out, W.getRef(obj) + off);
    if (W.isNull(out)) W.setNone(out);
    return true;
  };
  for (const t of [T.T_STATICMETHOD, T.T_CLASSMETHOD]) {
    types[t].construct = (args, nargs, kw, out) => {
      noKw(kw, types[t].name);
      if (nargs !== 1) throw typeError(`${types[t].name} expected 1 argument, got ${nargs}`);
      const r = allocate(t, 24, 0, 0);
      W.copy(r + 16, args);
      W.setRef(out, r);
    };
    getAttrHooks[t] = (obj, name, out) => {
      if (name !== "__func__") return false;
      W.copy(out, W.getRef(obj) + 16);
      return true;
    };
  }
  types[T.T_OBJECT].construct = (_args, nargs, kw, out) => {
    if (nargs > 0) throw typeError("object() takes no arguments");
    noKw(kw, "object");
    W.setRef(out, allocate(T.T_OBJECT, 16, 0, 0));
  };
  const om = (name: string, fn: BuiltinFn) => defMethod(T.T_OBJECT, name, fn);
  om("__init__", (_args, _nargs, _kw, out) => W.setNone(out));
  om("__repr__", (args, _nargs, _kw, out) => W.setRef(out, newStr(objectRepr(args))));
  om("__str__", (args, _nargs, _kw, out) => W.setRef(out, newStr(reprOf(args))));
  om("__format__", (args, nargs, _kw, out) => {
    exactlyOne("__format__", nargs - 1);
    const spec = isStr(args + 8) ? strValue(W.getRef(args + 8)) : "";
    if (spec !== "") {
      throw typeError(`unsupported format string passed to ${typeName(args)}.__format__`);
    }
    W.setRef(out, newStr(strOf(args)));
  });
  types[T.T_TYPE].construct = (args, nargs, kw, out) => {
    noKw(kw, "type");
    if (nargs === 1) {
      W.setRef(out, types[typeIndexOf(args)].ref);
      return;
    }
    throw typeError("type() takes 1 or 3 arguments");
  };
}

function objectRepr(a: number): string {
  const t = typeIndexOf(a);
  const info = types[t];
  if (info.isClass) {
    const mod = info.module === "builtins" ? "" : info.module + ".";
    return `<${mod}${info.qualname} object at 0x${W.getRef(a).toString(16).padStart(12, "0")}>`;
  }
  return defaultRepr(a);
}

// ---------------------------------------------------------------------------------------------
// The builtins table

function idOf(a: number): number {
  if (W.isRef(a)) return W.getRef(a);
  return (u32[(a >> 2) + 1] & 0xffff) * 4294967296 + u32[a >> 2] + 2 ** 50;
}

function attrName(a: number, fname: string): number {
  if (!isStr(a)) {
    throw typeError(`${fname}(): attribute name must be string, not '${typeName(a)}'`);
  }
  return intern(strValue(W.getRef(a)));
}

function isAttributeError(e: unknown): boolean {
  return e instanceof PyExc && isSubtype(u32[e.ref >> 2], E.AttributeError);
}

function intConv(base: number, prefix: string, name: string): BuiltinFn {
  return (args, nargs, kw, out) => {
    noKw(kw, name);
    exactlyOne(name, nargs);
    W.setRef(out, newStr(intToBase(BigInt(indexOf(args)), base, prefix)));
  };
}

export function builtinFunctions(): [string, BuiltinFn][] {
  return [
    ["print", builtinPrint],
    ["len", (args, nargs, kw, out) => {
      noKw(kw, "len");
      exactlyOne("len", nargs);
      const n = lenOf(args);
      setIntNumber(out, n);
    }],
    ["abs", builtinAbs],
    ["min", minmax(false)],
    ["max", minmax(true)],
    ["sum", builtinSum],
    ["sorted", builtinSorted],
    ["any", anyAll(true)],
    ["all", anyAll(false)],
    ["round", builtinRound],
    ["divmod", builtinDivmod],
    ["pow", builtinPow],
    ["repr", (args, nargs, kw, out) => {
      noKw(kw, "repr");
      exactlyOne("repr", nargs);
      W.setRef(out, newStr(reprOf(args)));
    }],
    ["ascii", (args, nargs, kw, out) => {
      noKw(kw, "ascii");
      exactlyOne("ascii", nargs);
      W.setRef(out, newStr(asciiOf(reprOf(args))));
    }],
    ["format", (args, nargs, kw, out) => {
      noKw(kw, "format");
      argRange("format", nargs, 1, 2);
      let spec = "";
      if (nargs > 1) {
        if (!isStr(args + 8)) {
          throw typeError(`format() argument 2 must be str, not ${typeName(args + 8)}`);
        }
        spec = strValue(W.getRef(args + 8));
      }
      W.setRef(out, newStr(formatValue(args, spec)));
    }],
    ["hash", (args, nargs, kw, out) => {
      noKw(kw, "hash");
      exactlyOne("hash", nargs);
      setIntBig(out, pyHash(args));
    }],
    ["vars", (args, nargs, kw, out) => {
      noKw(kw, "vars");
      if (nargs === 0) {
        // needs the caller's frame, which built-ins do not see
        throw pyError(E.SystemError, "vars() without an argument is not supported");
      }
      if (nargs > 1) throw typeError(`vars expected at most 1 argument, got ${nargs}`);
      try {
        if (getAttrOrFalse(args, intern("__dict__"), out)) return;
      } catch (e) {
        if (!isAttributeError(e)) throw e;
      }
      throw typeError("vars() argument must have __dict__ attribute");
    }],
    ["id", (args, nargs, kw, out) => {
      noKw(kw, "id");
      exactlyOne("id", nargs);
      setIntNumber(out, idOf(args));
    }],
    ["chr", (args, nargs, kw, out) => {
      noKw(kw, "chr");
      exactlyOne("chr", nargs);
      const v = intValue(args);
      if (v === null) {
        throw typeError(`'${typeName(args)}' object cannot be interpreted as an integer`);
      }
      if (v < 0 || v > 0x10ffff) throw valueError("chr() arg not in range(0x110000)");
      W.setRef(out, newStr(String.fromCodePoint(Number(v))));
    }],
    ["ord", (args, nargs, kw, out) => {
      noKw(kw, "ord");
      exactlyOne("ord", nargs);
      if (!isStr(args)) {
        throw typeError(`ord() expected string of length 1, but ${typeName(args)} found`);
      }
      const s = strValue(W.getRef(args));
      const cps = Array.from(s);
      if (cps.length !== 1) {
        throw typeError(`ord() expected a character, but string of length ${cps.length} found`);
      }
      W.setInt(out, cps[0].codePointAt(0)!);
    }],
    ["hex", intConv(16, "0x", "hex")],
    ["oct", intConv(8, "0o", "oct")],
    ["bin", intConv(2, "0b", "bin")],
    ["iter", (args, nargs, kw, out) => {
      noKw(kw, "iter");
      argRange("iter", nargs, 1, 1);
      getIter(args, out);
    }],
    ["next", (args, nargs, kw, out) => {
      noKw(kw, "next");
      argRange("next", nargs, 1, 2);
      const t = typeIndexOf(args);
      if (!types[t].isClass && getIterOnly(t)) {
        throw typeError(`'${types[t].name}' object is not an iterator`);
      }
      const tmp = tempPush(1);
      try {
        if (iterNext(args, tmp)) {
          W.copy(out, tmp);
          return;
        }
      } finally {
        tempPopTo(tmp);
      }
      if (nargs > 1) {
        W.copy(out, args + 8);
        return;
      }
      throw new PyExc(newException(E.StopIteration, newTuple(0)));
    }],
    ["callable", (args, nargs, kw, out) => {
      noKw(kw, "callable");
      exactlyOne("callable", nargs);
      const t = typeIndexOf(args);
      W.setBool(
        out,
        t === T.T_FUNCTION || t === T.T_METHOD || t === T.T_BUILTIN || t === T.T_TYPE ||
          (types[t].isClass && lookupType(t, intern("__call__")) !== 0),
      );
    }],
    ["isinstance", (args, nargs, kw, out) => {
      noKw(kw, "isinstance");
      argRange("isinstance", nargs, 2, 2);
      W.setBool(out, classInfoMatch(typeIndexOf(args), args + 8, "isinstance", 2));
    }],
    ["issubclass", (args, nargs, kw, out) => {
      noKw(kw, "issubclass");
      argRange("issubclass", nargs, 2, 2);
      if (!isType(args)) throw typeError("issubclass() arg 1 must be a class");
      W.setBool(out, classInfoMatch(typeArg(args), args + 8, "issubclass", 2));
    }],
    ["getattr", (args, nargs, kw, out) => {
      noKw(kw, "getattr");
      argRange("getattr", nargs, 2, 3);
      const name = attrName(args + 8, "getattr");
      const tmp = tempPush(1);
      try {
        if (nargs === 2) {
          if (!getAttrOrFalse(args, name, tmp)) throw attributeError(args, name);
        } else {
          try {
            if (!getAttrOrFalse(args, name, tmp)) W.copy(tmp, args + 16);
          } catch (e) {
            if (!isAttributeError(e)) throw e;
            W.copy(tmp, args + 16);
          }
        }
        W.copy(out, tmp);
      } finally {
        tempPopTo(tmp);
      }
    }],
    ["hasattr", (args, nargs, kw, out) => {
      noKw(kw, "hasattr");
      argRange("hasattr", nargs, 2, 2);
      const name = attrName(args + 8, "hasattr");
      const tmp = tempPush(1);
      try {
        let ok: boolean;
        try {
          ok = getAttrOrFalse(args, name, tmp);
        } catch (e) {
          if (!isAttributeError(e)) throw e;
          ok = false;
        }
        W.setBool(out, ok);
      } finally {
        tempPopTo(tmp);
      }
    }],
    ["setattr", (args, nargs, kw, out) => {
      noKw(kw, "setattr");
      argRange("setattr", nargs, 3, 3);
      setAttr(args, attrName(args + 8, "setattr"), args + 16);
      W.setNone(out);
    }],
    ["delattr", (args, nargs, kw, out) => {
      noKw(kw, "delattr");
      argRange("delattr", nargs, 2, 2);
      delAttr(args, attrName(args + 8, "delattr"));
      W.setNone(out);
    }],
  ];
}

function getIterOnly(t: number): boolean {
  // list, tuple, ... are iterable but not iterators
  return t === T.T_LIST || t === T.T_TUPLE || t === T.T_STR || t === T.T_DICT ||
    t === T.T_SET || t === T.T_FROZENSET || t === T.T_RANGE || t < T.T_LIST_ITER &&
      t !== T.T_CALL_ITER && !isIterType(t);
}

function isIterType(t: number): boolean {
  return t >= T.T_LIST_ITER && t <= T.T_SET_ITER || t >= T.T_ENUMERATE && t <= T.T_FILTER ||
    t === T.T_CALL_ITER || t === T.T_LIST_REVITER;
}

export function installBuiltinTypes(): void {
  installRange();
  installDescriptors();
  types[T.T_ENUMERATE].construct = (args, nargs, kw, out) => {
    checkKw(kw, ["iterable", "start"], "enumerate");
    const np = posCount(nargs, kw);
    const it = np > 0 ? args : kwArg(args, nargs, kw, "iterable");
    if (it === 0) throw typeError("enumerate() missing required argument 'iterable' (pos 1)");
    const st = np > 1 ? args + 8 : kwArg(args, nargs, kw, "start");
    const tmp = tempPush(1);
    try {
      if (st === 0) W.setInt(tmp, 0);
      else {
        if (intValue(st) === null) {
          throw typeError(`'${typeName(st)}' object cannot be interpreted as an integer`);
        }
        setIntBig(tmp, BigInt(intValue(st)!));
      }
      makeEnumerate(it, tmp, out);
    } finally {
      tempPopTo(tmp);
    }
  };
  types[T.T_ZIP].construct = (args, nargs, kw, out) => {
    checkKw(kw, ["strict"], "zip");
    makeZip(args, posCount(nargs, kw), out);
  };
  types[T.T_MAP].construct = (args, nargs, kw, out) => {
    noKw(kw, "map");
    if (nargs < 2) throw typeError("map() must have at least two arguments.");
    makeMap(args, args + 8, nargs - 1, out);
  };
  types[T.T_FILTER].construct = (args, nargs, kw, out) => {
    noKw(kw, "filter");
    argRange("filter", nargs, 2, 2);
    makeFilter(args, args + 8, out);
  };
  types[T.T_REVERSED].construct = (args, nargs, kw, out) => {
    noKw(kw, "reversed");
    argRange("reversed", nargs, 1, 1);
    makeReversed(args, out);
  };
}

/** Every builtin function object, by name. */
export function builtinObjects(): [string, number][] {
  return builtinFunctions().map(([name, fn]) => [name, newBuiltin(name, fn)]);
}

export { listItem, listLen };
