// Assembler: turns a unit's pseudo-instruction list into a CodeObject.
//
// 1. prepend the MAKE_CELL / COPY_FREE_VARS prefix (before RESUME);
// 2. walk the control-flow graph (incl. SETUP_* handler edges) computing the stack depth at
//    every instruction (unreached instructions are dropped) and the max depth;
// 3. propagate the handler stack (SETUP_FINALLY / SETUP_CLEANUP / POP_BLOCK) along edges to
//    find the innermost handler covering each instruction;
// 4. drop pseudo-instructions and NOPs, remap jump targets, resolve JUMP_ANY to JUMP or
//    JUMP_BACKWARD, convert cell/free references to localsplus slots, and build the
//    exception table.

import { hasJump, isTerminal, Op, opName, Pseudo, stackEffect } from "./opcodes.ts";
import {
  CO_NESTED,
  CO_NEWLOCALS,
  CO_OPTIMIZED,
  CO_VARARGS,
  CO_VARKEYWORDS,
  CodeObject,
  type ExceptionTableEntry,
  FAST_ARG,
  FAST_CELL,
  FAST_FREE,
  FAST_LOCAL,
  INSTR_WORDS,
} from "./code.ts";
import type { Unit } from "./compiler.ts";

export class Label {
  index = -1;
}

export interface Instr {
  op: number;
  arg: number;
  line: number;
  target: Label | null;
}

function isDerefOp(op: number): boolean {
  return op === Op.LOAD_DEREF || op === Op.STORE_DEREF || op === Op.DELETE_DEREF ||
    op === Op.LOAD_CLOSURE || op === Op.LOAD_CLASSDEREF;
}

export function assemble(u: Unit, filename: string): CodeObject {
  const ste = u.ste;
  const isFunc = ste.type === "function";

  // --- localsplus layout
  const varnames = u.varnames;
  const nlocals = varnames.length;
  const totalArgs = u.argcount + u.kwonlyargcount + (ste.varargs ? 1 : 0) +
    (ste.varkeywords ? 1 : 0);
  const names: string[] = [...varnames];
  const kinds: number[] = varnames.map((_, i) => FAST_LOCAL | (i < totalArgs ? FAST_ARG : 0));
  // ref index (cellvars ++ freevars) -> slot
  const refSlot: number[] = [];
  for (const c of u.cellvars) {
    const vi = varnames.indexOf(c);
    if (vi >= 0) {
      kinds[vi] |= FAST_CELL;
      refSlot.push(vi);
    } else {
      refSlot.push(names.length);
      names.push(c);
      kinds.push(FAST_CELL);
    }
  }
  for (const f of u.freevars) {
    refSlot.push(names.length);
    names.push(f);
    kinds.push(FAST_FREE);
  }

  // --- prefix
  const prefix: Instr[] = [];
  const cellSlots = u.cellvars.map((_, i) => refSlot[i]).sort((a, b) => a - b);
  for (const s of cellSlots) prefix.push({ op: Op.MAKE_CELL, arg: s, line: -1, target: null });
  if (u.freevars.length) {
    prefix.push({ op: Op.COPY_FREE_VARS, arg: u.freevars.length, line: -1, target: null });
  }
  const instrs = prefix.concat(u.instrs);
  if (prefix.length) {
    const seen = new Set<Label>();
    for (const ins of u.instrs) {
      if (ins.target && !seen.has(ins.target)) {
        seen.add(ins.target);
        ins.target.index += prefix.length;
      }
    }
  }
  const n = instrs.length;
  const targetOf = (i: number): number => {
    const t = instrs[i].target;
    if (!t || t.index < 0) throw new Error(`assemble: unbound label at ${i} in ${u.qualname}`);
    return t.index;
  };

  // --- stack depth walk
  const depth = new Int32Array(n).fill(-1);
  let maxDepth = 0;
  const work: number[] = [];
  const reach = (i: number, d: number, from: number) => {
    if (i >= n) throw new Error(`assemble: falls off the end in ${u.qualname} (from ${from})`);
    if (d < 0) throw new Error(`assemble: negative stack depth at ${i} in ${u.qualname}`);
    if (d > maxDepth) maxDepth = d;
    if (depth[i] === -1) {
      depth[i] = d;
      work.push(i);
    } else if (depth[i] !== d) {
      throw new Error(
        `assemble: inconsistent stack depth at ${i} (${
          depth[i]
        } vs ${d} from ${from}) in ${u.qualname}`,
      );
    }
  };
  if (n > 0) reach(0, 0, -1);
  while (work.length) {
    const i = work.pop()!;
    const ins = instrs[i];
    const d = depth[i];
    if (hasJump(ins.op)) reach(targetOf(i), d + stackEffect(ins.op, ins.arg, true), i);
    if (!isTerminal(ins.op)) reach(i + 1, d + stackEffect(ins.op, ins.arg, false), i);
    else {
      const nd = d + stackEffect(ins.op, ins.arg, false);
      if (nd < 0) throw new Error(`assemble: negative stack depth after ${i} in ${u.qualname}`);
    }
  }

  // --- handler propagation
  const handler = new Int32Array(n).fill(-1);
  const stacks: (number[] | null)[] = new Array(n).fill(null);
  const hwork: number[] = [];
  const visit = (i: number, st: number[]) => {
    if (stacks[i] === null) {
      stacks[i] = st;
      hwork.push(i);
    }
  };
  if (n > 0) visit(0, []);
  while (hwork.length) {
    const i = hwork.pop()!;
    const st = stacks[i]!;
    const ins = instrs[i];
    handler[i] = st.length ? st[st.length - 1] : -1;
    let fall = st;
    if (ins.op === Pseudo.SETUP_FINALLY || ins.op === Pseudo.SETUP_CLEANUP) {
      visit(targetOf(i), st);
      fall = st.concat([i]);
    } else if (ins.op === Pseudo.POP_BLOCK) {
      if (st.length === 0) throw new Error(`assemble: POP_BLOCK with no handler in ${u.qualname}`);
      fall = st.slice(0, -1);
    } else if (hasJump(ins.op)) {
      visit(targetOf(i), st);
    }
    if (!isTerminal(ins.op) && i + 1 < n) visit(i + 1, fall);
  }

  // --- keep / remap
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const op = instrs[i].op;
    keep[i] = depth[i] !== -1 && op !== Op.NOP && op !== Pseudo.SETUP_FINALLY &&
        op !== Pseudo.SETUP_CLEANUP && op !== Pseudo.POP_BLOCK
      ? 1
      : 0;
  }
  const newIndex = new Int32Array(n + 1);
  let count = 0;
  for (let i = 0; i < n; i++) if (keep[i]) count++;
  newIndex[n] = count;
  for (let i = n - 1, k = count; i >= 0; i--) {
    if (keep[i]) k--;
    newIndex[i] = k;
  }

  const code = new Int32Array(count * INSTR_WORDS);
  const lines = new Int32Array(count);
  const table: ExceptionTableEntry[] = [];
  let k = 0;
  let lastLine = -1;
  let cur: ExceptionTableEntry | null = null;
  let curH = -1;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const ins = instrs[i];
    let op = ins.op;
    let arg = ins.arg;
    if (hasJump(op)) {
      arg = newIndex[targetOf(i)];
      if (arg >= count) throw new Error(`assemble: jump past the end in ${u.qualname}`);
      if (op === Pseudo.JUMP_ANY) op = arg > k ? Op.JUMP : Op.JUMP_BACKWARD;
      else if (arg <= k) {
        throw new Error(`assemble: backward conditional jump ${opName(op)} in ${u.qualname}`);
      }
    } else if (isDerefOp(op)) {
      arg = refSlot[arg];
    }
    code[k * INSTR_WORDS] = op;
    code[k * INSTR_WORDS + 1] = arg;
    let line = ins.line;
    if (line < 0 && k > 0 && op !== Op.RESUME) line = lastLine;
    lines[k] = line;
    if (line >= 0) lastLine = line;
    const h = handler[i];
    if (h !== curH) {
      if (cur) table.push(cur);
      cur = null;
      curH = h;
      if (h >= 0) {
        const hins = instrs[h];
        cur = {
          start: k,
          end: k + 1,
          target: newIndex[targetOf(h)],
          depth: depth[h],
          lasti: hins.op === Pseudo.SETUP_CLEANUP,
        };
      }
    } else if (cur) {
      cur.end = k + 1;
    }
    k++;
  }
  if (cur) table.push(cur);

  const co = new CodeObject();
  co.name = u.name;
  co.qualname = u.qualname;
  co.filename = filename;
  co.firstlineno = u.firstlineno;
  co.argcount = u.argcount;
  co.posonlyargcount = u.posonlyargcount;
  co.kwonlyargcount = u.kwonlyargcount;
  let flags = 0;
  if (isFunc) flags |= CO_OPTIMIZED | CO_NEWLOCALS;
  if (ste.varargs) flags |= CO_VARARGS;
  if (ste.varkeywords) flags |= CO_VARKEYWORDS;
  if (ste.nested) flags |= CO_NESTED;
  co.flags = flags;
  co.localsplusNames = names;
  co.localsplusKinds = Uint8Array.from(kinds);
  co.nlocals = nlocals;
  co.ncells = kinds.filter((x) => x & FAST_CELL).length;
  co.nfrees = u.freevars.length;
  co.names = u.names;
  co.consts = u.consts;
  co.code = code;
  co.ninstrs = count;
  co.lines = lines;
  co.exceptionTable = table;
  co.stacksize = maxDepth;
  return co;
}
