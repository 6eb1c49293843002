// Tessera bytecode: opcode numbers, names and stack effects.
//
// Stack effects are written bottom -> top. Every instruction occupies INSTR_WORDS Int32 words
// (see code.ts): [opcode, oparg, cache0, cache1]. Jump opargs are ABSOLUTE instruction indices.
// There is no EXTENDED_ARG: opargs are full int32 values.
//
// "NULL" is a stack slot that holds no value (used by the CALL convention).

export const Op = {
  /** No operation. */
  NOP: 0,
  /** `--`. First real instruction of every code object (after the MAKE_CELL / COPY_FREE_VARS
   * prefix); a safepoint. oparg is 0. */
  RESUME: 1,
  /** `v --` */
  POP_TOP: 2,
  /** `-- NULL` */
  PUSH_NULL: 3,
  /** COPY n: `... x (n-th from top) -- ... x x` (COPY 1 duplicates TOS). */
  COPY: 4,
  /** SWAP n: swap TOS and the n-th item from the top (n >= 2). */
  SWAP: 5,

  /** `-- consts[i]` */
  LOAD_CONST: 6,
  /** `-- localsplus[i]` (UnboundLocalError if empty) */
  LOAD_FAST: 7,
  /** `v --` localsplus[i] = v */
  STORE_FAST: 8,
  /** `--` clears localsplus[i] (UnboundLocalError if already empty) */
  DELETE_FAST: 9,
  /** `-- v`: names[i] looked up in globals, then builtins (NameError). Pushes only the value. */
  LOAD_GLOBAL: 10,
  /** `v --` globals[names[i]] = v */
  STORE_GLOBAL: 11,
  /** `--` del globals[names[i]] (NameError) */
  DELETE_GLOBAL: 12,
  /** `-- v`: names[i] in the frame's locals dict, then globals, then builtins (class bodies). */
  LOAD_NAME: 13,
  /** `v --` locals[names[i]] = v */
  STORE_NAME: 14,
  /** `--` del locals[names[i]] (NameError) */
  DELETE_NAME: 15,
  /** `--` localsplus slot i becomes a new cell holding the slot's old value (or empty). */
  MAKE_CELL: 16,
  /** `-- v`: the value inside the cell in slot i (UnboundLocalError / NameError for free vars). */
  LOAD_DEREF: 17,
  /** `v --`: set the value inside the cell in slot i. */
  STORE_DEREF: 18,
  /** `--`: empty the cell in slot i (error if already empty). */
  DELETE_DEREF: 19,
  /** `-- cell`: push the cell object in slot i itself. */
  LOAD_CLOSURE: 20,
  /** `--`: copy the function's closure tuple (n cells) into the last n localsplus slots. */
  COPY_FREE_VARS: 21,
  /** `-- v` (class bodies): the frame's locals dict by name localsplusNames[i], else the value
   * in the cell in slot i. */
  LOAD_CLASSDEREF: 22,

  /** `obj -- obj.names[i]` */
  LOAD_ATTR: 23,
  /** `obj -- meth obj` (unbound method + self) or `obj -- attr NULL`. */
  LOAD_METHOD: 24,
  /** `value obj --` obj.names[i] = value */
  STORE_ATTR: 25,
  /** `obj --` del obj.names[i] */
  DELETE_ATTR: 26,

  /** `container key -- container[key]` */
  BINARY_SUBSCR: 27,
  /** `value container key --` container[key] = value */
  STORE_SUBSCR: 28,
  /** `container key --` del container[key] */
  DELETE_SUBSCR: 29,
  /** BUILD_SLICE n (2|3): `start stop [step] -- slice` */
  BUILD_SLICE: 30,

  /** BINARY_OP op: `a b -- r`; op is an NB_* constant below. */
  BINARY_OP: 31,
  /** `v -- -v` */
  UNARY_NEGATIVE: 32,
  /** `v -- +v` */
  UNARY_POSITIVE: 33,
  /** `v -- not v` (a bool) */
  UNARY_NOT: 34,
  /** `v -- ~v` */
  UNARY_INVERT: 35,
  /** COMPARE_OP op: `a b -- r`; op is a CMP_* constant below (rich comparison, any result). */
  COMPARE_OP: 36,
  /** IS_OP inv: `a b -- bool` (a is b) ^ inv */
  IS_OP: 37,
  /** CONTAINS_OP inv: `item container -- bool` (item in container) ^ inv */
  CONTAINS_OP: 38,

  /** JUMP target: unconditional forward jump. `--` */
  JUMP: 39,
  /** JUMP_BACKWARD target: unconditional backward jump (target <= own index); every loop
   * back-edge (incl. `continue`) uses it, so it counts hotness. `--` */
  JUMP_BACKWARD: 40,
  /** `v --` jump to target if v is falsy. (Always forward.) */
  POP_JUMP_IF_FALSE: 41,
  /** `v --` jump to target if v is truthy. (Always forward.) */
  POP_JUMP_IF_TRUE: 42,
  /** `v --` jump to target if v is None. (Always forward.) */
  POP_JUMP_IF_NONE: 43,
  /** `v --` jump to target if v is not None. (Always forward.) */
  POP_JUMP_IF_NOT_NONE: 44,

  /** `obj -- iter(obj)` */
  GET_ITER: 45,
  /** FOR_ITER target: `iter -- iter next`; when exhausted POPS the iterator and jumps to target
   * (the instruction after the loop's JUMP_BACKWARD). Always forward. */
  FOR_ITER: 46,

  /** BUILD_TUPLE n: `item1 .. itemn -- tuple` */
  BUILD_TUPLE: 47,
  /** BUILD_LIST n: `item1 .. itemn -- list` */
  BUILD_LIST: 48,
  /** BUILD_SET n: `item1 .. itemn -- set` */
  BUILD_SET: 49,
  /** BUILD_MAP n: `k1 v1 .. kn vn -- dict` */
  BUILD_MAP: 50,
  /** BUILD_STRING n: `s1 .. sn -- s1+..+sn` (all are str) */
  BUILD_STRING: 51,
  /** LIST_APPEND i: `v --`, appends v to the list at stack position -i (counted after popping
   * v; LIST_APPEND 1 = the new TOS). */
  LIST_APPEND: 52,
  /** SET_ADD i: `v --`, like LIST_APPEND for a set. */
  SET_ADD: 53,
  /** MAP_ADD i: `k v --`, dict at -i (after popping k and v) gets dict[k] = v. */
  MAP_ADD: 54,
  /** LIST_EXTEND i: `iterable --`, list at -i (after the pop) .extend(iterable). */
  LIST_EXTEND: 55,
  /** SET_UPDATE i: `iterable --`, set at -i .update(iterable). */
  SET_UPDATE: 56,
  /** DICT_UPDATE i: `mapping --`, dict at -i .update(mapping) (TypeError if not a mapping). */
  DICT_UPDATE: 57,
  /** DICT_MERGE i: `mapping --`, like DICT_UPDATE but raises TypeError on a duplicate key
   * ("got multiple values for keyword argument"); used for `**kwargs` in calls. In a call the
   * stack is `callable self_or_null args_tuple dict`, so (after popping the mapping) the callable
   * named by the error message is at -(i+3). */
  DICT_MERGE: 58,
  /** `list -- tuple` */
  LIST_TO_TUPLE: 59,
  /** UNPACK_SEQUENCE n: `seq -- item_n .. item_1` (item_1 on top). ValueError on a length
   * mismatch. */
  UNPACK_SEQUENCE: 60,
  /** UNPACK_EX (before | after << 8): `seq -- item_last .. list_of_middle .. item_1`: pushes
   * `after` items, then a list of the middle, then `before` items (first item on top). */
  UNPACK_EX: 61,
  /** FORMAT_VALUE flags: `value [spec] -- str`. flags & 3: 0 no conversion, 1 str(), 2 repr(),
   * 3 ascii(); flags & 4: a format spec (str) is on top of the value. */
  FORMAT_VALUE: 62,

  /** MAKE_FUNCTION flags: `[defaults_tuple] [kwdefaults_dict] [closure_tuple] code -- function`
   * (pushed in that order, code on top). flags: 0x01 defaults, 0x02 kw-only defaults,
   * 0x08 closure. Never annotations (0x04). The function's qualname is code.qualname and its
   * __doc__ is consts[0] if that is a str. */
  MAKE_FUNCTION: 63,
  /** `v --` return v to the caller. */
  RETURN_VALUE: 64,
  /** CALL argc: `callable self_or_null arg1 .. argc -- result`. When self_or_null is not NULL it
   * is passed as an extra first positional argument. */
  CALL: 65,
  /** CALL_KW argc: `callable self_or_null arg1 .. argc kwnames -- result`; kwnames is a tuple
   * of str (from LOAD_CONST); the last len(kwnames) args are keyword arguments; argc counts
   * all of them (positional + keyword). */
  CALL_KW: 66,
  /** CALL_FUNCTION_EX flags: `callable self_or_null args_tuple [kwargs_dict if flags & 1] --
   * result`. args_tuple is always an exact tuple and kwargs_dict a fresh dict. */
  CALL_FUNCTION_EX: 67,
  /** `-- builtins.__build_class__` */
  LOAD_BUILD_CLASS: 68,

  /** RAISE_VARARGS n: 0 `--` re-raise the exception being handled (RuntimeError "No active
   * exception to reraise" if none); 1 `exc --` raise exc; 2 `exc cause --` raise exc from cause. */
  RAISE_VARARGS: 69,
  /** `exc -- prev_exc exc`: remembers the previously handled exception (None if none) and makes
   * exc the handled exception (sys.exc_info()). */
  PUSH_EXC_INFO: 70,
  /** `prev_exc --`: restores the handled exception to prev_exc. */
  POP_EXCEPT: 71,
  /** `exc type -- exc bool`: isinstance-style match of exc against type (a class or tuple of
   * classes; TypeError if type is not an exception class). */
  CHECK_EXC_MATCH: 72,
  /** RERAISE oparg: `[lasti if oparg] exc --`: re-raise exc keeping its traceback; if oparg,
   * first restore the frame's lasti from the int item below exc. */
  RERAISE: 73,
  /** `-- AssertionError` */
  LOAD_ASSERTION_ERROR: 74,

  /** IMPORT_NAME i: `level fromlist -- module` (__import__(names[i], globals, None, fromlist,
   * level)). */
  IMPORT_NAME: 75,
  /** IMPORT_FROM i: `module -- module attr` (getattr, falling back to sys.modules[mod.__name__
   * + "." + name]; ImportError "cannot import name"). */
  IMPORT_FROM: 76,
  /** ADDED (not in the original list): `module --`; `from m import *` at module level: copies
   * the module's public names (__all__, or names not starting with "_") into globals. */
  IMPORT_STAR: 77,
} as const;

export type Opcode = (typeof Op)[keyof typeof Op];

/** Number of real opcodes (pseudo-instructions below are numbered from 256). */
export const NUM_OPCODES = 78;

/** Pseudo-instructions that exist only during code generation (removed by the assembler). */
export const Pseudo = {
  /** SETUP_FINALLY target: push an exception handler (handler entry depth = current depth,
   * exception pushed). */
  SETUP_FINALLY: 256,
  /** SETUP_CLEANUP target: like SETUP_FINALLY but lasti is pushed below the exception. */
  SETUP_CLEANUP: 257,
  /** POP_BLOCK: pop the innermost handler. */
  POP_BLOCK: 258,
  /** JUMP_ANY target: becomes JUMP or JUMP_BACKWARD depending on direction. */
  JUMP_ANY: 259,
} as const;

export const OP_NAMES: string[] = (() => {
  const names: string[] = [];
  for (const [k, v] of Object.entries(Op)) names[v] = k;
  return names;
})();

export function opName(op: number): string {
  if (op >= 256) {
    for (const [k, v] of Object.entries(Pseudo)) if (v === op) return k;
  }
  return OP_NAMES[op] ?? `<${op}>`;
}

// BINARY_OP opargs (CPython's NB_* numbering).
export const NB_ADD = 0;
export const NB_AND = 1;
export const NB_FLOOR_DIVIDE = 2;
export const NB_LSHIFT = 3;
export const NB_MATRIX_MULTIPLY = 4;
export const NB_MULTIPLY = 5;
export const NB_REMAINDER = 6;
export const NB_OR = 7;
export const NB_POWER = 8;
export const NB_RSHIFT = 9;
export const NB_SUBTRACT = 10;
export const NB_TRUE_DIVIDE = 11;
export const NB_XOR = 12;
export const NB_INPLACE_ADD = 13;
export const NB_INPLACE_AND = 14;
export const NB_INPLACE_FLOOR_DIVIDE = 15;
export const NB_INPLACE_LSHIFT = 16;
export const NB_INPLACE_MATRIX_MULTIPLY = 17;
export const NB_INPLACE_MULTIPLY = 18;
export const NB_INPLACE_REMAINDER = 19;
export const NB_INPLACE_OR = 20;
export const NB_INPLACE_POWER = 21;
export const NB_INPLACE_RSHIFT = 22;
export const NB_INPLACE_SUBTRACT = 23;
export const NB_INPLACE_TRUE_DIVIDE = 24;
export const NB_INPLACE_XOR = 25;

/** Operator symbols indexed by NB_* value (for dis and error messages). */
export const NB_SYMBOLS = [
  "+",
  "&",
  "//",
  "<<",
  "@",
  "*",
  "%",
  "|",
  "**",
  ">>",
  "-",
  "/",
  "^",
  "+=",
  "&=",
  "//=",
  "<<=",
  "@=",
  "*=",
  "%=",
  "|=",
  "**=",
  ">>=",
  "-=",
  "/=",
  "^=",
];

// COMPARE_OP opargs.
export const CMP_LT = 0;
export const CMP_LE = 1;
export const CMP_EQ = 2;
export const CMP_NE = 3;
export const CMP_GT = 4;
export const CMP_GE = 5;
export const CMP_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];

// MAKE_FUNCTION flags.
export const MF_DEFAULTS = 0x01;
export const MF_KWDEFAULTS = 0x02;
export const MF_CLOSURE = 0x08;

/** Opcodes whose oparg is an instruction index. */
export function hasJump(op: number): boolean {
  return op === Op.JUMP || op === Op.JUMP_BACKWARD || op === Op.POP_JUMP_IF_FALSE ||
    op === Op.POP_JUMP_IF_TRUE || op === Op.POP_JUMP_IF_NONE || op === Op.POP_JUMP_IF_NOT_NONE ||
    op === Op.FOR_ITER || op === Pseudo.SETUP_FINALLY || op === Pseudo.SETUP_CLEANUP ||
    op === Pseudo.JUMP_ANY;
}

/** Opcodes after which control never falls through to the next instruction. */
export function isTerminal(op: number): boolean {
  return op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE ||
    op === Op.JUMP || op === Op.JUMP_BACKWARD || op === Pseudo.JUMP_ANY;
}

/** Opcodes whose oparg indexes `names`. */
export function hasName(op: number): boolean {
  return op === Op.LOAD_GLOBAL || op === Op.STORE_GLOBAL || op === Op.DELETE_GLOBAL ||
    op === Op.LOAD_NAME || op === Op.STORE_NAME || op === Op.DELETE_NAME ||
    op === Op.LOAD_ATTR || op === Op.LOAD_METHOD || op === Op.STORE_ATTR ||
    op === Op.DELETE_ATTR || op === Op.IMPORT_NAME || op === Op.IMPORT_FROM;
}

/** Opcodes whose oparg is a localsplus slot. */
export function hasLocal(op: number): boolean {
  return op === Op.LOAD_FAST || op === Op.STORE_FAST || op === Op.DELETE_FAST ||
    op === Op.MAKE_CELL || op === Op.LOAD_DEREF || op === Op.STORE_DEREF ||
    op === Op.DELETE_DEREF || op === Op.LOAD_CLOSURE || op === Op.LOAD_CLASSDEREF;
}

/**
 * Net stack effect of an instruction. `jump` selects the effect when the jump is taken (for
 * instructions that may jump); for SETUP_* it is the depth change seen by the handler.
 */
export function stackEffect(op: number, oparg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP:
    case Op.RESUME:
    case Op.SWAP:
    case Op.DELETE_FAST:
    case Op.DELETE_GLOBAL:
    case Op.DELETE_NAME:
    case Op.MAKE_CELL:
    case Op.DELETE_DEREF:
    case Op.COPY_FREE_VARS:
    case Op.LOAD_ATTR:
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_POSITIVE:
    case Op.UNARY_NOT:
    case Op.UNARY_INVERT:
    case Op.JUMP:
    case Op.JUMP_BACKWARD:
    case Op.GET_ITER:
    case Op.LIST_TO_TUPLE:
    case Op.CHECK_EXC_MATCH:
    case Pseudo.POP_BLOCK:
    case Pseudo.JUMP_ANY:
      return 0;
    case Op.POP_TOP:
    case Op.STORE_FAST:
    case Op.STORE_GLOBAL:
    case Op.STORE_NAME:
    case Op.STORE_DEREF:
    case Op.DELETE_ATTR:
    case Op.BINARY_SUBSCR:
    case Op.BINARY_OP:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
    case Op.POP_JUMP_IF_NONE:
    case Op.POP_JUMP_IF_NOT_NONE:
    case Op.LIST_APPEND:
    case Op.SET_ADD:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_UPDATE:
    case Op.DICT_MERGE:
    case Op.RETURN_VALUE:
    case Op.POP_EXCEPT:
    case Op.IMPORT_NAME:
    case Op.IMPORT_STAR:
      return -1;
    case Op.PUSH_NULL:
    case Op.COPY:
    case Op.LOAD_CONST:
    case Op.LOAD_FAST:
    case Op.LOAD_GLOBAL:
    case Op.LOAD_NAME:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
    case Op.LOAD_METHOD:
    case Op.LOAD_BUILD_CLASS:
    case Op.PUSH_EXC_INFO:
    case Op.LOAD_ASSERTION_ERROR:
    case Op.IMPORT_FROM:
      return 1;
    case Op.STORE_ATTR:
    case Op.DELETE_SUBSCR:
    case Op.MAP_ADD:
      return -2;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.BUILD_SLICE:
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return 1 - oparg;
    case Op.BUILD_MAP:
      return 1 - 2 * oparg;
    case Op.FOR_ITER:
      return jump ? -1 : 1;
    case Op.UNPACK_SEQUENCE:
      return oparg - 1;
    case Op.UNPACK_EX:
      return (oparg & 0xff) + (oparg >> 8);
    case Op.FORMAT_VALUE:
      return (oparg & 4) ? -1 : 0;
    case Op.MAKE_FUNCTION:
      return -((oparg & 1 ? 1 : 0) + (oparg & 2 ? 1 : 0) + (oparg & 8 ? 1 : 0));
    case Op.CALL:
      return -oparg - 1;
    case Op.CALL_KW:
      return -oparg - 2;
    case Op.CALL_FUNCTION_EX:
      return -2 - (oparg & 1);
    case Op.RAISE_VARARGS:
      return -oparg;
    case Op.RERAISE:
      return oparg ? -2 : -1;
    case Pseudo.SETUP_FINALLY:
      return jump ? 1 : 0;
    case Pseudo.SETUP_CLEANUP:
      return jump ? 2 : 0;
  }
  throw new Error(`stackEffect: unknown opcode ${op}`);
}
