// The object protocol: what the interpreter does for an operation that no inline cache or
// specialised instruction handles. Built-in types plug in through per-type hook tables (indexed by
// type index); classes through their dunder methods, found along the MRO.
import { f64, u32, W } from "./mem.ts";
import {
  BUILTIN_SELF,
  FUNC_CLOSURE,
  FUNC_DEFAULTS,
  FUNC_DICT,
  FUNC_GLOBALS,
  FUNC_KWDEFAULTS,
  FUNC_NAME,
  FUNC_QUALNAME,
  METHOD_FUNC,
  METHOD_SELF,
  TYPE_DICT,
} from "./layout.ts";
import {
  T_BOOL,
  T_BUILTIN,
  T_CLASSMETHOD,
  T_DICT,
  T_FUNCTION,
  T_INT,
  T_LIST,
  T_METHOD,
  T_MODULE,
  T_NONE,
  T_PROPERTY,
  T_STATICMETHOD,
  T_STR,
  T_SUPER,
  T_TUPLE,
  T_TYPE,
} from "./type_ids.ts";
import { isSubtype, typeIndexOf, typeIndexOfTypeRef, types } from "./types.ts";
import { dictGetStrAddr, dictLen, dictSetStr, newDict } from "./dict.ts";
import { intern, strLength, strValue } from "./str.ts";
import {
  deleteInstanceAttr,
  instanceAttrAddr,
  instanceShape,
  setInstanceAttr,
  slotAddr,
} from "./instance.ts";
import { bindBuiltin, builtinInfo } from "./builtin_fn.ts";
import { funcCode, newMethod } from "./func.ts";
import { E, pyError, PyExc, typeError } from "./errors.ts";
import { tempPopTo, tempPush } from "./roots.ts";
import { floatRepr } from "./float_repr.ts";
import {
  intOf,
  NB_DUNDERS,
  NB_INPLACE,
  NB_SYMBOLS,
  numBinary,
  numCompare,
  numKind,
} from "./num.ts";
import { listLen, tupleLen } from "./seq.ts";
import { invalidateType } from "./types.ts";

// ---------------------------------------------------------------------------------------------
// Hooks for built-in types, indexed by type index.

type Repr = (ref: number) => string;
export const reprHooks: Repr[] = [];
export const strHooks: Repr[] = [];
export const lenHooks: ((ref: number) => number)[] = [];
/** obj[key] -> out; obj is a ref (hooks are for heap objects). */
export const getItemHooks: ((ref: number, key: number, out: number) => void)[] = [];
export const setItemHooks: ((ref: number, key: number, value: number) => void)[] = [];
export const delItemHooks: ((ref: number, key: number) => void)[] = [];
export const containsHooks: ((ref: number, item: number) => boolean)[] = [];
/** iter(obj) -> out */
export const getIterHooks: ((obj: number, out: number) => void)[] = [];
/** next(iter) -> out; false when exhausted. */
export const iterNextHooks: ((ref: number, out: number) => boolean)[] = [];
/** Special attributes of built-in objects (e.g. function.__name__); false if absent. */
export const getAttrHooks: ((obj: number, name: string, out: number) => boolean)[] = [];
/** obj.name = value and del obj.name for types with their own namespace (modules), by type. */
export const setAttrHooks: ((obj: number, name: number, value: number) => void)[] = [];
export const delAttrHooks: ((obj: number, name: number) => void)[] = [];
/** Rich comparison of two objects of the same built-in type: -1/0/1, or null if unordered. */
export const compareHooks: ((a: number, b: number) => number | null)[] = [];
/** Equality of two objects of the same built-in type. */
export const eqHooks: ((a: number, b: number) => boolean)[] = [];

/** Set by the interpreter: call the callable in slot `callee` (see builtin_fn.ts for args). */
export const callHook = {
  call: (_callee: number, _args: number, _nargs: number, _kwnames: number, _out: number): void => {
    throw new Error("interpreter not initialised");
  },
};

export function callValue(
  callee: number,
  args: number,
  nargs: number,
  kwnames: number,
  out: number,
): void {
  callHook.call(callee, args, nargs, kwnames, out);
}

// ---------------------------------------------------------------------------------------------
// Names and types

export function typeName(a: number): string {
  return types[typeIndexOf(a)].name;
}

/** Address of attribute `name` (interned ref) in the dicts along t's MRO, or 0. */
export function lookupType(t: number, name: number): number {
  // A cache keyed by (type version, name), like CPython's type attribute cache: every change to
  // a type's dict goes through invalidateType, which gives the type (and its subclasses) a new
  // version, so a hit is always current.
  const info = types[t];
  const version = info.version;
  const h = Math.imul(Math.imul(version, 31) ^ (name >>> 3), 0x9e3779b1) >>> (32 - CACHE_BITS);
  if (cacheVersion[h] === version && cacheName[h] === name) return cacheResult[h];
  const mro = info.mro;
  let found = 0;
  for (let k = 0; k < mro.length; k++) {
    const a = dictGetStrAddr(types[mro[k]].dict, name);
    if (a !== 0) {
      found = a;
      break;
    }
  }
  cacheVersion[h] = version;
  cacheName[h] = name;
  cacheResult[h] = found;
  return found;
}

const CACHE_BITS = 12;
const cacheVersion = new Int32Array(1 << CACHE_BITS).fill(-1);
const cacheName = new Int32Array(1 << CACHE_BITS);
const cacheResult = new Int32Array(1 << CACHE_BITS);

/** Call method `name` of the value in slot obj with nargs args at address args; result in out. */
export function callMethod(
  obj: number,
  name: number,
  args: number,
  nargs: number,
  out: number,
): boolean {
  const t = typeIndexOf(obj);
  const m = lookupType(t, name);
  if (m === 0) return false;
  const mark = tempPush(nargs + 2);
  W.copy(mark, m);
  W.copy(mark + 8, obj);
  for (let k = 0; k < nargs; k++) W.copy(mark + 16 + 8 * k, args + 8 * k);
  try {
    callUnbound(mark, mark + 8, nargs + 1, out);
  } finally {
    tempPopTo(mark);
  }
  return true;
}

/** Call a descriptor found on a type with explicit self as args[0]. */
function callUnbound(fn: number, args: number, nargs: number, out: number): void {
  if (W.isRef(fn)) {
    const t = u32[W.getRef(fn) >> 2];
    if (t === T_STATICMETHOD) {
      callValue(W.getRef(fn) + 16, args + 8, nargs - 1, 0, out);
      return;
    }
  }
  callValue(fn, args, nargs, 0, out);
}

function dunder(name: string): number {
  return intern(name);
}

// ---------------------------------------------------------------------------------------------
// Truth, repr, str

export function truthy(a: number): boolean {
  const hi = u32[(a >> 2) + 1];
  if (hi < 0xfff90000) return f64[a >> 3] !== 0;
  const t = typeIndexOf(a);
  switch (t) {
    case T_BOOL:
      return u32[a >> 2] !== 0;
    case T_INT:
      return W.isInt(a) ? W.getInt(a) !== 0 : true;
    case T_NONE:
      return false;
    case T_STR:
      return strLength(W.getRef(a)) !== 0;
    case T_LIST:
      return listLen(W.getRef(a)) !== 0;
    case T_TUPLE:
      return tupleLen(W.getRef(a)) !== 0;
    case T_DICT:
      return dictLen(W.getRef(a)) !== 0;
  }
  if (types[t].isClass) {
    const out = tempPush(1);
    try {
      if (callMethod(a, dunder("__bool__"), 0, 0, out)) {
        if (!W.isBool(out)) {
          throw typeError(`__bool__ should return bool, returned ${typeName(out)}`);
        }
        return W.getBool(out);
      }
      if (callMethod(a, dunder("__len__"), 0, 0, out)) return truthy(out);
    } finally {
      tempPopTo(out);
    }
    return true;
  }
  const len = lenHooks[t];
  if (len !== undefined) return len(W.getRef(a)) !== 0;
  return true;
}

let reprDepth = 0;
const reprActive = new Set<number>();

/** repr(value) as a JS string. Containers guard against self-reference like CPython. */
export function reprOf(a: number): string {
  const hi = u32[(a >> 2) + 1];
  if (hi < 0xfff90000) return floatRepr(f64[a >> 3]);
  if (hi >>> 16 === 0xfff9) return String(W.getInt(a));
  const t = typeIndexOf(a);
  if (t === T_BOOL) return W.getBool(a) ? "True" : "False";
  if (t === T_NONE) return "None";
  const r = W.getRef(a);
  if (t === T_INT) return intOf(a).toString();
  if (t === T_STR) return strRepr(strValue(r));
  if (types[t].isClass) {
    const m = lookupType(t, dunder("__repr__"));
    if (m !== 0 && !isObjectDefault(m, "__repr__")) return callToString(a, "__repr__");
    if (types[t].isException) return exceptionRepr(r);
    return `<${types[t].module === "builtins" ? "" : types[t].module + "."}${
      types[t].qualname
    } object at 0x${r.toString(16).padStart(12, "0")}>`;
  }
  const hook = reprHooks[t];
  if (hook !== undefined) {
    if (reprActive.has(r)) return t === T_LIST ? "[...]" : t === T_DICT ? "{...}" : "...";
    if (reprDepth > 900) {
      throw pyError(
        E.RecursionError,
        "maximum recursion depth exceeded while getting the repr of an object",
      );
    }
    reprActive.add(r);
    reprDepth++;
    try {
      return hook(r);
    } finally {
      reprDepth--;
      reprActive.delete(r);
    }
  }
  return defaultRepr(a);
}

export function defaultRepr(a: number): string {
  const t = typeIndexOf(a);
  if (t === T_TYPE) {
    const ti = types[typeIndexOfTypeRef(W.getRef(a))];
    return `<class '${ti.module === "builtins" ? "" : ti.module + "."}${ti.qualname}'>`;
  }
  if (t === T_FUNCTION) {
    return `<function ${strValue(u32[(W.getRef(a) + FUNC_QUALNAME) >> 2])} at 0x${
      W.getRef(a).toString(16).padStart(12, "0")
    }>`;
  }
  if (t === T_BUILTIN) {
    const r = W.getRef(a);
    const info = builtinInfo(r);
    if (!W.isNull(r + BUILTIN_SELF)) {
      return `<built-in method ${info.name} of ${typeName(r + BUILTIN_SELF)} object at 0x${
        r.toString(16).padStart(12, "0")
      }>`;
    }
    return `<built-in function ${info.name}>`;
  }
  if (t === T_METHOD) {
    const r = W.getRef(a);
    const f = r + METHOD_FUNC;
    const q = W.isRef(f) && u32[W.getRef(f) >> 2] === T_FUNCTION
      ? strValue(u32[(W.getRef(f) + FUNC_QUALNAME) >> 2])
      : "?";
    return `<bound method ${q} of ${reprOf(r + METHOD_SELF)}>`;
  }
  return `<${types[t].name} object at 0x${
    (W.isRef(a) ? W.getRef(a) : 0).toString(16).padStart(12, "0")
  }>`;
}

function isObjectDefault(addr: number, _name: string): boolean {
  // Methods inherited from `object` itself are built-ins we don't need to call.
  return W.isRef(addr) && u32[W.getRef(addr) >> 2] === T_BUILTIN &&
    builtinInfo(W.getRef(addr)).qualname.startsWith("object.");
}

function callToString(a: number, name: string): string {
  const out = tempPush(1);
  try {
    callMethod(a, dunder(name), 0, 0, out);
    if (!(W.isRef(out) && u32[W.getRef(out) >> 2] === T_STR)) {
      throw typeError(`${name} returned non-string (type ${typeName(out)})`);
    }
    return strValue(W.getRef(out));
  } finally {
    tempPopTo(out);
  }
}

export function exceptionRepr(r: number): string {
  const t = u32[r >> 2];
  const args = exceptionArgsOf(r);
  const n = args === 0 ? 0 : tupleLen(args);
  const inner = args === 0
    ? ""
    : n === 1
    ? reprOf(args + 16)
    : reprOf(tupleSlot(args)).slice(1, -1).replace(/,$/, "");
  return `${types[t].name}(${inner})`;
}

function tupleSlot(r: number): number {
  W.setRef(2048 + 8 * 60, r);
  return 2048 + 8 * 60;
}

function exceptionArgsOf(r: number): number {
  const a = instanceAttrAddr(r, intern("args"));
  return a !== 0 && W.isRef(a) ? W.getRef(a) : 0;
}

/** str(exception) as CPython: '' / str(arg) / str(args); KeyError uses repr of its key. */
export function exceptionStr(r: number): string {
  const t = u32[r >> 2];
  const args = exceptionArgsOf(r);
  const n = args === 0 ? 0 : tupleLen(args);
  if (n === 0) return "";
  if (n === 1) {
    if (isSubtype(t, E.KeyError)) return reprOf(args + 16);
    return strOf(args + 16);
  }
  return reprOf(tupleSlot(args));
}

/** str(value) as a JS string. */
export function strOf(a: number): string {
  if (W.isRef(a)) {
    const r = W.getRef(a);
    const t = u32[r >> 2];
    if (t === T_STR) return strValue(r);
    if (types[t].isClass) {
      const m = lookupType(t, dunder("__str__"));
      if (m !== 0 && !isObjectDefault(m, "__str__")) return callToString(a, "__str__");
      if (types[t].isException) return exceptionStr(r);
      return reprOf(a);
    }
    const hook = strHooks[t];
    if (hook !== undefined) return hook(r);
  }
  return reprOf(a);
}

/**
 * Characters Python does not print as themselves in a repr (and for which str.isprintable is
 * false): Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space. (Categories
 * come from the JS engine's Unicode tables, which may be newer than CPython 3.11's.)
 */
export const NONPRINTABLE_RE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr of a str: prefers single quotes, escapes like CPython. */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x7f || c === 0x20 || !NONPRINTABLE_RE.test(ch)) out += ch;
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out + q;
}

// ---------------------------------------------------------------------------------------------
// Attributes

/** Resolve a class attribute found at address `d` for access through instance `obj` (slot). */
function bindDescriptor(d: number, obj: number, out: number): void {
  if (W.isRef(d)) {
    const r = W.getRef(d);
    const t = u32[r >> 2];
    if (t === T_FUNCTION) {
      W.setRef(out, newMethod(d, obj));
      return;
    }
    if (t === T_BUILTIN && W.isNull(r + BUILTIN_SELF)) {
      W.setRef(out, bindBuiltin(r, obj));
      return;
    }
    if (t === T_STATICMETHOD) {
      W.copy(out, r + 16);
      return;
    }
    if (t === T_CLASSMETHOD) {
      const cls = tempPush(1);
      W.setRef(cls, types[typeIndexOf(obj)].ref);
      W.setRef(out, newMethod(r + 16, cls));
      tempPopTo(cls);
      return;
    }
    if (t === T_PROPERTY) {
      callValue(r + 16, obj, 1, 0, out);
      return;
    }
  }
  W.copy(out, d);
}

/** obj.name -> out; returns false when there is no such attribute. */
export function getAttrOrFalse(obj: number, name: number, out: number): boolean {
  const t = typeIndexOf(obj);
  const info = types[t];
  if (t === T_SUPER || t === T_MODULE) {
    // Their own namespaces come before the attributes of their types.
    const hook = getAttrHooks[t];
    if (hook !== undefined && hook(obj, strValue(name), out)) return true;
  }
  const d = lookupType(t, name);
  if (d !== 0 && W.isRef(d) && u32[W.getRef(d) >> 2] === T_PROPERTY) {
    bindDescriptor(d, obj, out);
    return true;
  }
  if (info.isClass) {
    const a = instanceAttrAddr(W.getRef(obj), name);
    if (a !== 0) {
      W.copy(out, a);
      return true;
    }
  } else if (t === T_TYPE) {
    const ct = typeIndexOfTypeRef(W.getRef(obj));
    const a = lookupType(ct, name);
    if (a !== 0) {
      if (W.isRef(a)) {
        const k = u32[W.getRef(a) >> 2];
        if (k === T_STATICMETHOD) {
          W.copy(out, W.getRef(a) + 16);
          return true;
        }
        if (k === T_CLASSMETHOD) {
          W.setRef(out, newMethod(W.getRef(a) + 16, obj));
          return true;
        }
      }
      W.copy(out, a);
      return true;
    }
    const s = strValue(name);
    if (s === "__name__") {
      W.setRef(out, intern(types[ct].name));
      return true;
    }
    if (s === "__qualname__") {
      W.setRef(out, intern(types[ct].qualname));
      return true;
    }
    if (s === "__module__") {
      W.setRef(out, intern(types[ct].module));
      return true;
    }
    if (s === "__bases__" || s === "__base__" || s === "__mro__") {
      return typeSpecialAttr(ct, s, out);
    }
    if (s === "__dict__") {
      W.setRef(out, u32[(types[ct].ref + TYPE_DICT) >> 2]);
      return true;
    }
  } else if (t === T_FUNCTION) {
    if (functionAttr(W.getRef(obj), name, out)) return true;
  } else if (t === T_BUILTIN) {
    if (builtinAttr(W.getRef(obj), strValue(name), out)) return true;
  } else if (t === T_METHOD) {
    const m = W.getRef(obj);
    const s = strValue(name);
    if (s === "__func__" || s === "__self__") {
      W.copy(out, m + (s === "__func__" ? METHOD_FUNC : METHOD_SELF));
      return true;
    }
    // other attributes come from the function
    if (d === 0 && s !== "__class__") return getAttrOrFalse(m + METHOD_FUNC, name, out);
  }
  if (info.isClass && name === intern("__dict__")) {
    W.setRef(out, instanceDict(W.getRef(obj)));
    return true;
  }
  if (d !== 0) {
    bindDescriptor(d, obj, out);
    return true;
  }
  const hook = getAttrHooks[t];
  if (hook !== undefined && hook(obj, strValue(name), out)) return true;
  if (strValue(name) === "__class__") {
    W.setRef(out, info.ref);
    return true;
  }
  if (info.isClass) {
    const ga = lookupType(t, dunder("__getattr__"));
    if (ga !== 0) {
      const arg = tempPush(1);
      W.setRef(arg, name);
      try {
        callMethod(obj, dunder("__getattr__"), arg, 1, out);
      } finally {
        tempPopTo(arg);
      }
      return true;
    }
  }
  return false;
}

/** Attributes the interpreter keeps on exceptions outside their __dict__. */
const EXCEPTION_SLOTS = [
  "args",
  "__traceback__",
  "__context__",
  "__cause__",
  "__suppress_context__",
];

/** A new dict of the attributes of instance r, in shape (definition) order. */
export function instanceDict(r: number): number {
  const d = newDict();
  const slot = tempPush(1);
  W.setRef(slot, d);
  try {
    const shape = instanceShape(r);
    const hidden = types[u32[r >> 2]].isException ? EXCEPTION_SLOTS.map((n) => intern(n)) : [];
    for (let k = 0; k < shape.names.length; k++) {
      if (hidden.includes(shape.names[k])) continue;
      dictSetStr(d, shape.names[k], slotAddr(r, k));
    }
  } finally {
    tempPopTo(slot);
  }
  return d;
}

/** The attribute dict of function f, created on first use. */
export function functionDict(f: number): number {
  let d = u32[(f + FUNC_DICT) >> 2];
  if (d === 0) {
    d = newDict();
    u32[(f + FUNC_DICT) >> 2] = d;
  }
  return d;
}

/** Special attributes of function objects (data descriptors), then the function's dict. */
function functionAttr(f: number, name: number, out: number): boolean {
  const fd = u32[(f + FUNC_DICT) >> 2];
  switch (strValue(name)) {
    case "__name__":
      W.setRef(out, u32[(f + FUNC_NAME) >> 2]);
      return true;
    case "__qualname__":
      W.setRef(out, u32[(f + FUNC_QUALNAME) >> 2]);
      return true;
    case "__defaults__":
    case "__kwdefaults__": {
      const r =
        u32[(f + (strValue(name) === "__defaults__" ? FUNC_DEFAULTS : FUNC_KWDEFAULTS)) >> 2];
      if (r === 0) W.setNone(out);
      else W.setRef(out, r);
      return true;
    }
    case "__dict__":
      W.setRef(out, functionDict(f));
      return true;
    case "__globals__":
      W.setRef(out, u32[(f + FUNC_GLOBALS) >> 2]);
      return true;
    case "__code__":
      W.setRef(out, funcCode(f).ref);
      return true;
    case "__closure__": {
      const r = u32[(f + FUNC_CLOSURE) >> 2];
      if (r === 0) W.setNone(out);
      else W.setRef(out, r);
      return true;
    }
    case "__module__": {
      // an assigned __module__ lives in the dict; else the __name__ of the function's globals
      const own = fd === 0 ? 0 : dictGetStrAddr(fd, name);
      const a = own !== 0 ? own : dictGetStrAddr(u32[(f + FUNC_GLOBALS) >> 2], intern("__name__"));
      if (a !== 0) W.copy(out, a);
      else W.setNone(out);
      return true;
    }
    case "__doc__": {
      // an assigned __doc__ lives in the dict; else the docstring, consts[0] of a def's code
      const a = fd === 0 ? 0 : dictGetStrAddr(fd, name);
      if (a !== 0) {
        W.copy(out, a);
        return true;
      }
      const ci = funcCode(f);
      const c0 = tupleLen(ci.consts) > 0 ? ci.consts + 16 : 0;
      if (
        ci.code.name !== "<lambda>" && c0 !== 0 && W.isRef(c0) && u32[W.getRef(c0) >> 2] === T_STR
      ) {
        W.copy(out, c0);
      } else W.setNone(out);
      return true;
    }
  }
  if (fd !== 0) {
    const a = dictGetStrAddr(fd, name);
    if (a !== 0) {
      W.copy(out, a);
      return true;
    }
  }
  return false;
}

/** f.name = value for function f: the writable special attributes, else the function's dict. */
function setFunctionAttr(f: number, name: number, value: number): void {
  const s = strValue(name);
  switch (s) {
    case "__name__":
    case "__qualname__":
      if (!(W.isRef(value) && u32[W.getRef(value) >> 2] === T_STR)) {
        throw typeError(`${s} must be set to a string object`);
      }
      u32[(f + (s === "__name__" ? FUNC_NAME : FUNC_QUALNAME)) >> 2] = W.getRef(value);
      return;
    case "__defaults__":
    case "__kwdefaults__": {
      const want = s === "__defaults__" ? T_TUPLE : T_DICT;
      if (W.isNone(value)) u32[(f + (want === T_TUPLE ? FUNC_DEFAULTS : FUNC_KWDEFAULTS)) >> 2] = 0;
      else if (W.isRef(value) && u32[W.getRef(value) >> 2] === want) {
        u32[(f + (want === T_TUPLE ? FUNC_DEFAULTS : FUNC_KWDEFAULTS)) >> 2] = W.getRef(value);
      } else throw typeError(`${s} must be set to a ${types[want].name} object`);
      return;
    }
    case "__dict__":
      if (!(W.isRef(value) && u32[W.getRef(value) >> 2] === T_DICT)) {
        throw typeError("__dict__ must be set to a dictionary, not a '" + typeName(value) + "'");
      }
      u32[(f + FUNC_DICT) >> 2] = W.getRef(value);
      return;
    case "__globals__":
    case "__closure__":
    case "__code__":
      throw pyError(E.AttributeError, "readonly attribute");
  }
  dictSetStr(functionDict(f), name, value);
}

/** __name__, __qualname__ and __self__ of built-in functions and methods. */
function builtinAttr(r: number, s: string, out: number): boolean {
  const info = builtinInfo(r);
  switch (s) {
    case "__name__":
      W.setRef(out, intern(info.name));
      return true;
    case "__qualname__":
      W.setRef(out, intern(info.qualname));
      return true;
    case "__self__":
      if (W.isNull(r + BUILTIN_SELF)) W.setNone(out);
      else W.copy(out, r + BUILTIN_SELF);
      return true;
    case "__doc__":
      W.setNone(out);
      return true;
  }
  return false;
}

function typeSpecialAttr(ct: number, s: string, out: number): boolean {
  const info = types[ct];
  if (s === "__base__") {
    if (info.base < 0) W.setNone(out);
    else W.setRef(out, types[info.base].ref);
    return true;
  }
  const list = s === "__mro__" ? info.mro : info.base < 0 ? [] : [info.base];
  const mk = makeTupleHook.make;
  W.setRef(out, mk(list.map((i) => types[i].ref)));
  return true;
}

/** Set by the runtime setup to build a tuple of refs. */
export const makeTupleHook = { make: (_refs: number[]): number => 0 };

export function attributeError(obj: number, name: number): PyExc {
  const t = typeIndexOf(obj);
  if (t === T_TYPE) {
    const ct = typeIndexOfTypeRef(W.getRef(obj));
    return pyError(
      E.AttributeError,
      `type object '${types[ct].name}' has no attribute '${strValue(name)}'`,
    );
  }
  return pyError(
    E.AttributeError,
    `'${types[t].name}' object has no attribute '${strValue(name)}'`,
  );
}

export function getAttr(obj: number, name: number, out: number): void {
  if (!getAttrOrFalse(obj, name, out)) throw attributeError(obj, name);
}

export function setAttr(obj: number, name: number, value: number): void {
  const t = typeIndexOf(obj);
  const info = types[t];
  const d = lookupType(t, name);
  if (d !== 0 && W.isRef(d) && u32[W.getRef(d) >> 2] === T_PROPERTY) {
    const p = W.getRef(d);
    if (W.isNone(p + 24) || W.isNull(p + 24)) {
      throw pyError(E.AttributeError, `can't set attribute '${strValue(name)}'`);
    }
    const args = tempPush(2);
    W.copy(args, obj);
    W.copy(args + 8, value);
    try {
      const out = tempPush(1);
      callValue(p + 24, args, 2, 0, out);
    } finally {
      tempPopTo(args);
    }
    return;
  }
  if (info.isClass) {
    setInstanceAttr(W.getRef(obj), name, value);
    return;
  }
  if (t === T_TYPE) {
    const ct = typeIndexOfTypeRef(W.getRef(obj));
    dictSetStr(types[ct].dict, name, value);
    invalidateType(ct);
    return;
  }
  if (t === T_FUNCTION) {
    setFunctionAttr(W.getRef(obj), name, value);
    return;
  }
  const hook = setAttrHooks[t];
  if (hook !== undefined) {
    hook(obj, name, value);
    return;
  }
  throw pyError(E.AttributeError, `'${info.name}' object has no attribute '${strValue(name)}'`);
}

export function delAttr(obj: number, name: number): void {
  const t = typeIndexOf(obj);
  if (types[t].isClass && deleteInstanceAttr(W.getRef(obj), name)) return;
  const hook = delAttrHooks[t];
  if (hook !== undefined) return hook(obj, name);
  if (t === T_FUNCTION && u32[(W.getRef(obj) + FUNC_DICT) >> 2] !== 0) {
    const slot = tempPush(1);
    W.setRef(slot, name);
    const ok = dictDeleteHook.del(u32[(W.getRef(obj) + FUNC_DICT) >> 2], slot);
    tempPopTo(slot);
    if (ok) return;
  }
  if (t === T_TYPE) {
    const ct = typeIndexOfTypeRef(W.getRef(obj));
    const slot = tempPush(1);
    W.setRef(slot, name);
    const ok = dictDeleteHook.del(types[ct].dict, slot);
    tempPopTo(slot);
    if (ok) {
      invalidateType(ct);
      return;
    }
  }
  throw attributeError(obj, name);
}

export const dictDeleteHook = { del: (_d: number, _key: number): boolean => false };

// ---------------------------------------------------------------------------------------------
// Operators

const COMPARE_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];
const COMPARE_DUNDERS = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const COMPARE_SWAPPED = [4, 5, 2, 3, 0, 1];

/** a <op> b for every type; result to out. */
export function binaryOp(op: number, a: number, b: number, out: number): void {
  if (numBinary(op, a, b, out)) return;
  const base = op >= NB_INPLACE ? op - NB_INPLACE : op;
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  // Mutable built-ins (list +=, set |=, dict |=, ...) update the left operand in place.
  if (op >= NB_INPLACE && !types[ta].isClass && inplaceHook.op(base, a, b, out)) return;
  if (seqBinaryHook.op(base, a, b, out)) return;
  // Classes: __iop__, then __op__, then the reflected __rop__ of the right operand.
  if (types[ta].isClass || types[tb].isClass) {
    const name = NB_DUNDERS[base];
    if (op >= NB_INPLACE && types[ta].isClass && callMethodIfNotImpl(a, `__i${name}__`, b, out)) {
      return;
    }
    if (types[ta].isClass && callMethodIfNotImpl(a, `__${name}__`, b, out)) return;
    if (types[tb].isClass && callMethodIfNotImpl(b, `__r${name}__`, a, out)) return;
  }
  const sym = NB_SYMBOLS[base] + (op >= NB_INPLACE ? "=" : "");
  if (base === 8 && op < NB_INPLACE) {
    throw typeError(
      `unsupported operand type(s) for ** or pow(): '${types[ta].name}' and '${types[tb].name}'`,
    );
  }
  throw typeError(
    `unsupported operand type(s) for ${sym}: '${types[ta].name}' and '${types[tb].name}'`,
  );
}

/**
 * In-place operators of mutable built-ins (`base` is the non-inplace op): true when handled, with
 * the updated left operand in out. Installed by the library.
 */
export const inplaceHook = {
  op: (_base: number, _a: number, _b: number, _out: number): boolean => false,
};

/** Sequence operators (str/list/tuple + and *), installed by the library. */
export const seqBinaryHook = {
  op: (_op: number, _a: number, _b: number, _out: number): boolean => false,
};

let notImplementedRef = 0;
export function setNotImplemented(r: number): void {
  notImplementedRef = r;
}
export function isNotImplemented(a: number): boolean {
  return W.isRef(a) && W.getRef(a) === notImplementedRef;
}

function callMethodIfNotImpl(self: number, name: string, arg: number, out: number): boolean {
  const t = typeIndexOf(self);
  const n = intern(name);
  if (lookupType(t, n) === 0) return false;
  const tmp = tempPush(1);
  try {
    callMethod(self, n, arg, 1, tmp);
    if (isNotImplemented(tmp)) return false;
    W.copy(out, tmp);
    return true;
  } finally {
    tempPopTo(tmp);
  }
}

/** Rich comparison; the result (usually a bool) goes to out. */
export function compareOp(op: number, a: number, b: number, out: number): void {
  const ka = numKind(a), kb = numKind(b);
  if (ka !== 0 && kb !== 0) {
    const c = numCompare(a, ka, b, kb);
    W.setBool(out, cmpResult(op, c));
    return;
  }
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  if (types[ta].isClass || types[tb].isClass) {
    // Reflected first when the right operand's type is a subclass of the left's.
    const reflectFirst = tb !== ta && types[tb].isClass && isSubtype(tb, ta);
    if (
      reflectFirst && types[tb].isClass &&
      callMethodIfNotImpl(b, COMPARE_DUNDERS[COMPARE_SWAPPED[op]], a, out)
    ) return;
    if (types[ta].isClass && callMethodIfNotImpl(a, COMPARE_DUNDERS[op], b, out)) return;
    if (
      !reflectFirst && types[tb].isClass &&
      callMethodIfNotImpl(b, COMPARE_DUNDERS[COMPARE_SWAPPED[op]], a, out)
    ) {
      return;
    }
    if (op === 3 && types[ta].isClass && lookupType(ta, intern("__eq__")) !== 0) {
      // default __ne__ inverts __eq__
      const tmp = tempPush(1);
      try {
        if (callMethodIfNotImpl(a, "__eq__", b, tmp)) {
          W.setBool(out, !truthy(tmp));
          return;
        }
      } finally {
        tempPopTo(tmp);
      }
    }
  }
  if (op === 2 || op === 3) {
    W.setBool(out, (op === 2) === richEq(a, b));
    return;
  }
  if (ta === tb || (isSeqType(ta) && ta === tb)) {
    const hook = compareHooks[ta];
    if (hook !== undefined) {
      const c = hook(W.getRef(a), W.getRef(b));
      if (c !== null) {
        W.setBool(out, cmpResult(op, c));
        return;
      }
    }
  }
  throw typeError(
    `'${COMPARE_SYMBOLS[op]}' not supported between instances of '${types[ta].name}' and '${
      types[tb].name
    }'`,
  );
}

function isSeqType(t: number): boolean {
  return t === T_LIST || t === T_TUPLE || t === T_STR;
}

function cmpResult(op: number, c: number): boolean {
  switch (op) {
    case 0:
      return c < 0;
    case 1:
      return c <= 0;
    case 2:
      return c === 0;
    case 3:
      return !(c === 0);
    case 4:
      return c > 0;
    default:
      return c >= 0;
  }
}

/** Equality without user dunders on the outer level (containers still compare items fully). */
function richEq(a: number, b: number): boolean {
  if (W.same(a, b)) return !(W.isFloat(a) && f64[a >> 3] !== f64[a >> 3]);
  if (!W.isRef(a) || !W.isRef(b)) return false;
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  if (ta === T_STR && tb === T_STR) return strValue(W.getRef(a)) === strValue(W.getRef(b));
  if (ta !== tb) {
    // set/frozenset and dict views compare across types; the hooks handle their own kind
    const h = eqHooks[ta];
    return h !== undefined && crossEqHook.eq(ta, tb) ? h(W.getRef(a), W.getRef(b)) : false;
  }
  const hook = eqHooks[ta];
  if (hook !== undefined) return hook(W.getRef(a), W.getRef(b));
  return false;
}

export const crossEqHook = { eq: (_ta: number, _tb: number): boolean => false };

/**
 * Python `a == b` as a JS boolean (calls __eq__ of classes), with the identity shortcut of
 * PyObject_RichCompareBool that containers use: an item equals itself, even a NaN (floats have no
 * identity here, so every NaN word counts as the same object).
 */
export function pyEquals(a: number, b: number): boolean {
  if (W.same(a, b)) return true;
  const out = tempPush(1);
  try {
    compareOp(2, a, b, out);
    return truthy(out);
  } finally {
    tempPopTo(out);
  }
}

/** Python `a < b` as a JS boolean (for sorting, min, max). */
export function pyLess(a: number, b: number): boolean {
  const ka = numKind(a), kb = numKind(b);
  if (ka !== 0 && kb !== 0) return numCompare(a, ka, b, kb) < 0;
  if (W.isRef(a) && W.isRef(b)) {
    const ra = W.getRef(a), rb = W.getRef(b);
    if (u32[ra >> 2] === T_STR && u32[rb >> 2] === T_STR) return strValue(ra) < strValue(rb);
  }
  const out = tempPush(1);
  try {
    compareOp(0, a, b, out);
    return truthy(out);
  } finally {
    tempPopTo(out);
  }
}

export function unaryNegative(a: number, out: number): void {
  const k = numKind(a);
  if (k === 2) W.setFloat(out, -f64[a >> 3]);
  else if (k === 1) {
    const x = intOf(a);
    if (typeof x === "number") {
      W.setInt(2048 + 8 * 59, 0);
      numBinary(10, 2048 + 8 * 59, a, out);
    } else numBinary(10, zeroSlot(), a, out);
  } else if (!unaryDunder(a, "__neg__", out)) {
    throw typeError(`bad operand type for unary -: '${typeName(a)}'`);
  }
}

function zeroSlot(): number {
  W.setInt(2048 + 8 * 59, 0);
  return 2048 + 8 * 59;
}

export function unaryPositive(a: number, out: number): void {
  const k = numKind(a);
  if (k === 2) W.copy(out, a);
  else if (k === 1) numBinary(0, zeroSlot(), a, out);
  else if (!unaryDunder(a, "__pos__", out)) {
    throw typeError(`bad operand type for unary +: '${typeName(a)}'`);
  }
}

export function unaryInvert(a: number, out: number): void {
  const k = numKind(a);
  if (k === 1) {
    W.setInt(2048 + 8 * 59, -1);
    numBinary(12, a, 2048 + 8 * 59, out); // x ^ -1 == ~x
  } else if (!unaryDunder(a, "__invert__", out)) {
    throw typeError(`bad operand type for unary ~: '${typeName(a)}'`);
  }
}

function unaryDunder(a: number, name: string, out: number): boolean {
  if (!types[typeIndexOf(a)].isClass) return false;
  return callMethod(a, intern(name), 0, 0, out);
}

// ---------------------------------------------------------------------------------------------
// Containers

export function lenOf(a: number): number {
  const t = typeIndexOf(a);
  if (W.isRef(a)) {
    const hook = lenHooks[t];
    if (hook !== undefined) return hook(W.getRef(a));
    if (types[t].isClass) {
      const out = tempPush(1);
      try {
        if (callMethod(a, intern("__len__"), 0, 0, out)) {
          if (!W.isInt(out)) {
            throw typeError(`'${typeName(out)}' object cannot be interpreted as an integer`);
          }
          const n = W.getInt(out);
          if (n < 0) throw pyError(E.ValueError, "__len__() should return >= 0");
          return n;
        }
      } finally {
        tempPopTo(out);
      }
    }
  }
  throw typeError(`object of type '${types[t].name}' has no len()`);
}

export function getItem(obj: number, key: number, out: number): void {
  const t = typeIndexOf(obj);
  if (W.isRef(obj)) {
    const hook = getItemHooks[t];
    if (hook !== undefined) {
      hook(W.getRef(obj), key, out);
      return;
    }
    if (types[t].isClass && callMethod(obj, intern("__getitem__"), key, 1, out)) return;
    if (t === T_TYPE) {
      // list[int] and friends: generic aliases are not supported; return the type itself
      W.copy(out, obj);
      return;
    }
  }
  throw typeError(`'${types[t].name}' object is not subscriptable`);
}

export function setItem(obj: number, key: number, value: number): void {
  const t = typeIndexOf(obj);
  if (W.isRef(obj)) {
    const hook = setItemHooks[t];
    if (hook !== undefined) {
      hook(W.getRef(obj), key, value);
      return;
    }
    if (types[t].isClass) {
      const args = tempPush(2);
      W.copy(args, key);
      W.copy(args + 8, value);
      try {
        const out = tempPush(1);
        if (callMethod(obj, intern("__setitem__"), args, 2, out)) return;
      } finally {
        tempPopTo(args);
      }
    }
  }
  throw typeError(`'${types[t].name}' object does not support item assignment`);
}

export function delItem(obj: number, key: number): void {
  const t = typeIndexOf(obj);
  if (W.isRef(obj)) {
    const hook = delItemHooks[t];
    if (hook !== undefined) {
      hook(W.getRef(obj), key);
      return;
    }
    if (types[t].isClass) {
      const out = tempPush(1);
      try {
        if (callMethod(obj, intern("__delitem__"), key, 1, out)) return;
      } finally {
        tempPopTo(out);
      }
    }
  }
  throw typeError(`'${types[t].name}' object doesn't support item deletion`);
}

/** iter(obj) into `out`. `unpacking`: for UNPACK_SEQUENCE/UNPACK_EX, whose TypeError for a
 * non-iterable says "cannot unpack" (as CPython's does). */
export function getIter(obj: number, out: number, unpacking = false): void {
  const t = typeIndexOf(obj);
  const hook = getIterHooks[t];
  if (hook !== undefined) {
    hook(obj, out);
    return;
  }
  if (iterNextHooks[t] !== undefined) {
    W.copy(out, obj); // iterators are their own iterators
    return;
  }
  if (types[t].isClass) {
    if (callMethod(obj, intern("__iter__"), 0, 0, out)) return;
    if (lookupType(t, intern("__getitem__")) !== 0) {
      seqIterHook.make(obj, out);
      return;
    }
  }
  throw typeError(
    unpacking
      ? `cannot unpack non-iterable ${types[t].name} object`
      : `'${types[t].name}' object is not iterable`,
  );
}

/** Iterator over an object with __getitem__ (installed by the library). */
export const seqIterHook = { make: (_obj: number, _out: number): void => {} };

/** Advance the iterator in slot it; false when exhausted. */
export function iterNext(it: number, out: number): boolean {
  const t = typeIndexOf(it);
  const hook = iterNextHooks[t];
  if (hook !== undefined) return hook(W.getRef(it), out);
  if (types[t].isClass) {
    try {
      if (callMethod(it, intern("__next__"), 0, 0, out)) return true;
    } catch (e) {
      if (e instanceof PyExc && isSubtype(u32[e.ref >> 2], E.StopIteration)) return false;
      throw e;
    }
  }
  throw typeError(`'${types[t].name}' object is not an iterator`);
}

export function contains(container: number, item: number): boolean {
  const t = typeIndexOf(container);
  if (W.isRef(container)) {
    const hook = containsHooks[t];
    if (hook !== undefined) return hook(W.getRef(container), item);
    if (types[t].isClass) {
      const out = tempPush(1);
      try {
        if (callMethod(container, intern("__contains__"), item, 1, out)) return truthy(out);
      } finally {
        tempPopTo(out);
      }
    }
  }
  // Fall back to iteration.
  const it = tempPush(2);
  try {
    getIter(container, it);
    while (iterNext(it, it + 8)) {
      if (pyEquals(it + 8, item)) return true;
    }
    return false;
  } catch (e) {
    if (
      e instanceof PyExc && u32[e.ref >> 2] === E.TypeError &&
      !(W.isRef(container) && types[t].isClass)
    ) {
      throw typeError(`argument of type '${types[t].name}' is not iterable`);
    }
    throw e;
  } finally {
    tempPopTo(it);
  }
}

/** isinstance(value, type index) */
export function isInstance(a: number, t: number): boolean {
  return isSubtype(typeIndexOf(a), t);
}
