// Built-in functions and methods: TypeScript functions wrapped in heap objects so Python code can
// hold and call them. A built-in receives its arguments in place on the caller's value stack:
//   fn(args, nargs, kwnames, out)
// `args` is the address of the first argument word (for a method, args[0] is self), `nargs` counts
// every argument, `kwnames` is 0 or a tuple of str whose length is the number of trailing keyword
// arguments, and the result must be written to the slot at `out` (which may alias args[0]).
import { u32, W } from "./mem.ts";
import { BUILTIN_INDEX, BUILTIN_SELF } from "./layout.ts";
import { allocate } from "./space.ts";
import { intern } from "./str.ts";
import { T_BUILTIN } from "./type_ids.ts";
import { dictSetStr } from "./dict.ts";
import { invalidateType, types } from "./types.ts";
import { SCRATCH_START } from "./mem.ts";

export type BuiltinFn = (args: number, nargs: number, kwnames: number, out: number) => void;

export interface BuiltinInfo {
  name: string;
  fn: BuiltinFn;
  /** Qualified name for reprs and error messages, e.g. "list.append". */
  qualname: string;
}

export const builtinTable: BuiltinInfo[] = [];

/** A new built-in function object (unbound). */
export function newBuiltin(name: string, fn: BuiltinFn, qualname = name): number {
  const index = builtinTable.length;
  builtinTable.push({ name, fn, qualname });
  const r = allocate(T_BUILTIN, 32, 1, 1);
  u32[(r + BUILTIN_INDEX) >> 2] = index;
  u32[(r + BUILTIN_INDEX + 4) >> 2] = intern(name);
  W.setNull(r + BUILTIN_SELF);
  return r;
}

/** A built-in bound to self (slot address), e.g. the value of `lst.append`. */
export function bindBuiltin(builtin: number, self: number): number {
  const r = allocate(T_BUILTIN, 32, 1, 1);
  u32[(r + BUILTIN_INDEX) >> 2] = u32[(builtin + BUILTIN_INDEX) >> 2];
  u32[(r + BUILTIN_INDEX + 4) >> 2] = u32[(builtin + BUILTIN_INDEX + 4) >> 2];
  W.copy(r + BUILTIN_SELF, self);
  return r;
}

export function builtinInfo(r: number): BuiltinInfo {
  return builtinTable[u32[(r + BUILTIN_INDEX) >> 2]];
}

/** Define method `name` on built-in type t. */
export function defMethod(t: number, name: string, fn: BuiltinFn): void {
  const r = newBuiltin(name, fn, `${types[t].name}.${name}`);
  W.setRef(SCRATCH_START + 8, r);
  dictSetStr(types[t].dict, intern(name), SCRATCH_START + 8);
  invalidateType(t);
}

/** Set attribute `name` of type t's dict to the value in slot `value`. */
export function defTypeAttr(t: number, name: string, value: number): void {
  dictSetStr(types[t].dict, intern(name), value);
  invalidateType(t);
}
