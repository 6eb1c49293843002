// Test helpers: boot the runtime library without the interpreter, build values in temp slots,
// call builtins and methods, and read results back as repr strings.
import { u32, W } from "../../src/runtime/mem.ts";
import { tempPush } from "../../src/runtime/roots.ts";
import { dictGetStrAddr, dictSet, newDict } from "../../src/runtime/dict.ts";
import { intern, newStr } from "../../src/runtime/str.ts";
import { listAppend, newList, newTuple, tupleItem } from "../../src/runtime/seq.ts";
import { setIntBig } from "../../src/runtime/int.ts";
import { initExceptions } from "../../src/runtime/errors.ts";
import { builtinInfo } from "../../src/runtime/builtin_fn.ts";
import { callHook, getAttr, reprOf } from "../../src/runtime/ops.ts";
import { T_BUILTIN, T_TYPE } from "../../src/runtime/type_ids.ts";
import { typeIndexOfTypeRef, types } from "../../src/runtime/types.ts";
import { BUILTIN_SELF } from "../../src/runtime/layout.ts";
import { initBuiltinTypes, installLibrary } from "../../src/runtime/lib/index.ts";

let builtins = 0;

export function boot(): number {
  if (builtins !== 0) return builtins;
  initBuiltinTypes();
  initExceptions();
  builtins = newDict();
  installLibrary(builtins);
  callHook.call = (callee, args, nargs, kw, out) => {
    const r = W.getRef(callee);
    const t = u32[r >> 2];
    if (t === T_BUILTIN) {
      const info = builtinInfo(r);
      if (!W.isNull(r + BUILTIN_SELF)) {
        const a = tempPush(nargs + 1);
        W.copy(a, r + BUILTIN_SELF);
        for (let k = 0; k < nargs; k++) W.copy(a + 8 + 8 * k, args + 8 * k);
        info.fn(a, nargs + 1, kw, out);
        return;
      }
      info.fn(args, nargs, kw, out);
      return;
    }
    if (t === T_TYPE) {
      types[typeIndexOfTypeRef(r)].construct!(args, nargs, kw, out);
      return;
    }
    throw new Error("test callHook: cannot call type " + t);
  };
  return builtins;
}

export type Py =
  | number
  | bigint
  | string
  | boolean
  | null
  | Py[]
  | { f: number }
  | { t: Py[] }
  | { d: [Py, Py][] }
  | { slot: number };

/** Store a JS description of a value into slot out. */
export function put(x: Py, out: number): void {
  if (x === null) W.setNone(out);
  else if (typeof x === "boolean") W.setBool(out, x);
  else if (typeof x === "number") setIntBig(out, BigInt(x));
  else if (typeof x === "bigint") setIntBig(out, x);
  else if (typeof x === "string") W.setRef(out, newStr(x));
  else if (Array.isArray(x)) {
    const l = newList(0);
    W.setRef(out, l);
    const s = tempPush(1);
    for (const y of x) {
      put(y, s);
      listAppend(l, s);
    }
  } else if ("f" in x) W.setFloat(out, x.f);
  else if ("t" in x) {
    const t = newTuple(x.t.length);
    W.setRef(out, t);
    for (let k = 0; k < x.t.length; k++) put(x.t[k], tupleItem(t, k));
  } else if ("d" in x) {
    const d = newDict();
    W.setRef(out, d);
    const s = tempPush(2);
    for (const [k, v] of x.d) {
      put(k, s);
      put(v, s + 8);
      dictSet(d, s, s + 8);
    }
  } else W.copy(out, x.slot);
}

export function val(x: Py): number {
  const s = tempPush(1);
  put(x, s);
  return s;
}

/** Call builtin `name` with positional args and keyword args; returns the result slot. */
export function call(name: string, args: Py[], kw: Record<string, Py> = {}): number {
  const b = boot();
  const f = dictGetStrAddr(b, intern(name));
  if (f === 0) throw new Error("no builtin " + name);
  return callSlot(f, args, kw);
}

export function callSlot(f: number, args: Py[], kw: Record<string, Py> = {}): number {
  const names = Object.keys(kw);
  const n = args.length + names.length;
  const a = tempPush(n + 2);
  for (let k = 0; k < args.length; k++) put(args[k], a + 8 * k);
  for (let k = 0; k < names.length; k++) put(kw[names[k]], a + 8 * (args.length + k));
  let kwt = 0;
  if (names.length > 0) {
    kwt = newTuple(names.length);
    for (let k = 0; k < names.length; k++) W.setRef(tupleItem(kwt, k), intern(names[k]));
  }
  const out = a + 8 * (n + 1);
  W.copy(a + 8 * n, f);
  callHook.call(a + 8 * n, a, n, kwt, out);
  return out;
}

/** Call method `name` of the value x. */
export function meth(x: Py, name: string, args: Py[] = [], kw: Record<string, Py> = {}): number {
  const self = val(x);
  const m = tempPush(1);
  getAttr(self, intern(name), m);
  return callSlot(m, args, kw);
}

export function repr(slot: number): string {
  return reprOf(slot);
}

/** repr of a builtin call's result. */
export function r(name: string, args: Py[], kw: Record<string, Py> = {}): string {
  return reprOf(call(name, args, kw));
}

export function f(x: number): { f: number } {
  return { f: x };
}
export function t(...xs: Py[]): { t: Py[] } {
  return { t: xs };
}
