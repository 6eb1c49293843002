// int, float and bool: constructors, methods, and the numeric builtins (round, divmod, pow, abs,
// hash, hex/oct/bin), plus the hash hooks for objects (ops_hash.ts).
import { f64, u32, W } from "../mem.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { setIntBig, setIntNumber } from "../int.ts";
import { strHash, strValue } from "../str.ts";
import { tupleItem, tupleLen } from "../seq.ts";
import * as T from "../type_ids.ts";
import { defMethod } from "../builtin_fn.ts";
import { E, pyError, typeError, valueError } from "../errors.ts";
import { hashHooks, valueHash } from "../ops_hash.ts";
import {
  binaryOp,
  callMethod,
  getAttrHooks,
  lookupType,
  pyEquals,
  strRepr,
  truthy,
  typeName,
} from "../ops.ts";
import { isSubtype, typeIndexOf, types } from "../types.ts";
import { floatFloorDiv, floatMod, intToFloat, NB_POWER, numBinary, numKind } from "../num.ts";
import { argRange, checkKw, indexOf, intValue, isStr, kwArg, noKw, posCount } from "./util.ts";
import { PY_WS_CLASS } from "./strlib.ts";
import { intern } from "../str.ts";

const P = (1n << 61n) - 1n;

// ---------------------------------------------------------------------------------------------
// int() and float() parsing

const INT_BODY = /^[0-9a-z]+(_[0-9a-z]+)*$/i;

/** Parse an int literal like int(s, base); null when invalid. */
export function parseIntStr(text: string, base: number): bigint | null {
  let s = text.replace(new RegExp(`^[${PY_WS_CLASS}]+|[${PY_WS_CLASS}]+$`, "g"), "");
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  const pre = s.slice(0, 2).toLowerCase();
  const prefixBase = pre === "0x" ? 16 : pre === "0o" ? 8 : pre === "0b" ? 2 : 0;
  if (base === 0) {
    if (prefixBase !== 0) {
      base = prefixBase;
      s = s.slice(2);
      if (s[0] === "_") s = s.slice(1);
    } else {
      base = 10;
      if (/^0+(_?0)*$/.test(s)) return 0n;
      if (s[0] === "0") return null;
    }
  } else if (prefixBase === base) {
    s = s.slice(2);
    if (s[0] === "_") s = s.slice(1);
  }
  if (!INT_BODY.test(s)) return null;
  s = s.replace(/_/g, "");
  let v = 0n;
  if (base === 10 && s.length < 16) {
    if (!/^\d+$/.test(s)) return null;
    v = BigInt(Number(s));
  } else {
    const b = BigInt(base);
    for (const ch of s.toLowerCase()) {
      const d = ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 87;
      if (d < 0 || d >= base) return null;
      v = v * b + BigInt(d);
    }
  }
  return neg ? -v : v;
}

const FLOAT_RE = /^[+-]?((\d(_?\d)*)?(\.(\d(_?\d)*)?)?)([eE][+-]?\d(_?\d)*)?$/;

export function parseFloatStr(text: string): number | null {
  const s = text.replace(new RegExp(`^[${PY_WS_CLASS}]+|[${PY_WS_CLASS}]+$`, "g"), "");
  const low = s.toLowerCase();
  const body = low[0] === "+" || low[0] === "-" ? low.slice(1) : low;
  const neg = low[0] === "-";
  if (body === "inf" || body === "infinity") return neg ? -Infinity : Infinity;
  if (body === "nan") return NaN;
  if (!FLOAT_RE.test(s) || !/\d/.test(s.replace(/[eE].*$/, ""))) return null;
  return Number(s.replace(/_/g, ""));
}

function callDunder(a: number, name: string, out: number): boolean {
  const t = typeIndexOf(a);
  if (!types[t].isClass || lookupType(t, intern(name)) === 0) return false;
  callMethod(a, intern(name), 0, 0, out);
  return true;
}

function floatToIntSlot(x: number, out: number): void {
  if (x !== x) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) {
    throw pyError(E.OverflowError, "cannot convert float infinity to integer");
  }
  const t = Math.trunc(x);
  if (Math.abs(t) <= 2 ** 47) setIntNumber(out, t === 0 ? 0 : t);
  else setIntBig(out, BigInt(t));
}

export function intConstruct(args: number, nargs: number, kw: number, out: number): void {
  checkKw(kw, ["base"], "int");
  const np = posCount(nargs, kw);
  if (np > 2) throw typeError(`int() takes at most 2 arguments (${np} given)`);
  const baseSlot = np > 1 ? args + 8 : kwArg(args, nargs, kw, "base");
  if (np === 0) {
    if (baseSlot !== 0) throw typeError("int() missing string argument");
    W.setInt(out, 0);
    return;
  }
  const a = args;
  if (baseSlot !== 0) {
    const b = Number(indexOf(baseSlot));
    if (!isStr(a)) throw typeError("int() can't convert non-string with explicit base");
    if (b !== 0 && (b < 2 || b > 36)) throw valueError("int() base must be >= 2 and <= 36, or 0");
    const s = strValue(W.getRef(a));
    const v = parseIntStr(s, b);
    if (v === null) throw valueError(`invalid literal for int() with base ${b}: ${strRepr(s)}`);
    setIntBig(out, v);
    return;
  }
  const k = numKind(a);
  if (k === 1) {
    setIntBig(out, BigInt(intValue(a)!));
    return;
  }
  if (k === 2) {
    floatToIntSlot(f64[a >> 3], out);
    return;
  }
  if (isStr(a)) {
    const s = strValue(W.getRef(a));
    const v = parseIntStr(s, 10);
    if (v === null) throw valueError(`invalid literal for int() with base 10: ${strRepr(s)}`);
    setIntBig(out, v);
    return;
  }
  const tmp = tempPush(1);
  try {
    if (callDunder(a, "__int__", tmp) || callDunder(a, "__index__", tmp)) {
      if (numKind(tmp) !== 1) {
        throw typeError(`__int__ returned non-int (type ${typeName(tmp)})`);
      }
      setIntBig(out, BigInt(intValue(tmp)!));
      return;
    }
    if (callDunder(a, "__trunc__", tmp)) {
      W.copy(out, tmp);
      return;
    }
  } finally {
    tempPopTo(tmp);
  }
  throw typeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${typeName(a)}'`,
  );
}

export function floatConstruct(args: number, nargs: number, kw: number, out: number): void {
  noKw(kw, "float");
  if (nargs > 1) throw typeError(`float expected at most 1 argument, got ${nargs}`);
  if (nargs === 0) {
    W.setFloat(out, 0);
    return;
  }
  const k = numKind(args);
  if (k === 2) {
    W.copy(out, args);
    return;
  }
  if (k === 1) {
    W.setFloat(out, intToFloat(intValue(args)!));
    return;
  }
  if (isStr(args)) {
    const s = strValue(W.getRef(args));
    const v = parseFloatStr(s);
    if (v === null) throw valueError(`could not convert string to float: ${strRepr(s)}`);
    W.setFloat(out, v);
    return;
  }
  const tmp = tempPush(1);
  try {
    if (callDunder(args, "__float__", tmp)) {
      if (numKind(tmp) !== 2) {
        throw typeError(`${typeName(args)}.__float__ returned non-float (type ${typeName(tmp)})`);
      }
      W.copy(out, tmp);
      return;
    }
    if (callDunder(args, "__index__", tmp)) {
      W.setFloat(out, intToFloat(intValue(tmp)!));
      return;
    }
  } finally {
    tempPopTo(tmp);
  }
  throw typeError(`float() argument must be a string or a real number, not '${typeName(args)}'`);
}

// ---------------------------------------------------------------------------------------------
// round

const SCR = 2048 + 8 * 61;

function exactParts(x: number): [bigint, number] {
  // |x| = D * 10^-scale
  f64[SCR >> 3] = Math.abs(x);
  const lo = u32[SCR >> 2], hi = u32[(SCR >> 2) + 1];
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  if (e >= 0) return [m << BigInt(e), 0];
  return [m * 5n ** BigInt(-e), -e];
}

function roundHalfEvenBig(D: bigint, p: bigint): bigint {
  const q = D / p, r = D % p;
  if (2n * r > p || (2n * r === p && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** round(x, nd) for a float, correctly rounded like CPython. */
export function roundFloat(x: number, nd: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (nd > 330) return x;
  if (nd < -330) return x < 0 ? -0 : 0;
  const [D, scale] = exactParts(x);
  const drop = scale - nd;
  if (drop <= 0) return x;
  const q = roundHalfEvenBig(D, 10n ** BigInt(drop));
  const r = Number(`${q}e${-nd}`);
  if (!Number.isFinite(r)) throw pyError(E.OverflowError, "rounded value too large to represent");
  return x < 0 ? -r : r;
}

function roundHalfEvenNumber(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function builtinRound(args: number, nargs: number, kw: number, out: number): void {
  checkKw(kw, ["number", "ndigits"], "round");
  const np = posCount(nargs, kw);
  if (np > 2) throw typeError(`round() takes at most 2 arguments (${np} given)`);
  const num = np > 0 ? args : kwArg(args, nargs, kw, "number");
  if (num === 0) throw typeError("round() missing required argument 'number' (pos 1)");
  const ndSlot = np > 1 ? args + 8 : kwArg(args, nargs, kw, "ndigits");
  const hasNd = ndSlot !== 0 && !W.isNone(ndSlot);
  const k = numKind(num);
  if (k === 2) {
    const x = f64[num >> 3];
    if (!hasNd) {
      floatToIntSlot(roundHalfEvenNumber(x), out);
      return;
    }
    const nd = Number(indexOf(ndSlot));
    W.setFloat(out, roundFloat(x, nd));
    return;
  }
  if (k === 1) {
    const v = BigInt(intValue(num)!);
    if (!hasNd) {
      setIntBig(out, v);
      return;
    }
    const nd = Number(indexOf(ndSlot));
    if (nd >= 0) {
      setIntBig(out, v);
      return;
    }
    const p = 10n ** BigInt(-nd);
    const neg = v < 0n;
    const q = roundHalfEvenBig(neg ? -v : v, p) * p;
    setIntBig(out, neg ? -q : q);
    return;
  }
  const t = typeIndexOf(num);
  if (types[t].isClass && lookupType(t, intern("__round__")) !== 0) {
    const tmp = tempPush(2);
    try {
      W.copy(tmp, num);
      if (hasNd) {
        W.copy(tmp + 8, ndSlot);
        callMethod(tmp, intern("__round__"), tmp + 8, 1, out);
      } else callMethod(tmp, intern("__round__"), 0, 0, out);
    } finally {
      tempPopTo(tmp);
    }
    return;
  }
  throw typeError(`type ${typeName(num)} doesn't define __round__ method`);
}

// ---------------------------------------------------------------------------------------------
// divmod, pow, abs

export function builtinDivmod(args: number, nargs: number, kw: number, out: number): void {
  noKw(kw, "divmod");
  argRange("divmod", nargs, 2, 2);
  const a = args, b = args + 8;
  const ka = numKind(a), kb = numKind(b);
  if (ka !== 0 && kb !== 0) {
    if (ka === 2 || kb === 2) {
      const x = ka === 2 ? f64[a >> 3] : intToFloat(intValue(a)!);
      const y = kb === 2 ? f64[b >> 3] : intToFloat(intValue(b)!);
      if (y === 0) throw pyError(E.ZeroDivisionError, "float divmod()");
      const q = floatFloorDiv(x, y), r = floatMod(x, y);
      const t = newTuple2();
      W.setFloat(tupleItem(t, 0), q);
      W.setFloat(tupleItem(t, 1), r);
      W.setRef(out, t);
      return;
    }
    const tmp = tempPush(2);
    try {
      numBinary(2, a, b, tmp);
      numBinary(6, a, b, tmp + 8);
      const t = newTuple2();
      W.copy(tupleItem(t, 0), tmp);
      W.copy(tupleItem(t, 1), tmp + 8);
      W.setRef(out, t);
    } finally {
      tempPopTo(tmp);
    }
    return;
  }
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  if (types[ta].isClass && lookupType(ta, intern("__divmod__")) !== 0) {
    callMethod(a, intern("__divmod__"), b, 1, out);
    return;
  }
  if (types[tb].isClass && lookupType(tb, intern("__rdivmod__")) !== 0) {
    callMethod(b, intern("__rdivmod__"), a, 1, out);
    return;
  }
  throw typeError(
    `unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`,
  );
}

import { newTuple } from "../seq.ts";
function newTuple2(): number {
  return newTuple(2);
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  const m = mod < 0n ? -mod : mod;
  if (exp < 0n) {
    const inv = modInverse(((base % m) + m) % m, m);
    if (inv === null) throw valueError("base is not invertible for the given modulus");
    base = inv;
    exp = -exp;
  }
  let r = 1n % m;
  let b = ((base % m) + m) % m;
  while (exp > 0n) {
    if (exp & 1n) r = (r * b) % m;
    b = (b * b) % m;
    exp >>= 1n;
  }
  if (mod < 0n && r !== 0n) r += mod;
  return r;
}

function modInverse(a: bigint, m: bigint): bigint | null {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) return null;
  return ((s0 % m) + m) % m;
}

export function builtinPow(args: number, nargs: number, kw: number, out: number): void {
  checkKw(kw, ["base", "exp", "mod"], "pow");
  const np = posCount(nargs, kw);
  const base = np > 0 ? args : kwArg(args, nargs, kw, "base");
  const exp = np > 1 ? args + 8 : kwArg(args, nargs, kw, "exp");
  const mod = np > 2 ? args + 16 : kwArg(args, nargs, kw, "mod");
  if (base === 0 || exp === 0) {
    throw typeError(
      `pow() missing required argument '${base === 0 ? "base" : "exp"}' (pos ${
        base === 0 ? 1 : 2
      })`,
    );
  }
  if (mod === 0 || W.isNone(mod)) {
    binaryOp(NB_POWER, base, exp, out);
    return;
  }
  const b = intValue(base), e = intValue(exp), m = intValue(mod);
  if (b === null || e === null || m === null) {
    throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
  }
  if (BigInt(m) === 0n) throw valueError("pow() 3rd argument cannot be 0");
  setIntBig(out, modPow(BigInt(b), BigInt(e), BigInt(m)));
}

export function builtinAbs(args: number, nargs: number, kw: number, out: number): void {
  noKw(kw, "abs");
  if (nargs !== 1) throw typeError(`abs() takes exactly one argument (${nargs} given)`);
  if (W.isInt(args)) {
    const n = W.getInt(args);
    setIntNumber(out, n < 0 ? -n : n);
    return;
  }
  const k = numKind(args);
  if (k === 2) {
    W.setFloat(out, Math.abs(f64[args >> 3]));
    return;
  }
  if (k === 1) {
    const v = BigInt(intValue(args)!);
    setIntBig(out, v < 0n ? -v : v);
    return;
  }
  if (callDunder(args, "__abs__", out)) return;
  throw typeError(`bad operand type for abs(): '${typeName(args)}'`);
}

// ---------------------------------------------------------------------------------------------
// hash

function hashInt(v: bigint): bigint {
  const neg = v < 0n;
  let h = (neg ? -v : v) % P;
  if (neg) h = -h;
  return h === -1n ? -2n : h;
}

function hashFloat(x: number): bigint {
  if (x !== x) return 0n;
  if (x === Infinity) return 314159n;
  if (x === -Infinity) return -314159n;
  if (Number.isInteger(x)) return hashInt(BigInt(x));
  // x = m / 2^k exactly
  let k = 0;
  let y = Math.abs(x);
  while (!Number.isInteger(y)) {
    y *= 2;
    k++;
  }
  const m = BigInt(y) % P;
  const e = BigInt((61 - (k % 61)) % 61);
  let h = (m * (1n << e)) % P;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const M64 = (1n << 64n) - 1n;

/** Python's hash() of the value in slot a, as a bigint. */
export function pyHash(a: number): bigint {
  const k = numKind(a);
  if (k === 1) return hashInt(BigInt(intValue(a)!));
  if (k === 2) return hashFloat(f64[a >> 3]);
  if (W.isNone(a)) return -9223372036586735377n + 0n;
  if (W.isRef(a)) {
    const r = W.getRef(a);
    const t = u32[r >> 2];
    if (t === T.T_STR) return BigInt(strHash(r));
    if (t === T.T_FROZENSET) {
      frozensetHash(r);
      return (BigInt(hashHi) << 32n) | BigInt(hashLo >>> 0);
    }
    if (t === T.T_TUPLE) {
      const n = tupleLen(r);
      let acc = XXPRIME_5;
      for (let i = 0; i < n; i++) {
        const lane = BigInt.asUintN(64, pyHash(tupleItem(r, i)));
        acc = (acc + lane * XXPRIME_2) & M64;
        acc = ((acc << 31n) | (acc >> 33n)) & M64;
        acc = (acc * XXPRIME_1) & M64;
      }
      acc = (acc + (BigInt(n) ^ (XXPRIME_5 ^ 3527539n))) & M64;
      if (acc === M64) return 1546275796n;
      return BigInt.asIntN(64, acc);
    }
    if (types[t].isClass) {
      const h = classHash(a);
      if (h !== null) return h;
    }
  }
  return BigInt(valueHash(a));
}

/** __hash__ of a class instance (null: identity). */
function classHash(a: number): bigint | null {
  const t = typeIndexOf(a);
  for (const c of types[t].mro) {
    if (!types[c].isClass) break;
    const d = types[c].dict;
    const h = lookupOwn(d, "__hash__");
    if (h !== 0) {
      if (W.isNone(h)) throw typeError(`unhashable type: '${types[t].name}'`);
      const out = tempPush(1);
      try {
        callMethod(a, intern("__hash__"), 0, 0, out);
        const v = intValue(out);
        if (v === null) throw typeError("__hash__ method should return an integer");
        return hashInt(BigInt(v));
      } finally {
        tempPopTo(out);
      }
    }
    if (lookupOwn(d, "__eq__") !== 0) throw typeError(`unhashable type: '${types[t].name}'`);
  }
  return null;
}

import { dictGetStrAddr } from "../dict.ts";
import { frozensetHash, hashHi, hashLo } from "../set.ts";
function lookupOwn(d: number, name: string): number {
  return dictGetStrAddr(d, intern(name));
}

const UNHASHABLE = new Set([
  T.T_LIST,
  T.T_DICT,
  T.T_SET,
  T.T_DICT_KEYS,
  T.T_DICT_VALUES,
  T.T_DICT_ITEMS,
]);

export function installHashHooks(): void {
  hashHooks.hash = (a) => {
    const r = W.getRef(a);
    const t = u32[r >> 2];
    if (UNHASHABLE.has(t)) throw typeError(`unhashable type: '${types[t].name}'`);
    if (t === T.T_FROZENSET) {
      frozensetHash(r);
      return hashLo;
    }
    if (types[t].isClass) {
      const h = classHash(a);
      if (h !== null) return Number(BigInt.asIntN(32, h));
    }
    return (r >>> 3) | 0;
  };
  hashHooks.eq = (a, b) => pyEquals(a, b);
}

// ---------------------------------------------------------------------------------------------
// Methods and attributes

export function intToBase(v: bigint, base: number, prefix: string): string {
  return v < 0n ? "-" + prefix + (-v).toString(base) : prefix + v.toString(base);
}

export function installNumbers(): void {
  types[T.T_INT].construct = intConstruct;
  types[T.T_FLOAT].construct = floatConstruct;
  types[T.T_BOOL].construct = (args, nargs, kw, out) => {
    noKw(kw, "bool");
    if (nargs > 1) throw typeError(`bool expected at most 1 argument, got ${nargs}`);
    W.setBool(out, nargs === 1 && truthy(args));
  };
  const intAttr = (obj: number, name: string, out: number): boolean => {
    switch (name) {
      case "real":
      case "numerator":
        setIntBig(out, BigInt(intValue(obj)!));
        return true;
      case "imag":
        W.setInt(out, 0);
        return true;
      case "denominator":
        W.setInt(out, 1);
        return true;
    }
    return false;
  };
  getAttrHooks[T.T_INT] = intAttr;
  getAttrHooks[T.T_BOOL] = intAttr;
  getAttrHooks[T.T_FLOAT] = (obj, name, out) => {
    if (name === "real") {
      W.copy(out, obj);
      return true;
    }
    if (name === "imag") {
      W.setFloat(out, 0);
      return true;
    }
    return false;
  };
  const im = (name: string, fn: (args: number, nargs: number, kw: number, out: number) => void) =>
    defMethod(T.T_INT, name, fn);
  im("bit_length", (args, _n, _kw, out) => {
    const v = BigInt(intValue(args)!);
    W.setInt(out, v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length);
  });
  im("bit_count", (args, _n, _kw, out) => {
    const v = BigInt(intValue(args)!);
    W.setInt(out, (v < 0n ? -v : v).toString(2).replace(/0/g, "").length);
  });
  im("conjugate", (args, _n, _kw, out) => setIntBig(out, BigInt(intValue(args)!)));
  im("__index__", (args, _n, _kw, out) => setIntBig(out, BigInt(intValue(args)!)));
  im("__int__", (args, _n, _kw, out) => setIntBig(out, BigInt(intValue(args)!)));
  im("as_integer_ratio", (args, _n, _kw, out) => {
    const v = BigInt(intValue(args)!);
    const t = newTuple(2);
    setIntBig(tupleItem(t, 0), v);
    W.setInt(tupleItem(t, 1), 1);
    W.setRef(out, t);
  });
  const fm = (name: string, fn: (args: number, nargs: number, kw: number, out: number) => void) =>
    defMethod(T.T_FLOAT, name, fn);
  fm("is_integer", (args, _n, _kw, out) => W.setBool(out, Number.isInteger(f64[args >> 3])));
  fm("conjugate", (args, _n, _kw, out) => W.copy(out, args));
  fm("__float__", (args, _n, _kw, out) => W.copy(out, args));
  fm("__int__", (args, _n, _kw, out) => floatToIntSlot(f64[args >> 3], out));
  fm("as_integer_ratio", (args, _n, _kw, out) => {
    const x = f64[args >> 3];
    if (x !== x) throw valueError("cannot convert NaN to integer ratio");
    if (!Number.isFinite(x)) {
      throw pyError(E.OverflowError, "cannot convert Infinity to integer ratio");
    }
    let k = 0, y = x;
    while (!Number.isInteger(y)) {
      y *= 2;
      k++;
    }
    const t = newTuple(2);
    setIntBig(tupleItem(t, 0), BigInt(y));
    setIntBig(tupleItem(t, 1), 1n << BigInt(k));
    W.setRef(out, t);
  });
  installHashHooks();
}

export { isSubtype };
