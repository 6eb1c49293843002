// Helpers for the generated CPython-comparison cases (lib_cases_test.ts).
import { u32, W } from "../../src/runtime/mem.ts";
import { tempMark, tempPopTo, tempPush } from "../../src/runtime/roots.ts";
import { dictGetStrAddr } from "../../src/runtime/dict.ts";
import { intern } from "../../src/runtime/str.ts";
import { PyExc } from "../../src/runtime/errors.ts";
import { binaryOp, compareOp, contains, exceptionStr, getItem } from "../../src/runtime/ops.ts";
import { types } from "../../src/runtime/types.ts";
import { newSlice } from "../../src/runtime/lib/index.ts";
import { boot, call, f, meth, put, r, repr, t, val } from "./helpers.ts";
import type { Py } from "./helpers.ts";

export { call, f, meth, r, repr, t, val };

/** Run a case: its result string, or "ExcType: message" when it raises. */
export function run(thunk: () => string): string {
  boot();
  const mark = tempMark();
  try {
    return thunk();
  } catch (e) {
    if (e instanceof PyExc) return `${types[u32[e.ref >> 2]].name}: ${exceptionStr(e.ref)}`;
    throw e;
  } finally {
    tempPopTo(mark);
  }
}

export function typeSlot(name: string): number {
  return dictGetStrAddr(boot(), intern(name));
}

export function bin(op: number, a: Py, b: Py): string {
  const out = tempPush(1);
  binaryOp(op, val(a), val(b), out);
  return repr(out);
}

export function pct(fmt: string, arg: Py): string {
  return bin(6, fmt, arg);
}

export function cmp(op: number, a: Py, b: Py): string {
  const out = tempPush(1);
  compareOp(op, val(a), val(b), out);
  return repr(out);
}

export function has(container: number, x: Py): string {
  return contains(container, val(x)) ? "True" : "False";
}

export function item(obj: number, key: Py): number {
  const out = tempPush(1);
  getItem(obj, val(key), out);
  return out;
}

export function slice(a: Py, b: Py, c: Py): Py {
  const s = tempPush(3);
  put(a, s);
  put(b, s + 8);
  put(c, s + 16);
  const r = tempPush(1);
  W.setRef(r, newSlice(s, s + 8, s + 16));
  return { slot: r };
}
