// Functions, code objects, cells and bound methods.
//
// Compiled code objects are registered once in `codes`; frames and function objects refer to a
// code object by its registry index. Registration materialises the constants into a heap tuple
// and interns the names, so the interpreter reads them with no conversion.
import { u32, W } from "./mem.ts";
import {
  CELL_VALUE,
  FUNC_CLOSURE,
  FUNC_CODE,
  FUNC_DEFAULTS,
  FUNC_DICT,
  FUNC_GLOBALS,
  FUNC_KWDEFAULTS,
  FUNC_NAME,
  FUNC_QUALNAME,
  FUNC_VERSION,
  METHOD_FUNC,
  METHOD_SELF,
} from "./layout.ts";
import { allocate, markRef, rootProviders } from "./space.ts";
import { intern, newStr } from "./str.ts";
import { newTuple, tupleItem } from "./seq.ts";
import { setIntBig } from "./int.ts";
import { tempPopTo, tempPush } from "./roots.ts";
import { T_CELL, T_CODE, T_FROZENSET, T_FUNCTION, T_METHOD } from "./type_ids.ts";
import { newSet, setAddKey, setKeyAddrs } from "./set.ts";
import type { CodeObject, ConstValue } from "../compiler/code.ts";

export interface CodeInfo {
  code: CodeObject;
  index: number;
  /** Heap tuple of the constants. */
  consts: number;
  /** Interned str refs of code.names. */
  names: number[];
  /** Interned str refs of code.localsplusNames. */
  localNames: number[];
  /** Frame size in bytes (header + locals + stack). */
  frameBytes: number;
  /** Heap code object (T_CODE) for this code. */
  ref: number;
  /** A third inline-cache word per instruction (e.g. the method a LOAD_METHOD cached). */
  aux: Int32Array;
  /** How often each instruction's specialisation failed (for exponential back-off). */
  deopts: Uint8Array;
  /** Number of local slots (locals, cells, free variables). */
  nlocalsplus: number;
  /** The argument count when a call with exactly that many positional arguments needs no
   * binding work (no defaults used, no *args/**kwargs, no keyword-only), else -1. */
  simpleArgcount: number;
}

export const codes: CodeInfo[] = [];

rootProviders.push(() => {
  for (const c of codes) {
    markRef(c.consts);
    markRef(c.ref);
  }
});

import { FRAME_HEADER } from "../interpreter/frame_layout.ts";

function materialize(c: ConstValue, out: number): void {
  switch (c.kind) {
    case "int":
      setIntBig(out, c.value);
      return;
    case "float":
      W.setFloat(out, c.value);
      return;
    case "str":
      W.setRef(out, intern(c.value));
      return;
    case "bool":
      W.setBool(out, c.value);
      return;
    case "none":
      W.setNone(out);
      return;
    case "tuple": {
      const t = newTuple(c.items.length);
      for (let k = 0; k < c.items.length; k++) materialize(c.items[k], tupleItem(t, k));
      W.setRef(out, t);
      return;
    }
    case "frozenset": {
      // PyFrozenSet_New(items), then rebuilt from its own iteration order as CPython's compiler
      // does when it merges constants (merge_consts_recursive).
      const t = tempPush(2);
      try {
        const first = newSet(T_FROZENSET);
        W.setRef(t, first);
        for (const item of c.items) {
          materialize(item, t + 8);
          setAddKey(first, t + 8);
        }
        const fs = newSet(T_FROZENSET);
        W.setRef(out, fs);
        for (const k of setKeyAddrs(first)) setAddKey(fs, k);
      } finally {
        tempPopTo(t);
      }
      return;
    }
    case "code":
      W.setRef(out, codes[registerCode(c.code)].ref);
      return;
    case "ellipsis":
      W.setRef(out, ellipsisRef());
      return;
    default:
      // bytes and complex constants are not supported by the runtime yet
      W.setRef(out, newStr(`<unsupported constant ${c.kind}>`));
  }
}

let ellipsis = 0;
export function ellipsisRef(): number {
  return ellipsis;
}
export function setEllipsisRef(r: number): void {
  ellipsis = r;
}

const registered = new Map<CodeObject, number>();

/** Register a code object (and, recursively, those in its constants); returns its index. */
export function registerCode(code: CodeObject): number {
  const known = registered.get(code);
  if (known !== undefined) return known;
  const index = codes.length;
  registered.set(code, index);
  const ref = allocate(T_CODE, 24, 1, 0);
  u32[(ref + 16) >> 2] = index;
  const info: CodeInfo = {
    code,
    index,
    consts: 0,
    names: code.names.map(intern),
    localNames: code.localsplusNames.map(intern),
    frameBytes: FRAME_HEADER + 8 * (code.localsplusNames.length + code.stacksize + 2),
    ref,
    aux: new Int32Array(code.ninstrs),
    deopts: new Uint8Array(code.ninstrs),
    nlocalsplus: code.localsplusNames.length,
    simpleArgcount: code.kwonlyargcount === 0 && (code.flags & 12) === 0 ? code.argcount : -1,
  };
  codes.push(info);
  const consts = newTuple(code.consts.length);
  info.consts = consts;
  for (let k = 0; k < code.consts.length; k++) materialize(code.consts[k], tupleItem(consts, k));
  return index;
}

export function codeIndexOfRef(codeRef: number): number {
  return u32[(codeRef + 16) >> 2];
}

let functionVersion = 1;

/** A new function object for registered code `ci`. defaults etc. are heap refs or 0. */
export function newFunction(
  ci: number,
  globals: number,
  defaults: number,
  kwdefaults: number,
  closure: number,
): number {
  const r = allocate(T_FUNCTION, 56, 2, 7);
  const code = codes[ci].code;
  u32[(r + FUNC_CODE) >> 2] = ci;
  u32[(r + FUNC_VERSION) >> 2] = functionVersion++;
  u32[(r + FUNC_GLOBALS) >> 2] = globals;
  u32[(r + FUNC_DEFAULTS) >> 2] = defaults;
  u32[(r + FUNC_KWDEFAULTS) >> 2] = kwdefaults;
  u32[(r + FUNC_CLOSURE) >> 2] = closure;
  u32[(r + FUNC_NAME) >> 2] = intern(code.name);
  u32[(r + FUNC_QUALNAME) >> 2] = intern(code.qualname);
  u32[(r + FUNC_DICT) >> 2] = 0;
  return r;
}

export function funcCode(f: number): CodeInfo {
  return codes[u32[(f + FUNC_CODE) >> 2]];
}

export function newCell(value: number): number {
  const r = allocate(T_CELL, 24, 0, 0);
  if (value === 0) W.setNull(r + CELL_VALUE);
  else W.copy(r + CELL_VALUE, value);
  return r;
}

/** A bound method of the function in slot func to self in slot self. */
export function newMethod(func: number, self: number): number {
  const r = allocate(T_METHOD, 32, 0, 0);
  W.copy(r + METHOD_FUNC, func);
  W.copy(r + METHOD_SELF, self);
  return r;
}
