// An independent bytecode verifier for tests: simulates the stack depth over the control-flow
// graph (fall-through, jumps and exception-table edges) with its own stack-effect table, and
// checks operands (jump targets, const/name/local indexes) are in range.

import { type CodeObject, INSTR_WORDS } from "../../src/compiler/code.ts";
import { Op, OP_NAMES } from "../../src/compiler/opcodes.ts";

const O = Op;

/** [pops, pushes] of an instruction when it falls through (or jumps, if `jump`). */
function effect(op: number, arg: number, jump: boolean): [number, number] {
  switch (op) {
    case O.NOP:
    case O.RESUME:
    case O.MAKE_CELL:
    case O.COPY_FREE_VARS:
    case O.DELETE_FAST:
    case O.DELETE_GLOBAL:
    case O.DELETE_NAME:
    case O.DELETE_DEREF:
    case O.JUMP:
    case O.JUMP_BACKWARD:
      return [0, 0];
    case O.POP_TOP:
    case O.STORE_FAST:
    case O.STORE_GLOBAL:
    case O.STORE_NAME:
    case O.STORE_DEREF:
    case O.DELETE_ATTR:
    case O.POP_JUMP_IF_FALSE:
    case O.POP_JUMP_IF_TRUE:
    case O.POP_JUMP_IF_NONE:
    case O.POP_JUMP_IF_NOT_NONE:
    case O.RETURN_VALUE:
    case O.POP_EXCEPT:
    case O.IMPORT_STAR:
      return [1, 0];
    case O.PUSH_NULL:
    case O.LOAD_CONST:
    case O.LOAD_FAST:
    case O.LOAD_GLOBAL:
    case O.LOAD_NAME:
    case O.LOAD_DEREF:
    case O.LOAD_CLOSURE:
    case O.LOAD_CLASSDEREF:
    case O.LOAD_BUILD_CLASS:
    case O.LOAD_ASSERTION_ERROR:
      return [0, 1];
    case O.COPY:
      return [arg, arg + 1];
    case O.SWAP:
      return [arg, arg];
    case O.LOAD_ATTR:
    case O.UNARY_NEGATIVE:
    case O.UNARY_POSITIVE:
    case O.UNARY_NOT:
    case O.UNARY_INVERT:
    case O.GET_ITER:
    case O.LIST_TO_TUPLE:
      return [1, 1];
    case O.LOAD_METHOD:
    case O.PUSH_EXC_INFO:
    case O.IMPORT_FROM:
      return [1, 2];
    case O.STORE_ATTR:
      return [2, 0];
    case O.BINARY_SUBSCR:
    case O.BINARY_OP:
    case O.COMPARE_OP:
    case O.IS_OP:
    case O.CONTAINS_OP:
    case O.IMPORT_NAME:
      return [2, 1];
    case O.CHECK_EXC_MATCH:
      return [2, 2];
    case O.STORE_SUBSCR:
      return [3, 0];
    case O.DELETE_SUBSCR:
      return [2, 0];
    case O.BUILD_SLICE:
    case O.BUILD_TUPLE:
    case O.BUILD_LIST:
    case O.BUILD_SET:
    case O.BUILD_STRING:
      return [arg, 1];
    case O.BUILD_MAP:
      return [2 * arg, 1];
    case O.LIST_APPEND:
    case O.SET_ADD:
    case O.LIST_EXTEND:
    case O.SET_UPDATE:
    case O.DICT_UPDATE:
    case O.DICT_MERGE:
      return [arg + 1, arg];
    case O.MAP_ADD:
      return [arg + 2, arg];
    case O.FOR_ITER:
      return jump ? [1, 0] : [1, 2];
    case O.UNPACK_SEQUENCE:
      return [1, arg];
    case O.UNPACK_EX:
      return [1, (arg & 0xff) + (arg >> 8) + 1];
    case O.FORMAT_VALUE:
      return [arg & 4 ? 2 : 1, 1];
    case O.MAKE_FUNCTION:
      return [1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1), 1];
    case O.CALL:
      return [arg + 2, 1];
    case O.CALL_KW:
      return [arg + 3, 1];
    case O.CALL_FUNCTION_EX:
      return [3 + (arg & 1), 1];
    case O.RAISE_VARARGS:
      return [arg, 0];
    case O.RERAISE:
      return [arg ? 2 : 1, 0];
  }
  throw new Error(`verify: unknown opcode ${op}`);
}

const JUMPS = new Set<number>([
  O.JUMP,
  O.JUMP_BACKWARD,
  O.POP_JUMP_IF_FALSE,
  O.POP_JUMP_IF_TRUE,
  O.POP_JUMP_IF_NONE,
  O.POP_JUMP_IF_NOT_NONE,
  O.FOR_ITER,
]);
const NO_FALLTHROUGH = new Set<number>([
  O.JUMP,
  O.JUMP_BACKWARD,
  O.RETURN_VALUE,
  O.RAISE_VARARGS,
  O.RERAISE,
]);

/** Throws an Error describing the first problem found; recurses into nested code objects. */
export function verify(co: CodeObject): void {
  const n = co.ninstrs;
  const where = (k: number) => `${co.qualname}@${k} ${OP_NAMES[co.code[k * INSTR_WORDS]]}`;
  if (n === 0) throw new Error(`${co.qualname}: empty code`);
  if (co.code.length !== n * INSTR_WORDS || co.lines.length !== n) {
    throw new Error(`${co.qualname}: array sizes`);
  }
  // RESUME comes right after the MAKE_CELL / COPY_FREE_VARS prefix.
  let p = 0;
  while (p < n && (co.opcodeAt(p) === O.MAKE_CELL || co.opcodeAt(p) === O.COPY_FREE_VARS)) p++;
  if (co.opcodeAt(p) !== O.RESUME) throw new Error(`${co.qualname}: no RESUME at ${p}`);
  const nlp = co.localsplusNames.length;
  for (let k = 0; k < n; k++) {
    const op = co.opcodeAt(k);
    const arg = co.opargAt(k);
    if (op === O.LOAD_CONST && (arg < 0 || arg >= co.consts.length)) {
      throw new Error(`${where(k)}: const out of range`);
    }
    if (
      [O.LOAD_GLOBAL, O.STORE_GLOBAL, O.DELETE_GLOBAL, O.LOAD_NAME, O.STORE_NAME, O.DELETE_NAME]
        .includes(op as never) ||
      [O.LOAD_ATTR, O.LOAD_METHOD, O.STORE_ATTR, O.DELETE_ATTR, O.IMPORT_NAME, O.IMPORT_FROM]
        .includes(op as never)
    ) {
      if (arg < 0 || arg >= co.names.length) throw new Error(`${where(k)}: name out of range`);
    }
    if ([O.LOAD_FAST, O.STORE_FAST, O.DELETE_FAST].includes(op as never)) {
      if (arg < 0 || arg >= co.nlocals) throw new Error(`${where(k)}: local out of range`);
    }
    if (
      [O.MAKE_CELL, O.LOAD_DEREF, O.STORE_DEREF, O.DELETE_DEREF, O.LOAD_CLOSURE, O.LOAD_CLASSDEREF]
        .includes(op as never)
    ) {
      if (arg < 0 || arg >= nlp) throw new Error(`${where(k)}: slot out of range`);
      if (!(co.localsplusKinds[arg] & 0xc0)) throw new Error(`${where(k)}: slot is not a cell`);
    }
    if (JUMPS.has(op)) {
      if (arg < 0 || arg >= n) throw new Error(`${where(k)}: jump target ${arg} out of range`);
      if (op === O.JUMP_BACKWARD ? arg > k : arg <= k) {
        throw new Error(`${where(k)}: jump direction (target ${arg})`);
      }
    }
  }
  for (const e of co.exceptionTable) {
    if (!(e.start >= 0 && e.start < e.end && e.end <= n && e.target >= 0 && e.target < n)) {
      throw new Error(`${co.qualname}: bad exception table entry ${JSON.stringify(e)}`);
    }
  }
  // Depth simulation.
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [];
  const flow = (to: number, d: number, from: number) => {
    if (to >= n) throw new Error(`${where(from)}: control falls off the end`);
    if (d > co.stacksize) {
      throw new Error(`${where(from)}: depth ${d} exceeds stacksize ${co.stacksize}`);
    }
    if (depth[to] === -1) {
      depth[to] = d;
      work.push(to);
    } else if (depth[to] !== d) {
      throw new Error(`${where(from)} -> ${to}: inconsistent depth ${depth[to]} vs ${d}`);
    }
  };
  flow(0, 0, 0);
  while (work.length) {
    const k = work.pop()!;
    const d = depth[k];
    const op = co.opcodeAt(k);
    const arg = co.opargAt(k);
    const h = co.handlerFor(k);
    if (h) {
      if (h.depth > d) throw new Error(`${where(k)}: handler depth ${h.depth} > stack ${d}`);
      flow(h.target, h.depth + (h.lasti ? 1 : 0) + 1, k);
    }
    const [pops, pushes] = effect(op, arg, false);
    if (pops > d) throw new Error(`${where(k)}: stack underflow (${pops} > ${d})`);
    if (d - pops + pushes > co.stacksize) {
      throw new Error(`${where(k)}: depth exceeds stacksize ${co.stacksize}`);
    }
    if (JUMPS.has(op)) {
      const [jp, jpush] = effect(op, arg, true);
      flow(arg, d - jp + jpush, k);
    }
    if (!NO_FALLTHROUGH.has(op)) flow(k + 1, d - pops + pushes, k);
    if (op === O.RETURN_VALUE && d !== 1) {
      throw new Error(`${where(k)}: RETURN_VALUE with ${d} items on the stack`);
    }
  }
  for (const c of co.consts) if (c.kind === "code") verify(c.code);
}
