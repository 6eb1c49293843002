// Code objects produced by the compiler.

import type { PyConst } from "../frontend/ast.ts";

export type ConstValue =
  | PyConst
  | { kind: "tuple"; items: ConstValue[] }
  /** A frozenset built by adding the items in this order (set displays, `for x in {...}`). */
  | { kind: "frozenset"; items: ConstValue[] }
  | { kind: "code"; code: CodeObject };

/** Every instruction occupies 4 Int32 words: [opcode, oparg, cache0, cache1]. */
export const INSTR_WORDS = 4;

// CPython CO_* flags.
export const CO_OPTIMIZED = 1;
export const CO_NEWLOCALS = 2;
export const CO_VARARGS = 4;
export const CO_VARKEYWORDS = 8;
export const CO_NESTED = 16;
export const CO_GENERATOR = 32;

// localsplusKinds bits (CPython 3.11 values, plus an ARG bit).
export const FAST_ARG = 0x02;
export const FAST_LOCAL = 0x20;
export const FAST_CELL = 0x40;
export const FAST_FREE = 0x80;

export interface ExceptionTableEntry {
  /** First covered instruction index. */
  start: number;
  /** One past the last covered instruction index. */
  end: number;
  /** Handler instruction index. */
  target: number;
  /** Number of value-stack items to keep (not counting locals). */
  depth: number;
  /** Push the index of the raising instruction (as an int) before the exception. */
  lasti: boolean;
}

export class CodeObject {
  name = "";
  qualname = "";
  filename = "";
  firstlineno = 1;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  flags = 0;
  /** Args (positional, kw-only, *args, **kwargs), other locals, cells that are not args, frees. */
  localsplusNames: string[] = [];
  localsplusKinds: Uint8Array = new Uint8Array(0);
  /** Plain locals including args (the first nlocals slots). */
  nlocals = 0;
  /** Number of slots with the CELL bit (including args that are cells). */
  ncells = 0;
  /** Number of free-variable slots (the last nfrees slots). */
  nfrees = 0;
  names: string[] = [];
  consts: ConstValue[] = [];
  /** Instruction k at words [k*INSTR_WORDS, k*INSTR_WORDS+4); cache words start as 0. */
  code: Int32Array = new Int32Array(0);
  ninstrs = 0;
  /** Source line of instruction k (-1 if none). */
  lines: Int32Array = new Int32Array(0);
  exceptionTable: ExceptionTableEntry[] = [];
  stacksize = 0;

  opcodeAt(k: number): number {
    return this.code[k * INSTR_WORDS];
  }
  opargAt(k: number): number {
    return this.code[k * INSTR_WORDS + 1];
  }
  /** The handler covering instruction k, or null. */
  handlerFor(k: number): ExceptionTableEntry | null {
    for (const e of this.exceptionTable) if (k >= e.start && k < e.end) return e;
    return null;
  }
}
