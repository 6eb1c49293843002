// The built-in library: entry points for the interpreter.
//
//   initBuiltinTypes()          create the TypeInfos of the built-in types (before initExceptions)
//   installLibrary(builtins)    fill the builtins dict and install every hook and method
//   importModule(name)          module objects of the built-in modules (math)
//   formatValue(slot, spec)     format() / f-string conversion
//   inplaceOp(op, a, b, out)    augmented assignment (list += iterable extends in place, ...)
//   stdout                      the buffered output writer (flush at exit)
import { u32, W } from "../mem.ts";
import { allocate, markRef, rootProviders } from "../space.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { dictGetStrAddr, dictSet, dictSetStr, newDict } from "../dict.ts";
import { intern, newStr, strLength, strValue } from "../str.ts";
import { getEmptyTuple, listLen, newTuple, tupleItem } from "../seq.ts";
import * as T from "../type_ids.ts";
import { newBuiltin } from "../builtin_fn.ts";
import { E, EXCEPTION_ALIASES, pyError, typeError } from "../errors.ts";
import { setEllipsisRef } from "../func.ts";
import {
  binaryOp,
  delAttrHooks,
  dictDeleteHook,
  getAttrHooks,
  inplaceHook,
  makeTupleHook,
  reprHooks,
  seqBinaryHook,
  setAttrHooks,
  setNotImplemented,
} from "../ops.ts";
import { typeIndexOf, types } from "../types.ts";
import { NB_ADD, NB_INPLACE, NB_MULTIPLY, NB_OR, NB_REMAINDER } from "../num.ts";
import { initBuiltinTypes } from "./types_init.ts";
import { installDunders } from "./dunders.ts";
import { installIters } from "./iters.ts";
import {
  cantMultiply,
  checkStrRepeat,
  installList,
  listConcat,
  listExtend,
  listRepeat,
  repeatCount,
  repeatCountBig,
  tupleConcat,
  tupleRepeat,
} from "./list.ts";
import { installStr } from "./strlib.ts";
import { dictUpdate, installDict } from "./dictlib.ts";
import { setBinary } from "./setlib.ts";
import { installNumbers } from "./numlib.ts";
import { builtinObjects, installBuiltinTypes } from "./builtins.ts";
import { percentFormat } from "./format.ts";
import { mathFunctions } from "./mathmod.ts";
import { MODULE_DICT, MODULE_NAME } from "./iter_layout.ts";
import { intValue } from "./util.ts";
import { listItems, listReserve } from "../seq.ts";
import { LIST_LEN } from "../layout.ts";

export { initBuiltinTypes };
export { asciiOf, formatValue, percentFormat, strFormat } from "./format.ts";
export { stderr, stdout } from "./stdout.ts";
export { builtinPrint, newRange, newSlice } from "./builtins.ts";
export { charStr, newRangeIter } from "./iters.ts";
export { pyHash } from "./numlib.ts";
export { sortList } from "./list.ts";
export * from "./iter_layout.ts";

let notImplemented = 0;
let ellipsis = 0;

function isClassSlot(a: number): boolean {
  return types[typeIndexOf(a)].isClass;
}

/** str/list/tuple `+` `*`, str `%`, set `| & - ^`, dict `|`. */
function seqBinary(op: number, a: number, b: number, out: number): boolean {
  const ta = typeIndexOf(a), tb = typeIndexOf(b);
  switch (op) {
    case NB_ADD:
      if (ta === T.T_STR && tb === T.T_STR) {
        const x = strValue(W.getRef(a)), y = strValue(W.getRef(b));
        if (y.length === 0) W.copy(out, a);
        else if (x.length === 0) W.copy(out, b);
        else W.setRef(out, newStr(x + y));
        return true;
      }
      if (ta === T.T_LIST && tb === T.T_LIST) {
        W.setRef(out, listConcat(W.getRef(a), W.getRef(b)));
        return true;
      }
      if (ta === T.T_TUPLE && tb === T.T_TUPLE) {
        W.setRef(out, tupleConcat(W.getRef(a), W.getRef(b)));
        return true;
      }
      if ((ta === T.T_STR || ta === T.T_LIST || ta === T.T_TUPLE) && !isClassSlot(b)) {
        throw typeError(
          `can only concatenate ${types[ta].name} (not "${types[tb].name}") to ${types[ta].name}`,
        );
      }
      return false;
    case NB_MULTIPLY: {
      let seq = a, n = b, ts = ta;
      if (ta !== T.T_STR && ta !== T.T_LIST && ta !== T.T_TUPLE) {
        seq = b;
        n = a;
        ts = tb;
      }
      if (ts !== T.T_STR && ts !== T.T_LIST && ts !== T.T_TUPLE) return false;
      if (intValue(n) === null) {
        if (isClassSlot(n)) {
          const t = typeIndexOf(n);
          if (
            !types[t].mro.some((c) =>
              types[c].dict !== 0 && dictGetStrAddr(types[c].dict, intern("__index__")) !== 0
            )
          ) {
            return false;
          }
        } else cantMultiply(n);
      }
      const times = repeatCount(n);
      const r = W.getRef(seq);
      if (ts === T.T_STR) {
        const s = strValue(r);
        if (times > 1) checkStrRepeat(strLength(r), repeatCountBig(n));
        if (s.length * times > 2 ** 29) throw pyError(E.MemoryError, "");
        W.setRef(out, times === 1 ? r : newStr(s.repeat(times)));
      } else if (ts === T.T_LIST) W.setRef(out, listRepeat(r, times));
      else W.setRef(out, tupleRepeat(r, times));
      return true;
    }
    case NB_REMAINDER:
      if (ta === T.T_STR) {
        if (
          isClassSlot(b) &&
          types[typeIndexOf(b)].mro.some((c) =>
            dictGetStrAddr(types[c].dict, intern("__rmod__")) !== 0
          )
        ) return false;
        W.setRef(out, newStr(percentFormat(strValue(W.getRef(a)), b)));
        return true;
      }
      return false;
    default:
      if (setBinary(op, a, b, out, false)) return true;
      if (op === NB_OR && ta === T.T_DICT && tb === T.T_DICT) {
        const tmp = tempPush(1);
        try {
          const d = newDict();
          W.setRef(tmp, d);
          dictUpdate(d, a);
          dictUpdate(d, b);
          W.copy(out, tmp);
        } finally {
          tempPopTo(tmp);
        }
        return true;
      }
      return false;
  }
}

/**
 * In-place forms of the operators of mutable built-ins (`base` is the plain op): list +=, list *=,
 * set |= &= -= ^=, dict |= update `a` and store it in out. False for everything else.
 */
function inplaceBuiltin(base: number, a: number, b: number, out: number): boolean {
  const ta = typeIndexOf(a);
  if (ta === T.T_LIST) {
    if (base === NB_ADD) {
      listExtend(W.getRef(a), b);
      W.copy(out, a);
      return true;
    }
    if (base === NB_MULTIPLY && intValue(b) !== null) {
      const l = W.getRef(a);
      const n = listLen(l), times = repeatCount(b);
      listReserve(l, n * times);
      const it = listItems(l);
      for (let t = 1; t < times; t++) {
        for (let k = 0; k < n; k++) W.copy(it + 8 * (t * n + k), it + 8 * k);
      }
      u32[(l + LIST_LEN) >> 2] = n * times;
      W.copy(out, a);
      return true;
    }
  } else if (ta === T.T_SET) {
    if (setBinary(base, a, b, out, true)) return true;
  } else if (ta === T.T_DICT && base === NB_OR && typeIndexOf(b) === T.T_DICT) {
    dictUpdate(W.getRef(a), b);
    W.copy(out, a);
    return true;
  }
  return false;
}

/**
 * Augmented assignment `a op= b` (op is NB_INPLACE + base op, or the base op): mutable built-ins
 * update in place and the result is `a` itself; everything else goes to binaryOp.
 */
export function inplaceOp(op: number, a: number, b: number, out: number): void {
  binaryOp(op < NB_INPLACE ? op + NB_INPLACE : op, a, b, out);
}

// ---------------------------------------------------------------------------------------------
// Modules

const modules = new Map<string, number>();
rootProviders.push(() => {
  for (const m of modules.values()) markRef(m);
  markRef(notImplemented);
  markRef(ellipsis);
  markRef(getEmptyTuple());
});

/** A new module object with an empty dict (its __name__ set). */
export function newModule(name: string): number {
  const m = allocate(T.T_MODULE, 24, 0, 2);
  const d = newDict();
  u32[(m + MODULE_DICT) >> 2] = d;
  u32[(m + MODULE_NAME) >> 2] = intern(name);
  const s = tempPush(1);
  W.setRef(s, intern(name));
  dictSetStr(d, intern("__name__"), s);
  tempPopTo(s);
  return m;
}

export function moduleDict(m: number): number {
  return u32[(m + MODULE_DICT) >> 2];
}

function buildMath(): number {
  const m = newModule("math");
  const d = moduleDict(m);
  const s = tempPush(1);
  try {
    const consts: [string, number][] = [
      ["pi", Math.PI],
      ["e", Math.E],
      ["tau", 2 * Math.PI],
      ["inf", Infinity],
      ["nan", NaN],
    ];
    for (const [name, v] of consts) {
      W.setFloat(s, v);
      dictSetStr(d, intern(name), s);
    }
    for (const [name, fn] of mathFunctions()) {
      W.setRef(s, newBuiltin(name, fn));
      dictSetStr(d, intern(name), s);
    }
  } finally {
    tempPopTo(s);
  }
  return m;
}

/** The module object for a built-in module; ModuleNotFoundError otherwise. */
export function importModule(name: string): number {
  let m = modules.get(name);
  if (m !== undefined) return m;
  if (name === "math") m = buildMath();
  else throw pyError(E.ModuleNotFoundError, `No module named '${name}'`);
  modules.set(name, m);
  return m;
}

/** Register a module object (e.g. a user module) so importModule finds it. */
export function registerModule(name: string, m: number): void {
  modules.set(name, m);
}

function noModuleAttr(m: number, name: string) {
  return pyError(
    E.AttributeError,
    `module '${strValue(u32[(m + MODULE_NAME) >> 2])}' has no attribute '${name}'`,
  );
}

function installModuleType(): void {
  getAttrHooks[T.T_MODULE] = (obj, name, out) => {
    const m = W.getRef(obj);
    const a = dictGetStrAddr(moduleDict(m), intern(name));
    if (a !== 0) {
      W.copy(out, a);
      return true;
    }
    if (name === "__dict__") {
      W.setRef(out, moduleDict(m));
      return true;
    }
    if (name === "__class__") return false;
    throw noModuleAttr(m, name);
  };
  // A module's attributes are its namespace: assignment and deletion go to its dict (whose version
  // changes when a name is added or removed, as caches and traces expect).
  setAttrHooks[T.T_MODULE] = (obj, name, value) => {
    dictSetStr(moduleDict(W.getRef(obj)), name, value);
  };
  delAttrHooks[T.T_MODULE] = (obj, name) => {
    const slot = tempPush(1);
    W.setRef(slot, name);
    const ok = dictDeleteHook.del(moduleDict(W.getRef(obj)), slot);
    tempPopTo(slot);
    // CPython 3.11's message for a missing name differs here from the one for reading it.
    if (!ok) {
      throw pyError(E.AttributeError, `'module' object has no attribute '${strValue(name)}'`);
    }
  };
  reprHooks[T.T_MODULE] = (m) => {
    const name = strValue(u32[(m + MODULE_NAME) >> 2]);
    return name === "math" ? `<module 'math' (built-in)>` : `<module '${name}'>`;
  };
}

// ---------------------------------------------------------------------------------------------

let installed = false;

/** Fill the builtins dict and install every hook and method (once). */
export function installLibrary(builtinsDict: number): void {
  if (!installed) {
    installed = true;
    initBuiltinTypes();
    installIters();
    installList();
    installStr();
    installDict();
    installNumbers();
    installBuiltinTypes();
    installModuleType();
    seqBinaryHook.op = seqBinary;
    inplaceHook.op = inplaceBuiltin;
    makeTupleHook.make = (refs) => {
      const t = newTuple(refs.length);
      for (let k = 0; k < refs.length; k++) W.setRef(tupleItem(t, k), refs[k]);
      return t;
    };
    notImplemented = allocate(T.T_NOTIMPLEMENTED, 16, 0, 0);
    setNotImplemented(notImplemented);
    installDunders(notImplemented);
    ellipsis = allocate(T.T_ELLIPSIS, 16, 0, 0);
    setEllipsisRef(ellipsis);
    reprHooks[T.T_NOTIMPLEMENTED] = () => "NotImplemented";
    reprHooks[T.T_ELLIPSIS] = () => "Ellipsis";
  }
  const s = tempPush(1);
  try {
    for (const [name, ref] of builtinObjects()) {
      W.setRef(s, ref);
      dictSetStr(builtinsDict, intern(name), s);
    }
    const typeNames: [string, number][] = [
      ["object", T.T_OBJECT],
      ["type", T.T_TYPE],
      ["int", T.T_INT],
      ["bool", T.T_BOOL],
      ["float", T.T_FLOAT],
      ["str", T.T_STR],
      ["tuple", T.T_TUPLE],
      ["list", T.T_LIST],
      ["dict", T.T_DICT],
      ["set", T.T_SET],
      ["frozenset", T.T_FROZENSET],
      ["range", T.T_RANGE],
      ["slice", T.T_SLICE],
      ["enumerate", T.T_ENUMERATE],
      ["zip", T.T_ZIP],
      ["reversed", T.T_REVERSED],
      ["map", T.T_MAP],
      ["filter", T.T_FILTER],
      ["property", T.T_PROPERTY],
      ["staticmethod", T.T_STATICMETHOD],
      ["classmethod", T.T_CLASSMETHOD],
      ["super", T.T_SUPER],
    ];
    for (const [name, t] of typeNames) {
      W.setRef(s, types[t].ref);
      dictSetStr(builtinsDict, intern(name), s);
    }
    for (const name of Object.keys(E)) {
      W.setRef(s, types[E[name]].ref);
      dictSetStr(builtinsDict, intern(name), s);
    }
    for (const [alias, name] of EXCEPTION_ALIASES) {
      W.setRef(s, types[E[name]].ref);
      dictSetStr(builtinsDict, intern(alias), s);
    }
    W.setRef(s, notImplemented);
    dictSetStr(builtinsDict, intern("NotImplemented"), s);
    W.setRef(s, ellipsis);
    dictSetStr(builtinsDict, intern("Ellipsis"), s);
    W.setRef(s, intern("builtins"));
    dictSetStr(builtinsDict, intern("__name__"), s);
  } finally {
    tempPopTo(s);
  }
}

export { dictSet };
