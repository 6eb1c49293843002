// Class creation (__build_class__), zero-argument super(), and the methods of `object`.
import { u32, W } from "../runtime/mem.ts";
import { CELL_VALUE, FUNC_CODE, FUNC_GLOBALS } from "../runtime/layout.ts";
import { T_CELL, T_FUNCTION, T_OBJECT, T_STR, T_SUPER, T_TYPE } from "../runtime/type_ids.ts";
import {
  defineType,
  invalidateType,
  isSubtype,
  typeIndexOf,
  typeIndexOfTypeRef,
  types,
} from "../runtime/types.ts";
import {
  dictFilled,
  dictGetStrAddr,
  dictSetStr,
  entryAddr,
  entryLive,
  newDict,
} from "../runtime/dict.ts";
import { intern, strValue } from "../runtime/str.ts";
import { tupleLen } from "../runtime/seq.ts";
import { codes } from "../runtime/func.ts";
import { allocate } from "../runtime/space.ts";
import { tempPopTo, tempPush } from "../runtime/roots.ts";
import { typeError } from "../runtime/errors.ts";
import { defMethod, newBuiltin } from "../runtime/builtin_fn.ts";
import { getAttrHooks, lookupType } from "../runtime/ops.ts";
import { newMethod } from "../runtime/func.ts";
import { bindBuiltin } from "../runtime/builtin_fn.ts";
import { BUILTIN_SELF } from "../runtime/layout.ts";
import { T_BUILTIN, T_CLASSMETHOD, T_STATICMETHOD } from "../runtime/type_ids.ts";
import { frameState, pushFrame } from "./frames.ts";
import { F_BUILTINS, F_CODE, FRAME_HEADER } from "./frame_layout.ts";
import { runEntryFrame, setObjectInit } from "./interp.ts";
import { Op } from "../compiler/opcodes.ts";
import { E } from "../runtime/errors.ts";
import { setInstanceAttr } from "../runtime/instance.ts";
import { tupleFrom } from "../runtime/seq.ts";

/** __build_class__(body_function, name, *bases, **kw) */
export function buildClass(args: number, nargs: number, kwnames: number, out: number): void {
  const nkw = kwnames === 0 ? 0 : tupleLen(kwnames);
  const npos = nargs - nkw;
  if (npos < 2) throw typeError("__build_class__: not enough arguments");
  const body = W.getRef(args);
  if (u32[body >> 2] !== T_FUNCTION) throw typeError("__build_class__: func must be a function");
  const name = strValue(W.getRef(args + 8));
  let base = T_OBJECT;
  for (let k = 2; k < npos; k++) {
    const b = args + 8 * k;
    if (!W.isRef(b) || u32[W.getRef(b) >> 2] !== T_TYPE) throw typeError("bases must be types");
    const bt = typeIndexOfTypeRef(W.getRef(b));
    if (k === 2) base = bt;
    else if (!isSubtype(base, bt)) {
      // Multiple inheritance: only the first base is used for layout and lookup.
    }
    const bi = types[bt];
    if (!bi.isClass && bt !== T_OBJECT) {
      throw typeError(`Tessera cannot subclass the built-in type '${bi.name}' yet`);
    }
  }
  const hold = tempPush(2);
  try {
    const ns = newDict();
    W.setRef(hold, ns);
    const ci = u32[(body + FUNC_CODE) >> 2];
    const caller = frameState.current;
    const f = pushFrame(
      ci,
      body,
      u32[(body + FUNC_GLOBALS) >> 2],
      u32[(caller + F_BUILTINS) >> 2],
      ns,
    );
    runEntryFrame(f, hold + 8);
    const t = defineType(name, base, -1, true);
    const modAddr = dictGetStrAddr(u32[(body + FUNC_GLOBALS) >> 2], intern("__name__"));
    t.module = modAddr !== 0 && W.isRef(modAddr) ? strValue(W.getRef(modAddr)) : "__main__";
    const q = dictGetStrAddr(ns, intern("__qualname__"));
    t.qualname = q !== 0 && W.isRef(q) ? strValue(W.getRef(q)) : name;
    for (let i = 0; i < dictFilled(ns); i++) {
      if (!entryLive(ns, i)) continue;
      const e = entryAddr(ns, i);
      if (W.isRef(e + 8) && u32[W.getRef(e + 8) >> 2] === T_STR) {
        dictSetStr(t.dict, intern(strValue(W.getRef(e + 8))), e + 16);
      }
    }
    t.inlineSlots = Math.max(t.inlineSlots, estimateAttributes(ns, t.base));
    const cell = dictGetStrAddr(ns, intern("__classcell__"));
    if (cell !== 0 && W.isRef(cell) && u32[W.getRef(cell) >> 2] === T_CELL) {
      W.setRef(W.getRef(cell) + CELL_VALUE, t.ref);
    }
    invalidateType(t.index);
    W.setRef(out, t.ref);
  } finally {
    tempPopTo(hold);
  }
}

/**
 * How many attributes instances of a new class will likely have: the distinct names its methods
 * assign through `self.name = ...`, plus the base's estimate. Instances get that many inline
 * slots, so attribute access stays a shape guard plus a load at a fixed offset.
 */
function estimateAttributes(ns: number, base: number): number {
  const names = new Set<string>();
  for (let i = 0; i < dictFilled(ns); i++) {
    if (!entryLive(ns, i)) continue;
    const v = entryAddr(ns, i) + 16;
    if (!W.isRef(v) || u32[W.getRef(v) >> 2] !== T_FUNCTION) continue;
    const code = codes[u32[(W.getRef(v) + FUNC_CODE) >> 2]].code;
    for (let k = 1; k < code.ninstrs; k++) {
      // STORE_ATTR whose owner is local 0 (self), loaded just before it
      if (
        code.opcodeAt(k) === Op.STORE_ATTR && code.opcodeAt(k - 1) === Op.LOAD_FAST &&
        code.opargAt(k - 1) === 0
      ) {
        names.add(code.names[code.opargAt(k)]);
      }
    }
  }
  const inherited = base >= 0 && types[base].isClass ? types[base].inlineSlots : 0;
  return Math.min(MAX_INLINE_SLOTS, inherited + names.size);
}

const MAX_INLINE_SLOTS = 24;

// super objects: values [type, self] at +16, +24.
const SUPER_TYPE = 16, SUPER_SELF = 24;

/** super() with zero arguments (reads the caller's frame) or super(type, obj). */
export function superBuiltin(args: number, nargs: number, _kw: number, out: number): void {
  const s = allocate(T_SUPER, 32, 0, 0);
  if (nargs === 2) {
    W.copy(s + SUPER_TYPE, args);
    W.copy(s + SUPER_SELF, args + 8);
  } else if (nargs === 0) {
    const f = frameState.current;
    const code = codes[u32[(f + F_CODE) >> 2]].code;
    const ci = code.localsplusNames.lastIndexOf("__class__");
    if (ci < 0 || code.argcount === 0) throw typeError("super(): no arguments");
    const cellSlot = f + FRAME_HEADER + 8 * ci;
    const cell = W.getRef(cellSlot);
    if (W.isNull(cell + CELL_VALUE)) throw typeError("super(): empty __class__ cell");
    W.copy(s + SUPER_TYPE, cell + CELL_VALUE);
    let self = f + FRAME_HEADER;
    if (code.localsplusKinds[0] & 0x40 && W.isRef(self) && u32[W.getRef(self) >> 2] === T_CELL) {
      self = W.getRef(self) + CELL_VALUE;
    }
    W.copy(s + SUPER_SELF, self);
  } else throw typeError("super() takes 0 or 2 arguments");
  W.setRef(out, s);
}

function superGetAttr(obj: number, name: string, out: number): boolean {
  const s = W.getRef(obj);
  const start = typeIndexOfTypeRef(W.getRef(s + SUPER_TYPE));
  const self = s + SUPER_SELF;
  const selfType = W.isRef(self) && u32[W.getRef(self) >> 2] === T_TYPE
    ? typeIndexOfTypeRef(W.getRef(self))
    : typeIndexOf(self);
  const mro = types[selfType].mro;
  const n = intern(name);
  for (let k = mro.indexOf(start) + 1; k > 0 && k < mro.length; k++) {
    const a = dictGetStrAddr(types[mro[k]].dict, n);
    if (a === 0) continue;
    if (W.isRef(a)) {
      const t = u32[W.getRef(a) >> 2];
      if (t === T_FUNCTION) {
        W.setRef(out, newMethod(a, self));
        return true;
      }
      if (t === T_BUILTIN && W.isNull(W.getRef(a) + BUILTIN_SELF)) {
        W.setRef(out, bindBuiltin(W.getRef(a), self));
        return true;
      }
      if (t === T_STATICMETHOD) {
        W.copy(out, W.getRef(a) + 16);
        return true;
      }
      if (t === T_CLASSMETHOD) {
        const c = tempPush(1);
        W.setRef(c, types[selfType].ref);
        W.setRef(out, newMethod(W.getRef(a) + 16, c));
        tempPopTo(c);
        return true;
      }
    }
    W.copy(out, a);
    return true;
  }
  return false;
}

/** Install __build_class__, super and object's methods; returns the __build_class__ builtin. */
export function installClassSupport(builtins: number): number {
  const bc = newBuiltin("__build_class__", buildClass);
  const slot = tempPush(1);
  W.setRef(slot, bc);
  dictSetStr(builtins, intern("__build_class__"), slot);
  W.setRef(slot, newBuiltin("super", superBuiltin));
  dictSetStr(builtins, intern("super"), slot);
  tempPopTo(slot);
  getAttrHooks[T_SUPER] = superGetAttr;
  const oi = lookupType(T_OBJECT, intern("__init__"));
  setObjectInit(oi !== 0 && W.isRef(oi) ? W.getRef(oi) : 0);
  defMethod(E.BaseException, "__init__", (args, nargs, _kw, out) => {
    const self = W.getRef(args);
    const t = tupleFrom(args + 8, nargs - 1);
    const s = tempPush(1);
    W.setRef(s, t);
    setInstanceAttr(self, intern("args"), s);
    tempPopTo(s);
    W.setNone(out);
  });
  return bc;
}
