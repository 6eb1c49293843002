// The type registry. Each type has a TypeInfo (TypeScript-side: name, base chain, behaviour hooks
// for built-in types, shape tree for instances) and a heap type object (what Python code sees, and
// what `type(x)` returns). The type's attributes live in a heap dict; `version` changes whenever
// that dict or a base's changes, so caches keyed on it stay correct.
import { u32, W } from "./mem.ts";
import { TYPE_DICT, TYPE_INDEX, TYPE_NAME } from "./layout.ts";
import { allocate, markRef, rootProviders } from "./space.ts";
import { newDict } from "./dict.ts";
import { intern } from "./str.ts";
import {
  T_BOOL,
  T_FLOAT,
  T_INT,
  T_NONE,
  T_OBJECT,
  T_TYPE,
  TYPE_FIRST_DYNAMIC,
} from "./type_ids.ts";
import { HI_BOOL, HI_NONE, HI_REF, TAG_INT } from "./value.ts";

/** Hidden class of instances: attribute name (interned str ref) -> slot index. */
export class Shape {
  readonly transitions = new Map<number, Shape>();
  constructor(
    readonly id: number,
    readonly names: number[],
    readonly index: Map<number, number>,
  ) {}
}

const shapes: Shape[] = [];

export function shapeById(id: number): Shape {
  return shapes[id];
}

export function newRootShape(): Shape {
  const s = new Shape(shapes.length, [], new Map());
  shapes.push(s);
  return s;
}

/** The shape reached from `s` by adding attribute `name`. */
export function shapeWith(s: Shape, name: number): Shape {
  let t = s.transitions.get(name);
  if (t === undefined) {
    const index = new Map(s.index);
    index.set(name, s.names.length);
    t = new Shape(shapes.length, [...s.names, name], index);
    shapes.push(t);
    s.transitions.set(name, t);
  }
  return t;
}

export interface TypeInfo {
  index: number;
  name: string;
  /** Heap type object. */
  ref: number;
  /** Attribute dict (heap ref). */
  dict: number;
  /** Type indices from this type to object, in lookup order. */
  mro: number[];
  base: number;
  version: number;
  /** Defined by a class statement (instances have shapes and slots). */
  isClass: boolean;
  /** Subtypes, to propagate version changes. */
  subclasses: number[];
  rootShape: Shape;
  /** Inline attribute slots given to new instances; raised as instances grow. */
  inlineSlots: number;
  /** Exception types carry tracebacks. */
  isException: boolean;
  /** Built-in types whose instances cannot get attributes. */
  /** Constructor for `T(...)` of a built-in type: (args, nargs, kwnames, out). */
  construct: ((args: number, nargs: number, kw: number, out: number) => void) | null;
  /** Module name shown in reprs (e.g. "builtins", "__main__"). */
  module: string;
  qualname: string;
  /** Memo of the class's __init__ lookup (an address in a type dict), valid while
   * initVersion === version. */
  initVersion: number;
  initAddr: number;
}

export const types: TypeInfo[] = [];
let typeVersionCounter = 1;

rootProviders.push(() => {
  for (const t of types) if (t !== undefined) markRef(t.ref);
});

export function nextTypeVersion(): number {
  return typeVersionCounter++;
}

/** Create a type (built-in or class). `index` is fixed for built-ins, else allocated. */
export function defineType(name: string, base: number, index = -1, isClass = false): TypeInfo {
  if (index < 0) index = Math.max(types.length, TYPE_FIRST_DYNAMIC);
  const ref = allocate(T_TYPE, 32, 1, 2);
  u32[(ref + TYPE_INDEX) >> 2] = index;
  const dict = newDict();
  u32[(ref + TYPE_DICT) >> 2] = dict;
  u32[(ref + TYPE_NAME) >> 2] = intern(name);
  const baseInfo = base >= 0 ? types[base] : undefined;
  const t: TypeInfo = {
    index,
    name,
    ref,
    dict,
    mro: baseInfo ? [index, ...baseInfo.mro] : [index],
    base,
    version: typeVersionCounter++,
    isClass,
    subclasses: [],
    rootShape: newRootShape(),
    inlineSlots: baseInfo ? baseInfo.inlineSlots : 4,
    isException: baseInfo ? baseInfo.isException : false,
    construct: null,
    module: "builtins",
    qualname: name,
    initVersion: -1,
    initAddr: 0,
  };
  types[index] = t;
  if (baseInfo) baseInfo.subclasses.push(index);
  return t;
}

/** Called with a type's index whenever its version changes (tier 2 invalidates the executors that
 * rely on the old version). */
export const typeWatch = { onChange: null as ((index: number) => void) | null };

/** Bump the version of t and every subclass (after an attribute of t changed). */
export function invalidateType(index: number): void {
  const t = types[index];
  t.version = typeVersionCounter++;
  if (typeWatch.onChange !== null) typeWatch.onChange(index);
  for (const s of t.subclasses) invalidateType(s);
}

/** Type index of the value in slot `a`. */
export function typeIndexOf(a: number): number {
  const hi = u32[(a >> 2) + 1];
  if (hi < 0xfff90000) return T_FLOAT;
  if (hi === HI_REF) return u32[u32[a >> 2] >> 2];
  if (hi >>> 16 === TAG_INT) return T_INT;
  if (hi === HI_BOOL) return T_BOOL;
  if (hi === HI_NONE) return T_NONE;
  return T_OBJECT;
}

export function typeOf(a: number): TypeInfo {
  return types[typeIndexOf(a)];
}

/** Type index of a heap type object. */
export function typeIndexOfTypeRef(ref: number): number {
  return u32[(ref + TYPE_INDEX) >> 2];
}

export function isSubtype(t: number, base: number): boolean {
  if (t === base) return true;
  return types[t].mro.includes(base);
}

/** Store type t's object into slot out. */
export function setTypeSlot(out: number, t: number): void {
  W.setRef(out, types[t].ref);
}
