// Specialised (quickened) instructions of the adaptive interpreter (PEP 659). A generic
// instruction rewrites itself in place into one of these after it has seen its operands; each
// specialised form checks its assumption (a guard) and, on a miss, rewrites itself back to the
// generic form with a back-off counter. Tier 2 projects these into guards plus actions.
import { Op, OP_NAMES } from "../compiler/opcodes.ts";

export const SOp = {
  BINARY_OP_ADD_INT: 128,
  BINARY_OP_SUB_INT: 129,
  BINARY_OP_MUL_INT: 130,
  BINARY_OP_ADD_FLOAT: 131,
  BINARY_OP_SUB_FLOAT: 132,
  BINARY_OP_MUL_FLOAT: 133,
  BINARY_OP_DIV_FLOAT: 134,
  COMPARE_OP_INT: 135,
  COMPARE_OP_FLOAT: 136,
  LOAD_GLOBAL_MODULE: 137,
  LOAD_GLOBAL_BUILTIN: 138,
  LOAD_ATTR_INSTANCE_VALUE: 139,
  STORE_ATTR_INSTANCE_VALUE: 140,
  LOAD_METHOD_WITH_VALUES: 141,
  BINARY_SUBSCR_LIST_INT: 142,
  STORE_SUBSCR_LIST_INT: 143,
  BINARY_SUBSCR_TUPLE_INT: 144,
  FOR_ITER_RANGE: 145,
  FOR_ITER_LIST: 146,
  CALL_PY_EXACT_ARGS: 147,
  /** A call of one particular unbound built-in: cache0 = its builtin index. */
  CALL_BUILTIN: 148,
  UNPACK_SEQUENCE_TWO_TUPLE: 149,
  BINARY_OP_ADD_STR: 150,
  LOAD_ATTR_CLASS: 151,
  /** Replaces a hot JUMP_BACKWARD: oparg = the jump target, cache0 = executor id (tier 2). */
  ENTER_EXECUTOR: 152,
  /** STORE_ATTR that adds an attribute: cache0 = old shape, cache1 = slot, aux = new shape. */
  STORE_ATTR_ADD_SLOT: 153,
  FOR_ITER_TUPLE: 154,
  /** C(args): cache0 = class version, cache1 = class type index (see interp.ts). */
  CALL_ALLOC_AND_ENTER_INIT: 155,
  /** Mixed float/int arithmetic (DIV also int/int): ints convert exactly to doubles. */
  BINARY_OP_ADD_NUM: 156,
  BINARY_OP_SUB_NUM: 157,
  BINARY_OP_MUL_NUM: 158,
  BINARY_OP_DIV_NUM: 159,
  COMPARE_OP_NUM: 160,
  /** Module attributes: cache0 = module dict keys version, cache1 = entry index. */
  LOAD_ATTR_MODULE: 161,
  LOAD_METHOD_MODULE: 162,
  /** Polymorphic forms (up to 4 shapes): cache0 = entries, cache1 = offset in interp's pool. */
  LOAD_ATTR_POLY: 163,
  LOAD_METHOD_POLY: 164,
  STORE_ATTR_POLY: 165,
  /** CALL_PY_EXACT_ARGS without the function version check (a site that calls several). */
  CALL_PY_SIMPLE: 166,
} as const;

/** The generic instruction each specialised one belongs to. */
export const GENERIC_OF: Record<number, number> = {
  [SOp.BINARY_OP_ADD_INT]: Op.BINARY_OP,
  [SOp.BINARY_OP_SUB_INT]: Op.BINARY_OP,
  [SOp.BINARY_OP_MUL_INT]: Op.BINARY_OP,
  [SOp.BINARY_OP_ADD_FLOAT]: Op.BINARY_OP,
  [SOp.BINARY_OP_SUB_FLOAT]: Op.BINARY_OP,
  [SOp.BINARY_OP_MUL_FLOAT]: Op.BINARY_OP,
  [SOp.BINARY_OP_DIV_FLOAT]: Op.BINARY_OP,
  [SOp.BINARY_OP_ADD_STR]: Op.BINARY_OP,
  [SOp.COMPARE_OP_INT]: Op.COMPARE_OP,
  [SOp.COMPARE_OP_FLOAT]: Op.COMPARE_OP,
  [SOp.LOAD_GLOBAL_MODULE]: Op.LOAD_GLOBAL,
  [SOp.LOAD_GLOBAL_BUILTIN]: Op.LOAD_GLOBAL,
  [SOp.LOAD_ATTR_INSTANCE_VALUE]: Op.LOAD_ATTR,
  [SOp.LOAD_ATTR_CLASS]: Op.LOAD_ATTR,
  [SOp.STORE_ATTR_INSTANCE_VALUE]: Op.STORE_ATTR,
  [SOp.LOAD_METHOD_WITH_VALUES]: Op.LOAD_METHOD,
  [SOp.BINARY_SUBSCR_LIST_INT]: Op.BINARY_SUBSCR,
  [SOp.BINARY_SUBSCR_TUPLE_INT]: Op.BINARY_SUBSCR,
  [SOp.STORE_SUBSCR_LIST_INT]: Op.STORE_SUBSCR,
  [SOp.FOR_ITER_RANGE]: Op.FOR_ITER,
  [SOp.FOR_ITER_LIST]: Op.FOR_ITER,
  [SOp.FOR_ITER_TUPLE]: Op.FOR_ITER,
  [SOp.CALL_ALLOC_AND_ENTER_INIT]: Op.CALL,
  [SOp.BINARY_OP_ADD_NUM]: Op.BINARY_OP,
  [SOp.BINARY_OP_SUB_NUM]: Op.BINARY_OP,
  [SOp.BINARY_OP_MUL_NUM]: Op.BINARY_OP,
  [SOp.BINARY_OP_DIV_NUM]: Op.BINARY_OP,
  [SOp.COMPARE_OP_NUM]: Op.COMPARE_OP,
  [SOp.LOAD_ATTR_MODULE]: Op.LOAD_ATTR,
  [SOp.LOAD_METHOD_MODULE]: Op.LOAD_METHOD,
  [SOp.CALL_PY_EXACT_ARGS]: Op.CALL,
  [SOp.CALL_BUILTIN]: Op.CALL,
  [SOp.UNPACK_SEQUENCE_TWO_TUPLE]: Op.UNPACK_SEQUENCE,
  [SOp.ENTER_EXECUTOR]: Op.JUMP_BACKWARD,
  [SOp.STORE_ATTR_ADD_SLOT]: Op.STORE_ATTR,
  [SOp.LOAD_ATTR_POLY]: Op.LOAD_ATTR,
  [SOp.LOAD_METHOD_POLY]: Op.LOAD_METHOD,
  [SOp.STORE_ATTR_POLY]: Op.STORE_ATTR,
  [SOp.CALL_PY_SIMPLE]: Op.CALL,
};

export function opName(op: number): string {
  if (op < 128) return OP_NAMES[op] ?? `OP_${op}`;
  for (const [k, v] of Object.entries(SOp)) if (v === op) return k;
  return `OP_${op}`;
}

/** Executions a generic instruction waits after a failed or undone specialisation. */
export const BACKOFF = 52;

/** Specialisation statistics for --stats: per opcode name, hits and misses (deopts). */
export const specStats = {
  enabled: false,
  specialized: new Map<string, number>(),
  deopts: new Map<string, number>(),
  failures: new Map<string, number>(),
};

export function countStat(map: Map<string, number>, op: number): void {
  const k = opName(op);
  map.set(k, (map.get(k) ?? 0) + 1);
}
