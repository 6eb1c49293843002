// Tier 1: the specialising adaptive interpreter (PEP 659) over heap frames.
//
// One loop runs every Python frame: a call pushes a frame and switches the loop's registers (no JS
// recursion); only calls that come from TypeScript (a built-in calling back into Python) start a
// nested loop, which returns when its entry frame returns. Python exceptions travel as thrown
// PyExc values and are dispatched through each code object's exception table.
import { f64, FRAME_STACK_BYTES, FRAME_STACK_START, i32, u32, W } from "../runtime/mem.ts";

const FRAME_STACK_END = FRAME_STACK_START + FRAME_STACK_BYTES;
import { Op } from "../compiler/opcodes.ts";
import { INSTR_WORDS } from "../compiler/code.ts";
import { ENTRY_BYTES } from "../runtime/dict.ts";
import {
  BUILTIN_INDEX,
  BUILTIN_SELF,
  CELL_VALUE,
  FUNC_CLOSURE,
  FUNC_CODE,
  FUNC_GLOBALS,
  FUNC_VERSION,
  INST_SHAPE,
  INST_SLOTS,
  LIST_ITEMS,
  LIST_LEN,
  METHOD_FUNC,
  METHOD_SELF,
  TUPLE_ITEMS,
  TYPE_INDEX,
  VALUES_START,
} from "../runtime/layout.ts";
import {
  T_BUILTIN,
  T_DICT,
  T_FUNCTION,
  T_LIST,
  T_LIST_ITER,
  T_METHOD,
  T_MODULE,
  T_RANGE_ITER,
  T_STR,
  T_SUPER,
  T_TUPLE,
  T_TUPLE_ITER,
  T_TYPE,
} from "../runtime/type_ids.ts";
import {
  HI_BOOL as VALUE_HI_BOOL,
  HI_INT,
  HI_NONE as VALUE_HI_NONE,
  HI_NULL as VALUE_HI_NULL,
  HI_REF,
  SMALL_INT_MAX,
  SMALL_INT_MIN,
  TAG_INT,
} from "../runtime/value.ts";
import { codeIndexOfRef, CodeInfo, codes, newCell, newFunction } from "../runtime/func.ts";
import { builtinTable } from "../runtime/builtin_fn.ts";
import {
  dictDelete,
  dictGetStrAddr,
  dictSet,
  dictSetStr,
  dictVersion,
  entryAddr,
  lookupStr,
  newDict,
} from "../runtime/dict.ts";
import {
  listAppend,
  listFrom,
  listItems,
  listLen,
  newList,
  newTuple,
  tupleFrom,
  tupleItem,
  tupleLen,
} from "../runtime/seq.ts";
import { intern, newStr, strConcat, strIsBmp, strValue } from "../runtime/str.ts";
import { charStr } from "../runtime/lib/iters.ts";
import { newInstance } from "../runtime/instance.ts";
import {
  isSubtype,
  shapeById,
  shapeWith,
  typeIndexOf,
  typeIndexOfTypeRef,
  types,
} from "../runtime/types.ts";
import { collect, gcState, OutOfMemory } from "../runtime/space.ts";
import {
  E,
  N_CAUSE,
  N_CONTEXT,
  N_SUPPRESS,
  N_TRACEBACK,
  newException,
  pyError,
  PyExc,
  typeError,
} from "../runtime/errors.ts";
import {
  binaryOp,
  callHook,
  compareOp,
  contains,
  delAttr,
  delItem,
  getAttr,
  getAttrOrFalse,
  getItem,
  getIter,
  iterNext,
  lookupType,
  reprOf,
  setAttr,
  setItem,
  strOf,
  truthy,
  unaryInvert,
  unaryNegative,
  unaryPositive,
} from "../runtime/ops.ts";
import { instanceAttrAddr, setInstanceAttr } from "../runtime/instance.ts";
import { tempPopTo, tempPush } from "../runtime/roots.ts";
import { bindArgs } from "./bind.ts";
import { frameState, popFrame, pushFrame } from "./frames.ts";
import {
  F_BUILTINS,
  F_CODE,
  F_DEPTH,
  F_FLAGS,
  F_FUNC,
  F_GLOBALS,
  F_IP,
  F_LOCALS_DICT,
  F_PREV,
  F_RESULT,
  F_SP,
  FRAME_ENTRY,
  FRAME_HEADER,
  FRAME_INIT,
} from "./frame_layout.ts";
import { DICT_ENTRIES, DICT_VERSION } from "../runtime/layout.ts";
import { MODULE_DICT } from "../runtime/lib/iter_layout.ts";
import { BACKOFF, countStat, GENERIC_OF, SOp, specStats } from "./spec_ops.ts";
import {
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_OR,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
} from "../runtime/num.ts";
import { setIntBig } from "../runtime/int.ts";
import { formatValue, importModule } from "../runtime/lib/index.ts";
import { interpHooks } from "./hooks.ts";

const IW = INSTR_WORDS;
// The loop converts between word offsets and instruction indexes with shifts, and the inline frame
// push of CALL_PY_EXACT_ARGS writes the header by word index.
if (
  VALUE_HI_BOOL !== 0xfffa0000 || VALUE_HI_NONE !== 0xfffb0000 || VALUE_HI_NULL !== 0xfffd0000 ||
  HI_INT !== 0xfff90000 || HI_REF !== 0xfffc0000 || DICT_ENTRIES !== 36 || ENTRY_BYTES !== 24 ||
  VALUES_START !== 16 ||
  IW !== 4 || F_CODE !== 0 || F_IP !== 4 || F_PREV !== 8 || F_GLOBALS !== 12 || F_FUNC !== 16 ||
  F_SP !== 20 || F_BUILTINS !== 24 || F_FLAGS !== 28 || F_LOCALS_DICT !== 32 || F_RESULT !== 40 ||
  F_DEPTH !== 44 || F_FUNC !== 16 || F_LOCALS_DICT !== 32 || FRAME_HEADER !== 48 ||
  FRAME_INIT !== 1 || FRAME_ENTRY !== 2 || TUPLE_ITEMS !== 16 || LIST_LEN !== 16 ||
  LIST_ITEMS !== 24 || DICT_VERSION !== 28 || INST_SHAPE !== 16 || INST_SLOTS !== 24 ||
  FUNC_CODE !== 16 || FUNC_VERSION !== 20 || FUNC_GLOBALS !== 24 || METHOD_FUNC !== 16 ||
  METHOD_SELF !== 24 || BUILTIN_INDEX !== 16 || BUILTIN_SELF !== 24 || TYPE_INDEX !== 16 ||
  CELL_VALUE !== 16 || T_TYPE !== 2 || T_STR !== 7 || T_TUPLE !== 8 || T_LIST !== 9 ||
  T_DICT !== 10 || T_FUNCTION !== 15 || T_METHOD !== 16 || T_BUILTIN !== 17 || T_MODULE !== 20 ||
  T_LIST_ITER !== 23 || T_TUPLE_ITER !== 24 || T_RANGE_ITER !== 25 || MODULE_DICT !== 16 ||
  TAG_INT !== 0xfff9 || SMALL_INT_MIN !== -140737488355328 || SMALL_INT_MAX !== 140737488355327
) {
  throw new Error("interp.ts: instruction or frame layout changed; update the loop");
}

/** The exception being handled (sys.exc_info()), a GC root slot. */
let handledSlot = 0;
export function initInterpreter(): void {
  objectInitRef = 0;
  handledSlot = tempPush(1);
  W.setNone(handledSlot);
  callHook.call = callFromTS;
}

/** Remember object.__init__ (installed by the library) so class calls can recognise it. */
export function setObjectInit(ref: number): void {
  objectInitRef = ref;
}

/** Called at every safepoint (back-edges and function entry). */
function safepoint(): void {
  if (gcState.due || gcState.stress) collect();
  if (interpHooks.onSafepoint !== null) interpHooks.onSafepoint();
}

// ---------------------------------------------------------------------------------------------
// Entering Python from TypeScript

/** Call the callable in slot `callee` with args (see builtin_fn.ts); the result goes to out. */
export function callFromTS(
  callee: number,
  args: number,
  nargs: number,
  kwnames: number,
  out: number,
): void {
  const r = W.isRef(callee) ? W.getRef(callee) : 0;
  const t = r === 0 ? typeIndexOf(callee) : u32[r >> 2];
  if (t === T_FUNCTION) {
    const f = enterFunction(r, args, nargs, kwnames, out);
    u32[(f + F_FLAGS) >> 2] |= FRAME_ENTRY;
    run();
    return;
  }
  if (t === T_METHOD) {
    const mark = tempPush(nargs + 1);
    try {
      W.copy(mark, r + METHOD_SELF);
      for (let k = 0; k < nargs; k++) W.copy(mark + 8 + 8 * k, args + 8 * k);
      callFromTS(r + METHOD_FUNC, mark, nargs + 1, kwnames, out);
    } finally {
      tempPopTo(mark);
    }
    return;
  }
  if (t === T_BUILTIN) {
    if (!W.isNull(r + BUILTIN_SELF)) {
      const mark = tempPush(nargs + 1);
      try {
        W.copy(mark, r + BUILTIN_SELF);
        for (let k = 0; k < nargs; k++) W.copy(mark + 8 + 8 * k, args + 8 * k);
        builtinTable[u32[(r + BUILTIN_INDEX) >> 2]].fn(mark, nargs + 1, kwnames, out);
      } finally {
        tempPopTo(mark);
      }
      return;
    }
    builtinTable[u32[(r + BUILTIN_INDEX) >> 2]].fn(args, nargs, kwnames, out);
    return;
  }
  if (t === T_TYPE) {
    constructFromTS(typeIndexOfTypeRef(r), args, nargs, kwnames, out);
    return;
  }
  const call = lookupType(t, intern("__call__"));
  if (call !== 0 && types[t].isClass) {
    const mark = tempPush(nargs + 1);
    try {
      W.copy(mark, callee);
      for (let k = 0; k < nargs; k++) W.copy(mark + 8 + 8 * k, args + 8 * k);
      callFromTS(call, mark, nargs + 1, kwnames, out);
    } finally {
      tempPopTo(mark);
    }
    return;
  }
  throw typeError(`'${types[t].name}' object is not callable`);
}

function constructFromTS(
  t: number,
  args: number,
  nargs: number,
  kwnames: number,
  out: number,
): void {
  const info = types[t];
  if (!info.isClass) {
    if (info.construct === null) throw typeError(`cannot create '${info.name}' instances`);
    info.construct(args, nargs, kwnames, out);
    return;
  }
  const inst = newInstanceFor(t, args, nargs, kwnames);
  const mark = tempPush(nargs + 2);
  try {
    W.setRef(mark, inst);
    for (let k = 0; k < nargs; k++) W.copy(mark + 8 + 8 * k, args + 8 * k);
    const init = initOf(t);
    if (init !== 0) {
      const res = mark + 8 * (nargs + 1);
      callFromTS(init, mark, nargs + 1, kwnames, res);
      if (!W.isNone(res)) {
        throw typeError(`__init__() should return None, not '${types[typeIndexOf(res)].name}'`);
      }
    } else if (nargs > 0) throw typeError(`${info.name}() takes no arguments`);
    W.setRef(out, inst);
  } finally {
    tempPopTo(mark);
  }
}

/** The __init__ a class call runs: 0 when it is object.__init__ (which takes no arguments). */
function initOf(t: number): number {
  const info = types[t];
  if (info.initVersion === info.version) return info.initAddr;
  let init = lookupType(t, N_INIT);
  if (init !== 0 && W.isRef(init) && W.getRef(init) === objectInitRef) init = 0;
  info.initVersion = info.version;
  info.initAddr = init;
  return init;
}

const N_INIT = intern("__init__");

let objectInitRef = 0;

/** Allocate an instance of class t; exceptions get their args tuple at once (BaseException.__new__). */
function newInstanceFor(t: number, args: number, nargs: number, kwnames: number): number {
  if (!types[t].isException) return newInstance(t);
  const npos = nargs - (kwnames === 0 ? 0 : tupleLen(kwnames));
  return newException(t, tupleFrom(args, npos));
}

/** Push a frame for function r with the given arguments; its result goes to `out`. */
function enterFunction(
  r: number,
  args: number,
  nargs: number,
  kwnames: number,
  out: number,
): number {
  const ci = u32[(r + FUNC_CODE) >> 2];
  const caller = frameState.current;
  const builtins = caller !== 0 ? u32[(caller + F_BUILTINS) >> 2] : interpHooks.builtins;
  const f = pushFrame(ci, r, u32[(r + FUNC_GLOBALS) >> 2], builtins, 0);
  try {
    bindArgs(f, codes[ci], r, args, nargs, kwnames);
  } catch (e) {
    popFrame(f);
    throw e;
  }
  u32[(f + F_RESULT) >> 2] = out;
  return f;
}

/** Run a module or class body frame to completion (it must be the current frame). */
export function runEntryFrame(f: number, out: number): void {
  u32[(f + F_FLAGS) >> 2] |= FRAME_ENTRY;
  u32[(f + F_RESULT) >> 2] = out;
  run();
}

// ---------------------------------------------------------------------------------------------
// Exceptions

function addTraceback(exc: number, codeIndex: number, line: number): void {
  const a = instanceAttrAddr(exc, N_TRACEBACK());
  let tb: number;
  if (a === 0 || !W.isRef(a)) {
    tb = newList(0, 8);
    const s = tempPush(1);
    W.setRef(s, tb);
    setInstanceAttr(exc, N_TRACEBACK(), s);
    tempPopTo(s);
  } else tb = W.getRef(a);
  const s = tempPush(1);
  W.setInt(s, codeIndex);
  listAppend(tb, s);
  W.setInt(s, line);
  listAppend(tb, s);
  tempPopTo(s);
}

/** Convert anything thrown inside the loop into a Python exception instance. */
export function toPyExc(e: unknown): PyExc {
  if (e instanceof PyExc) return e;
  if (e instanceof OutOfMemory) return pyError(E.MemoryError, "");
  if (e instanceof RangeError && e.message.indexOf("call stack") >= 0) {
    // The host stack ran out (Python code re-entered through built-ins, e.g. __repr__ calling
    // repr). No regular expressions or string building here: the stack is nearly full.
    return pyError(
      E.RecursionError,
      "maximum recursion depth exceeded while calling a Python object",
    );
  }
  const msg = e instanceof Error ? e.message : String(e);
  return pyError(E.SystemError ?? E.RuntimeError, `internal error: ${msg}`);
}

/** Raise exception object or class in slot v (RAISE_VARARGS). */
function makeRaisable(v: number): number {
  if (W.isRef(v)) {
    const r = W.getRef(v);
    const t = u32[r >> 2];
    if (t === T_TYPE) {
      const ct = typeIndexOfTypeRef(r);
      if (types[ct].isException) {
        const out = tempPush(1);
        try {
          callFromTS(v, out, 0, 0, out);
          return W.getRef(out);
        } finally {
          tempPopTo(out);
        }
      }
    } else if (types[t].isException) return r;
  }
  throw typeError("exceptions must derive from BaseException");
}

// ---------------------------------------------------------------------------------------------
// The loop

/** Run frames from the current one until the frame marked FRAME_ENTRY returns. */
function run(): void {
  for (;;) {
    try {
      if (dispatch()) return;
    } catch (e) {
      unwind(e);
    }
  }
}

/**
 * Dispatch instructions from the current frame's saved F_IP/F_SP until `entry` returns. There is
 * no try/catch here (it costs V8 a third of the loop's speed): every instruction that may throw or
 * reach a safepoint first saves F_IP and F_SP, so `unwind` finds the faulting instruction and the
 * GC sees the whole stack.
 */
function dispatch(): boolean {
  // Local aliases: V8 keeps these in registers, unlike imported module bindings.
  const U32 = u32, F64 = f64, I32 = i32;
  // Tag words as literals: imported constants above 2^31 are heap numbers to V8, which turns
  // every `U32[...] === HI_X` into a boxed double comparison.
  const HI_INT = 0xfff90000, HI_BOOL = 0xfffa0000, HI_NONE = 0xfffb0000;
  const HI_REF = 0xfffc0000, HI_NULL = 0xfffd0000;
  let fp = frameState.current;
  let ci = codes[U32[(fp + 0 /* F_CODE */) >> 2]];
  let code = ci.code.code;
  let ip = I32[(fp + 4 /* F_IP */) >> 2] << 2;
  let locals = fp + 48 /* FRAME_HEADER */;
  let sp = I32[(fp + 20 /* F_SP */) >> 2];
  let consts = ci.consts + 16 /* TUPLE_ITEMS */;
  let names = ci.names;
  const counting = countExecutions;
  {
    {
      for (;;) {
        const op = code[ip];
        const arg = code[ip + 1];
        if (counting) executions[op]++;
        switch (op) {
          case 0 /* Op.NOP */:
            ip += 4 /* IW */;
            continue;
          case 1 /* Op.RESUME */:
            if (gcState.due || gcState.stress || interpHooks.onSafepoint !== null) {
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              safepoint();
            }
            if (ip === 0 && interpHooks.jit !== null && ++code[2] >= interpHooks.jit.threshold) {
              // A hot function (calls counted in cache0): tier 2 may rewrite this RESUME into
              // ENTER_EXECUTOR (then run it now) or set a back-off in the counter.
              U32[(fp + 4 /* F_IP */) >> 2] = 0;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              if (interpHooks.jit.onHotFunction(ci.index, fp)) continue;
            }
            ip += 4 /* IW */;
            if (--yieldBudget === 0) {
              yieldBudget = YIELD_INTERVAL; // see JUMP_BACKWARD
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              return false;
            }
            continue;
          case 2 /* Op.POP_TOP */:
            sp -= 8;
            ip += 4 /* IW */;
            continue;
          case 3 /* Op.PUSH_NULL */:
            U32[sp >> 2] = 0;
            U32[(sp >> 2) + 1] = HI_NULL;
            sp += 8;
            ip += 4 /* IW */;
            if (code[ip] === 7 /* Op.LOAD_FAST */) {
              const b = locals + 8 * code[ip + 1];
              if (U32[(b >> 2) + 1] !== HI_NULL) {
                if (counting) executions[7]++;
                copyWord(U32, sp, b);
                sp += 8;
                ip += 4 /* IW */;
              }
            }
            continue;
          case 4 /* Op.COPY */:
            copyWord(U32, sp, sp - 8 * arg);
            sp += 8;
            ip += 4 /* IW */;
            if (code[ip] === 4 /* Op.COPY */) {
              // COPY COPY (x[i] op= v duplicates the container and the index)
              if (counting) executions[4]++;
              copyWord(U32, sp, sp - 8 * code[ip + 1]);
              sp += 8;
              ip += 4 /* IW */;
            }
            continue;
          case 5 /* Op.SWAP */: {
            const a = sp - 8, b = sp - 8 * arg;
            const lo = U32[a >> 2], hi = U32[(a >> 2) + 1];
            copyWord(U32, a, b);
            U32[b >> 2] = lo;
            U32[(b >> 2) + 1] = hi;
            ip += 4 /* IW */;
            if (code[ip] === 5 /* Op.SWAP */) {
              // SWAP SWAP (x[i] op= v puts the value under the container and the index)
              if (counting) executions[5]++;
              const b2 = sp - 8 * code[ip + 1];
              const lo2 = U32[a >> 2], hi2 = U32[(a >> 2) + 1];
              copyWord(U32, a, b2);
              U32[b2 >> 2] = lo2;
              U32[(b2 >> 2) + 1] = hi2;
              ip += 4 /* IW */;
            }
            continue;
          }
          case 6 /* Op.LOAD_CONST */:
            copyWord(U32, sp, consts + 8 * arg);
            sp += 8;
            ip += 4 /* IW */;
            continue;
          case 7 /* Op.LOAD_FAST */: {
            const a = locals + 8 * arg;
            if (U32[(a >> 2) + 1] === HI_NULL) {
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              throw unboundLocal(ci.code.localsplusNames[arg]);
            }
            copyWord(U32, sp, a);
            sp += 8;
            ip += 4 /* IW */;
            // Runtime superinstructions: the common successors run without a second dispatch.
            // (The bytecode is unchanged, so tier 2 and --stats see the plain instructions.)
            const next = code[ip];
            if (next === 7 /* Op.LOAD_FAST */) {
              const b = locals + 8 * code[ip + 1];
              if (U32[(b >> 2) + 1] !== HI_NULL) {
                if (counting) executions[7]++;
                copyWord(U32, sp, b);
                sp += 8;
                ip += 4 /* IW */;
                const third = code[ip];
                if (third === 142 /* SOp.BINARY_SUBSCR_LIST_INT */) {
                  // LOAD_FAST LOAD_FAST BINARY_SUBSCR_LIST_INT: x[i] of two locals
                  const item = indexedItem(U32, I32, sp - 16, sp - 8, 9 /* T_LIST */);
                  if (item !== 0) {
                    if (counting) executions[142]++;
                    copyWord(U32, sp - 16, item);
                    sp -= 8;
                    ip += 4 /* IW */;
                  }
                } else if (third === 143 /* SOp.STORE_SUBSCR_LIST_INT */) {
                  // LOAD_FAST LOAD_FAST STORE_SUBSCR_LIST_INT: x[i] = v
                  const item = indexedItem(U32, I32, sp - 16, sp - 8, 9 /* T_LIST */);
                  if (item !== 0) {
                    if (counting) executions[143]++;
                    copyWord(U32, item, sp - 24);
                    sp -= 24;
                    ip += 4 /* IW */;
                  }
                }
              }
            } else if (next === 6 /* Op.LOAD_CONST */) {
              if (counting) executions[6]++;
              copyWord(U32, sp, consts + 8 * code[ip + 1]);
              sp += 8;
              ip += 4 /* IW */;
            } else if (
              next >= 131 && next <= 133 && U32[((sp - 16) >> 2) + 1] < 0xfff90000 &&
              U32[((sp - 8) >> 2) + 1] < 0xfff90000
            ) {
              // LOAD_FAST BINARY_OP_{ADD,SUB,MUL}_FLOAT: two floats
              if (counting) executions[next]++;
              const x = F64[(sp - 16) >> 3], y = F64[(sp - 8) >> 3];
              const r = next === 131 ? x + y : next === 132 ? x - y : x * y;
              sp -= 8;
              if (r !== r) {
                U32[(sp - 8) >> 2] = 0;
                U32[((sp - 8) >> 2) + 1] = 0x7ff80000; // canonical NaN
              } else F64[(sp - 8) >> 3] = r;
              ip += 4 /* IW */;
            } else if (
              next === 139 /* SOp.LOAD_ATTR_INSTANCE_VALUE */ && U32[(a >> 2) + 1] === HI_REF
            ) {
              // LOAD_FAST LOAD_ATTR_INSTANCE_VALUE: read the slot (a guard miss dispatches it)
              const r = U32[a >> 2];
              if (
                U32[(r + 16 /* INST_SHAPE */) >> 2] === code[ip + 2] && U32[r >> 2] >= 48 &&
                ((U32[(r >> 2) + 1] - 24 /* INST_SLOTS */) >> 3) > code[ip + 3]
              ) {
                if (counting) executions[139]++;
                copyWord(U32, sp - 8, r + 24 /* INST_SLOTS */ + 8 * code[ip + 3]);
                ip += 4 /* IW */;
              }
            }
            continue;
          }
          case 8 /* Op.STORE_FAST */: {
            sp -= 8;
            copyWord(U32, locals + 8 * arg, sp);
            ip += 4 /* IW */;
            if (code[ip] === 7 /* Op.LOAD_FAST */) {
              const b = locals + 8 * code[ip + 1];
              if (U32[(b >> 2) + 1] !== HI_NULL) {
                if (counting) executions[7]++;
                copyWord(U32, sp, b);
                sp += 8;
                ip += 4 /* IW */;
              }
            }
            continue;
          }
          case 137 /* SOp.LOAD_GLOBAL_MODULE */: {
            const g = U32[(fp + 12 /* F_GLOBALS */) >> 2];
            if (U32[(g + 28 /* DICT_VERSION */) >> 2] !== code[ip + 2]) {
              deopt(ci, ip);
              continue;
            }
            // the value word of entry cache1: entries buffer + 16 + 24 * index + 16
            copyWord(U32, sp, U32[(g + 36 /* DICT_ENTRIES */) >> 2] + 32 + 24 * code[ip + 3]);
            sp += 8;
            ip += 4 /* IW */;
            if (code[ip] === 3 /* Op.PUSH_NULL */) {
              if (counting) executions[3]++;
              U32[sp >> 2] = 0;
              U32[(sp >> 2) + 1] = HI_NULL;
              sp += 8;
              ip += 4 /* IW */;
            }
            continue;
          }
          case 138 /* SOp.LOAD_GLOBAL_BUILTIN */: {
            const g = U32[(fp + 12 /* F_GLOBALS */) >> 2];
            if (U32[(g + 28 /* DICT_VERSION */) >> 2] !== code[ip + 2]) {
              deopt(ci, ip);
              continue;
            }
            const b = U32[(fp + 24 /* F_BUILTINS */) >> 2];
            copyWord(U32, sp, U32[(b + 36 /* DICT_ENTRIES */) >> 2] + 32 + 24 * code[ip + 3]);
            sp += 8;
            ip += 4 /* IW */;
            if (code[ip] === 3 /* Op.PUSH_NULL */) {
              if (counting) executions[3]++;
              U32[sp >> 2] = 0;
              U32[(sp >> 2) + 1] = HI_NULL;
              sp += 8;
              ip += 4 /* IW */;
            }
            continue;
          }
          case 17 /* Op.LOAD_DEREF */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            const c = W.getRef(locals + 8 * arg);
            if (W.isNull(c + 16 /* CELL_VALUE */)) throw unboundDeref(ci.code, arg);
            copyWord(U32, sp, c + 16 /* CELL_VALUE */);
            sp += 8;
            ip += 4 /* IW */;
            continue;
          }
          case 18 /* Op.STORE_DEREF */:
            sp -= 8;
            copyWord(U32, W.getRef(locals + 8 * arg) + 16, /* CELL_VALUE */ sp);
            ip += 4 /* IW */;
            continue;
          case 23 /* Op.LOAD_ATTR */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            const o = sp - 8;
            specializeLoadAttr(code, ip, o, names[arg]);
            getAttr(o, names[arg], o);
            ip += 4 /* IW */;
            continue;
          }
          case 139 /* SOp.LOAD_ATTR_INSTANCE_VALUE */: {
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const r = U32[o >> 2];
              if (
                U32[(r + 16 /* INST_SHAPE */) >> 2] === code[ip + 2] && U32[r >> 2] >= 48 &&
                ((U32[(r >> 2) + 1] - 24 /* INST_SLOTS */) >> 3) > code[ip + 3]
              ) {
                copyWord(U32, o, r + 24 /* INST_SLOTS */ + 8 * code[ip + 3]);
                ip += 4 /* IW */;
                continue;
              }
            }
            if (!toPoly(ci, ip, sp - 8, names[arg], SOp.LOAD_ATTR_POLY)) deopt(ci, ip);
            continue;
          }
          case 24 /* Op.LOAD_METHOD */: {
            const o = sp - 8;
            if (
              U32[(o >> 2) + 1] === HI_REF && code[ip + 3] === -(U32[U32[o >> 2] >> 2] + 1)
            ) {
              // a method of a built-in type that loadMethod cached here (cache1 = -(type + 1),
              // aux = the unbound built-in; built-in types' dicts never change)
              copyWord(U32, sp, o);
              U32[o >> 2] = ci.aux[ip >> 2];
              U32[(o >> 2) + 1] = HI_REF;
              sp += 8;
              ip += 4 /* IW */;
              continue;
            }
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            loadMethod(ci, ip, o, names[arg], sp);
            sp += 8;
            ip += 4 /* IW */;
            continue;
          }
          case 141 /* SOp.LOAD_METHOD_WITH_VALUES */: {
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const r = U32[o >> 2];
              const t = U32[r >> 2];
              if (
                t >= 48 && U32[(r + 16 /* INST_SHAPE */) >> 2] === code[ip + 2] &&
                types[t].version === code[ip + 3]
              ) {
                copyWord(U32, sp, o);
                W.setRef(o, ci.aux[ip >> 2]);
                sp += 8;
                ip += 4 /* IW */;
                continue;
              }
            }
            if (!toPoly(ci, ip, sp - 8, names[arg], SOp.LOAD_METHOD_POLY)) deopt(ci, ip);
            continue;
          }
          case 25 /* Op.STORE_ATTR */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            const o = sp - 8, v = sp - 16;
            specializeStoreAttr(ci, ip, o, names[arg]);
            setAttr(o, names[arg], v);
            sp -= 16;
            ip += 4 /* IW */;
            continue;
          }
          case 140 /* SOp.STORE_ATTR_INSTANCE_VALUE */: {
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const r = U32[o >> 2];
              if (
                U32[(r + 16 /* INST_SHAPE */) >> 2] === code[ip + 2] && U32[r >> 2] >= 48 &&
                ((U32[(r >> 2) + 1] - 24 /* INST_SLOTS */) >> 3) > code[ip + 3]
              ) {
                copyWord(U32, r + 24 /* INST_SLOTS */ + 8 * code[ip + 3], sp - 16);
                sp -= 16;
                ip += 4 /* IW */;
                continue;
              }
            }
            if (!toPoly(ci, ip, sp - 8, names[arg], SOp.STORE_ATTR_POLY)) deopt(ci, ip);
            continue;
          }
          case 163 /* SOp.LOAD_ATTR_POLY */:
          case 165 /* SOp.STORE_ATTR_POLY */: {
            // up to 4 (shape, slot) entries in polyPool from cache1, cache0 of them in use
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const r = U32[o >> 2];
              if (U32[r >> 2] >= 48) {
                const shape = U32[(r + 16 /* INST_SHAPE */) >> 2];
                const P = polyPool;
                let e = code[ip + 3];
                const end = e + 4 * code[ip + 2];
                while (e < end && P[e] !== shape) e += 4;
                if (e < end) {
                  const slot = P[e + 1];
                  if (((U32[(r >> 2) + 1] - 24 /* INST_SLOTS */) >> 3) > slot) {
                    if (op === 163) copyWord(U32, o, r + 24 /* INST_SLOTS */ + 8 * slot);
                    else {
                      copyWord(U32, r + 24 /* INST_SLOTS */ + 8 * slot, sp - 16);
                      sp -= 16;
                    }
                    ip += 4 /* IW */;
                    continue;
                  }
                }
              }
            }
            if (!polyAdd(ci, ip, o, names[arg], op)) deopt(ci, ip);
            continue;
          }
          case 164 /* SOp.LOAD_METHOD_POLY */: {
            // up to 4 (shape, class version, function) entries in polyPool from cache1
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const r = U32[o >> 2];
              const t = U32[r >> 2];
              if (t >= 48) {
                const shape = U32[(r + 16 /* INST_SHAPE */) >> 2];
                const P = polyPool;
                let e = code[ip + 3];
                const end = e + 4 * code[ip + 2];
                while (e < end && P[e] !== shape) e += 4;
                if (e < end && types[t].version === P[e + 1]) {
                  copyWord(U32, sp, o);
                  U32[o >> 2] = P[e + 2];
                  U32[(o >> 2) + 1] = HI_REF;
                  sp += 8;
                  ip += 4 /* IW */;
                  continue;
                }
              }
            }
            if (!polyAdd(ci, ip, o, names[arg], op)) deopt(ci, ip);
            continue;
          }
          case 153 /* SOp.STORE_ATTR_ADD_SLOT */: {
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const r = U32[o >> 2];
              if (
                U32[(r + 16 /* INST_SHAPE */) >> 2] === code[ip + 2] && U32[r >> 2] >= 48 &&
                ((U32[(r >> 2) + 1] - 24 /* INST_SLOTS */) >> 3) > code[ip + 3]
              ) {
                copyWord(U32, r + 24 /* INST_SLOTS */ + 8 * code[ip + 3], sp - 16);
                U32[(r + 16 /* INST_SHAPE */) >> 2] = ci.aux[ip >> 2];
                sp -= 16;
                ip += 4 /* IW */;
                continue;
              }
            }
            deopt(ci, ip);
            continue;
          }
          case 27 /* Op.BINARY_SUBSCR */: {
            const c = sp - 16, k = sp - 8;
            if (U32[(c >> 2) + 1] === HI_REF) {
              // fast paths of the generic form: dict[str] that is present, str[small int]
              const r = U32[c >> 2];
              const t = U32[r >> 2];
              const hk = U32[(k >> 2) + 1];
              if (
                t === 10 /* T_DICT */ && hk === HI_REF && U32[U32[k >> 2] >> 2] === 7 /* T_STR */
              ) {
                const ix = lookupStr(r, U32[k >> 2]);
                if (ix >= 0) {
                  copyWord(U32, c, U32[(r + 36 /* DICT_ENTRIES */) >> 2] + 32 + 24 * ix);
                  sp -= 8;
                  ip += 4 /* IW */;
                  continue;
                }
              } else if (t === 7 /* T_STR */ && hk >>> 16 === 0xfff9 /* TAG_INT */) {
                const ch = strCharAt(r, intAt(U32, I32, k));
                if (ch !== 0) {
                  U32[c >> 2] = ch;
                  sp -= 8;
                  ip += 4 /* IW */;
                  continue;
                }
              }
            }
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            if (W.isRef(c) && W.isInt(k)) {
              const t = U32[W.getRef(c) >> 2];
              if (t === 9 /* T_LIST */) specialize(code, ip, SOp.BINARY_SUBSCR_LIST_INT);
              else if (t === 8 /* T_TUPLE */) specialize(code, ip, SOp.BINARY_SUBSCR_TUPLE_INT);
            }
            getItem(c, k, c);
            sp -= 8;
            ip += 4 /* IW */;
            continue;
          }
          case 142 /* SOp.BINARY_SUBSCR_LIST_INT */:
          case 144 /* SOp.BINARY_SUBSCR_TUPLE_INT */: {
            const item = indexedItem(
              U32,
              I32,
              sp - 16,
              sp - 8,
              op === 142 ? 9 /* T_LIST */ : 8, /* T_TUPLE */
            );
            if (item !== 0) {
              ip += 4 /* IW */;
              const next = code[ip];
              if (
                (next === 41 /* Op.POP_JUMP_IF_FALSE */ || next === 42 /* POP_JUMP_IF_TRUE */) &&
                U32[(item >> 2) + 1] === HI_BOOL
              ) {
                // BINARY_SUBSCR + POP_JUMP on a bool item without pushing it
                if (counting) executions[next]++;
                sp -= 16;
                const jumped = (U32[item >> 2] !== 0) === (next === 42);
                code[ip + 2] = (code[ip + 2] << 1) | (jumped ? 1 : 0); // branch history
                ip = jumped ? code[ip + 1] << 2 : ip + 4 /* IW */;
                continue;
              }
              copyWord(U32, sp - 16, item);
              sp -= 8;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 28 /* Op.STORE_SUBSCR */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            const v = sp - 24, c = sp - 16, k = sp - 8;
            if (
              U32[(c >> 2) + 1] === HI_REF && U32[U32[c >> 2] >> 2] === 10 /* T_DICT */ &&
              U32[(k >> 2) + 1] === HI_REF && U32[U32[k >> 2] >> 2] === 7 /* T_STR */
            ) {
              dictSetStr(U32[c >> 2], U32[k >> 2], v); // d[str] = v
              sp -= 24;
              ip += 4 /* IW */;
              continue;
            }
            if (W.isRef(c) && W.isInt(k) && U32[W.getRef(c) >> 2] === 9 /* T_LIST */) {
              specialize(code, ip, SOp.STORE_SUBSCR_LIST_INT);
            }
            setItem(c, k, v);
            sp -= 24;
            ip += 4 /* IW */;
            continue;
          }
          case 143 /* SOp.STORE_SUBSCR_LIST_INT */: {
            const item = indexedItem(U32, I32, sp - 16, sp - 8, 9 /* T_LIST */);
            if (item !== 0) {
              copyWord(U32, item, sp - 24);
              sp -= 24;
              ip += 4 /* IW */;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 31 /* Op.BINARY_OP */: {
            const a = sp - 16, b = sp - 8;
            if (
              U32[(a >> 2) + 1] >>> 16 === 0xfff9 /* TAG_INT */ &&
              U32[(b >> 2) + 1] >>> 16 === 0xfff9 /* TAG_INT */ &&
              smallIntOp(U32, I32, arg, a, b)
            ) {
              // %, //, &, |, ^, >>, << of small ints (tier 2 translates the generic form)
              sp -= 8;
              ip += 4 /* IW */;
              continue;
            }
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            specializeBinary(code, ip, arg, a, b);
            binaryOp(arg, a, b, a);
            sp -= 8;
            ip += 4 /* IW */;
            continue;
          }
          case 128 /* SOp.BINARY_OP_ADD_INT */:
          case 129 /* SOp.BINARY_OP_SUB_INT */:
          case 130 /* SOp.BINARY_OP_MUL_INT */: {
            const a = sp - 16, b = sp - 8;
            if (
              U32[(a >> 2) + 1] >>> 16 === 0xfff9 /* TAG_INT */ &&
              U32[(b >> 2) + 1] >>> 16 === 0xfff9 /* TAG_INT */
            ) {
              const x = intAt(U32, I32, a), y = intAt(U32, I32, b);
              const r = op === 128 ? x + y : op === 129 ? x - y : x * y;
              if (
                r >= -140737488355328 /* SMALL_INT_MIN */ &&
                r <= 140737488355327 /* SMALL_INT_MAX */
              ) {
                setIntAt(U32, I32, a, r);
                sp -= 8;
                ip += 4 /* IW */;
                if (code[ip] === 8 /* Op.STORE_FAST */) {
                  // the result goes straight to the local
                  if (counting) executions[8]++;
                  sp -= 8;
                  copyWord(U32, locals + 8 * code[ip + 1], sp);
                  ip += 4 /* IW */;
                }
                continue;
              }
              // overflow: the generic path promotes to a big int; stay specialised
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              const after = wideChain(code, ip, consts, locals, a, x, y, op, counting);
              sp -= 8;
              if (after >= 0) {
                ip = after; // ran the following constant/local operations exactly
                continue;
              }
              binaryOp(arg, a, b, a);
              ip += 4 /* IW */;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 131 /* SOp.BINARY_OP_ADD_FLOAT */:
          case 132 /* SOp.BINARY_OP_SUB_FLOAT */:
          case 133 /* SOp.BINARY_OP_MUL_FLOAT */:
          case 134 /* SOp.BINARY_OP_DIV_FLOAT */: {
            const a = sp - 16, b = sp - 8;
            if (U32[(a >> 2) + 1] < 0xfff90000 && U32[(b >> 2) + 1] < 0xfff90000) {
              const x = F64[a >> 3], y = F64[b >> 3];
              let r: number;
              // numeric literals: `SOp.X` would be a property load from the imported object
              if (op === 131 /* SOp.BINARY_OP_ADD_FLOAT */) r = x + y;
              else if (op === 132 /* SOp.BINARY_OP_SUB_FLOAT */) r = x - y;
              else if (op === 133 /* SOp.BINARY_OP_MUL_FLOAT */) r = x * y;
              else {
                if (y === 0) {
                  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                  throw pyError(E.ZeroDivisionError, "float division by zero");
                }
                r = x / y;
              }
              if (r !== r) {
                U32[a >> 2] = 0;
                U32[(a >> 2) + 1] = 0x7ff80000; // canonical NaN
              } else F64[a >> 3] = r;
              sp -= 8;
              ip += 4 /* IW */;
              if (code[ip] === 8 /* Op.STORE_FAST */) {
                // the result goes straight to the local
                if (counting) executions[8]++;
                sp -= 8;
                copyWord(U32, locals + 8 * code[ip + 1], sp);
                ip += 4 /* IW */;
              }
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 156 /* SOp.BINARY_OP_ADD_NUM */:
          case 157 /* SOp.BINARY_OP_SUB_NUM */:
          case 158 /* SOp.BINARY_OP_MUL_NUM */:
          case 159 /* SOp.BINARY_OP_DIV_NUM */: {
            // float and small-int operands mixed (ints convert exactly: 48 bits fit a double);
            // DIV also takes two ints (int / int is correctly rounded in IEEE arithmetic).
            const a = sp - 16, b = sp - 8;
            const ha = U32[(a >> 2) + 1], hb = U32[(b >> 2) + 1];
            const fa = ha < 0xfff90000, fb = hb < 0xfff90000;
            if (
              (fa || ha >>> 16 === 0xfff9) && (fb || hb >>> 16 === 0xfff9) &&
              (fa || fb || op === 159)
            ) {
              const x = fa ? F64[a >> 3] : intAt(U32, I32, a);
              const y = fb ? F64[b >> 3] : intAt(U32, I32, b);
              let r: number;
              if (op === 156) r = x + y;
              else if (op === 157) r = x - y;
              else if (op === 158) r = x * y;
              else {
                if (y === 0) {
                  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                  throw pyError(
                    E.ZeroDivisionError,
                    fa || fb ? "float division by zero" : "division by zero",
                  );
                }
                r = x / y;
              }
              if (r !== r) {
                U32[a >> 2] = 0;
                U32[(a >> 2) + 1] = 0x7ff80000; // canonical NaN
              } else F64[a >> 3] = r;
              sp -= 8;
              ip += 4 /* IW */;
              if (code[ip] === 8 /* Op.STORE_FAST */) {
                // the result goes straight to the local
                if (counting) executions[8]++;
                sp -= 8;
                copyWord(U32, locals + 8 * code[ip + 1], sp);
                ip += 4 /* IW */;
              }
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 160 /* SOp.COMPARE_OP_NUM */: {
            const a = sp - 16, b = sp - 8;
            const ha = U32[(a >> 2) + 1], hb = U32[(b >> 2) + 1];
            const fa = ha < 0xfff90000, fb = hb < 0xfff90000;
            if ((fa || ha >>> 16 === 0xfff9) && (fb || hb >>> 16 === 0xfff9)) {
              const x = fa ? F64[a >> 3] : intAt(U32, I32, a);
              const y = fb ? F64[b >> 3] : intAt(U32, I32, b);
              U32[a >> 2] = cmp(arg, x, y) ? 1 : 0;
              U32[(a >> 2) + 1] = HI_BOOL;
              sp -= 8;
              ip += 4 /* IW */;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 161 /* SOp.LOAD_ATTR_MODULE */:
          case 162 /* SOp.LOAD_METHOD_MODULE */: {
            // module attribute: cache0 = the module dict's keys version, cache1 = entry index
            const o = sp - 8;
            if (U32[(o >> 2) + 1] === HI_REF) {
              const m = U32[o >> 2];
              if (U32[m >> 2] === 20 /* T_MODULE */) {
                const d = U32[(m + 16 /* MODULE_DICT */) >> 2];
                if (U32[(d + 28 /* DICT_VERSION */) >> 2] === code[ip + 2]) {
                  copyWord(U32, o, U32[(d + 36 /* DICT_ENTRIES */) >> 2] + 32 + 24 * code[ip + 3]);
                  if (op === 162) {
                    U32[sp >> 2] = 0;
                    U32[(sp >> 2) + 1] = HI_NULL;
                    sp += 8;
                  }
                  ip += 4 /* IW */;
                  continue;
                }
              }
            }
            deopt(ci, ip);
            continue;
          }
          case 148 /* SOp.CALL_BUILTIN */: {
            // a call of one particular built-in (cache0 = its builtin index; unbound, no self)
            const base = sp - 8 * (arg + 2);
            if (U32[(base >> 2) + 1] === HI_REF && U32[((base + 8) >> 2) + 1] === HI_NULL) {
              const r = U32[base >> 2];
              if (
                U32[r >> 2] === 17 /* T_BUILTIN */ &&
                U32[(r + 16 /* BUILTIN_INDEX */) >> 2] === code[ip + 2] &&
                U32[((r + 24 /* BUILTIN_SELF */) >> 2) + 1] === HI_NULL
              ) {
                U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                U32[(fp + 20 /* F_SP */) >> 2] = sp;
                builtinTable[code[ip + 2]].fn(base + 16, arg, 0, base);
                sp = base + 8;
                ip += 4 /* IW */;
                continue;
              }
            }
            deopt(ci, ip);
            continue;
          }
          case 36 /* Op.COMPARE_OP */: {
            const a = sp - 16, b = sp - 8;
            const ha = U32[(a >> 2) + 1], hb = U32[(b >> 2) + 1];
            if (
              (arg === 2 || arg === 3) && ha === HI_REF && hb === HI_REF &&
              U32[U32[a >> 2] >> 2] === 7 /* T_STR */ && U32[U32[b >> 2] >> 2] === 7 /* T_STR */
            ) {
              // str == / != str
              const ra = U32[a >> 2], rb = U32[b >> 2];
              const eq = ra === rb || strValue(ra) === strValue(rb);
              U32[a >> 2] = eq === (arg === 2) ? 1 : 0;
              U32[(a >> 2) + 1] = HI_BOOL;
              sp -= 8;
              ip += 4 /* IW */;
              continue;
            }
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            if (ha >>> 16 === 0xfff9 /* TAG_INT */ && hb >>> 16 === 0xfff9 /* TAG_INT */) {
              specialize(code, ip, SOp.COMPARE_OP_INT);
            } else if (ha < 0xfff90000 && hb < 0xfff90000) {
              specialize(code, ip, SOp.COMPARE_OP_FLOAT);
            } else if (
              (ha < 0xfff90000 || ha >>> 16 === 0xfff9 /* TAG_INT */) &&
              (hb < 0xfff90000 || hb >>> 16 === 0xfff9 /* TAG_INT */)
            ) {
              specialize(code, ip, SOp.COMPARE_OP_NUM);
            }
            compareOp(arg, a, b, a);
            sp -= 8;
            ip += 4 /* IW */;
            continue;
          }
          case 135 /* SOp.COMPARE_OP_INT */: {
            const a = sp - 16, b = sp - 8;
            if (
              U32[(a >> 2) + 1] >>> 16 === 0xfff9 /* TAG_INT */ &&
              U32[(b >> 2) + 1] >>> 16 === 0xfff9 /* TAG_INT */
            ) {
              const t = cmp(arg, intAt(U32, I32, a), intAt(U32, I32, b));
              ip += 4 /* IW */;
              const next = code[ip];
              if (next === 41 /* Op.POP_JUMP_IF_FALSE */ || next === 42 /* POP_JUMP_IF_TRUE */) {
                // COMPARE + POP_JUMP without materialising the bool
                if (counting) executions[next]++;
                sp -= 16;
                const jumped = t === (next === 42);
                code[ip + 2] = (code[ip + 2] << 1) | (jumped ? 1 : 0); // branch history
                ip = jumped ? code[ip + 1] << 2 : ip + 4 /* IW */;
                continue;
              }
              const ai = a >> 2;
              U32[ai] = t ? 1 : 0;
              U32[ai + 1] = HI_BOOL;
              sp -= 8;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 136 /* SOp.COMPARE_OP_FLOAT */: {
            const a = sp - 16, b = sp - 8;
            if (U32[(a >> 2) + 1] < 0xfff90000 && U32[(b >> 2) + 1] < 0xfff90000) {
              const t = cmp(arg, F64[a >> 3], F64[b >> 3]);
              ip += 4 /* IW */;
              const next = code[ip];
              if (next === 41 /* Op.POP_JUMP_IF_FALSE */ || next === 42 /* POP_JUMP_IF_TRUE */) {
                if (counting) executions[next]++;
                sp -= 16;
                const jumped = t === (next === 42);
                code[ip + 2] = (code[ip + 2] << 1) | (jumped ? 1 : 0); // branch history
                ip = jumped ? code[ip + 1] << 2 : ip + 4 /* IW */;
                continue;
              }
              U32[a >> 2] = t ? 1 : 0;
              U32[(a >> 2) + 1] = HI_BOOL;
              sp -= 8;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 37 /* Op.IS_OP */: {
            const a = (sp - 16) >> 2, b = (sp - 8) >> 2;
            const same = U32[a] === U32[b] && U32[a + 1] === U32[b + 1];
            sp -= 8;
            ip += 4 /* IW */;
            const next = code[ip];
            if (next === 41 /* Op.POP_JUMP_IF_FALSE */ || next === 42 /* POP_JUMP_IF_TRUE */) {
              // IS_OP + POP_JUMP without materialising the bool
              if (counting) executions[next]++;
              sp -= 8;
              const jumped = (same !== (arg === 1)) === (next === 42);
              code[ip + 2] = (code[ip + 2] << 1) | (jumped ? 1 : 0); // branch history
              ip = jumped ? code[ip + 1] << 2 : ip + 4 /* IW */;
              continue;
            }
            U32[a] = same !== (arg === 1) ? 1 : 0;
            U32[a + 1] = HI_BOOL;
            continue;
          }
          case 39 /* Op.JUMP */:
            ip = arg << 2;
            continue;
          case 40 /* Op.JUMP_BACKWARD */: {
            if (gcState.due || gcState.stress || interpHooks.onSafepoint !== null) {
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              safepoint();
            }
            if (--yieldBudget === 0) {
              // Leave and re-enter every so often: V8 then compiles dispatch as a whole function
              // instead of only on-stack-replacing its loop, whose entry values stay boxed.
              yieldBudget = YIELD_INTERVAL;
              U32[(fp + 4 /* F_IP */) >> 2] = arg;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              return false;
            }
            const jit = interpHooks.jit;
            if (jit !== null && ++code[ip + 2] >= jit.threshold) {
              // Hot loop: tier 2 may rewrite this instruction into ENTER_EXECUTOR (then run it
              // now) or set a back-off in the counter.
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              if (jit.onHotLoop(ci.index, ip >> 2, fp)) continue;
            }
            ip = arg << 2;
            continue;
          }
          case 152 /* SOp.ENTER_EXECUTOR */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            if (gcState.due || gcState.stress || interpHooks.onSafepoint !== null) safepoint();
            interpHooks.jit!.enter(code[ip + 2], fp);
            // The executor left the current frame's F_IP/F_SP where tier 1 resumes.
            fp = frameState.current;
            ci = codes[U32[(fp + 0 /* F_CODE */) >> 2]];
            code = ci.code.code;
            ip = I32[(fp + 4 /* F_IP */) >> 2] << 2;
            locals = fp + 48 /* FRAME_HEADER */;
            sp = I32[(fp + 20 /* F_SP */) >> 2];
            consts = ci.consts + 16 /* TUPLE_ITEMS */;
            names = ci.names;
            continue;
          }
          case 41 /* Op.POP_JUMP_IF_FALSE */: {
            sp -= 8;
            const hi = U32[(sp >> 2) + 1];
            const t = hi === HI_BOOL ? U32[sp >> 2] !== 0 : truthyAt(fp, ip, sp);
            const jumped = t ? 0 : 1;
            code[ip + 2] = (code[ip + 2] << 1) | jumped; // branch history for tier 2
            ip = t ? ip + 4 /* IW */ : arg << 2;
            continue;
          }
          case 42 /* Op.POP_JUMP_IF_TRUE */: {
            sp -= 8;
            const hi = U32[(sp >> 2) + 1];
            const t = hi === HI_BOOL ? U32[sp >> 2] !== 0 : truthyAt(fp, ip, sp);
            code[ip + 2] = (code[ip + 2] << 1) | (t ? 1 : 0); // branch history for tier 2
            ip = t ? arg << 2 : ip + 4 /* IW */;
            continue;
          }
          case 43 /* Op.POP_JUMP_IF_NONE */:
            sp -= 8;
            if (U32[(sp >> 2) + 1] === HI_NONE) {
              code[ip + 2] = (code[ip + 2] << 1) | 1;
              ip = arg << 2;
            } else {
              code[ip + 2] <<= 1;
              ip += 4 /* IW */;
            }
            continue;
          case 44 /* Op.POP_JUMP_IF_NOT_NONE */:
            sp -= 8;
            if (U32[(sp >> 2) + 1] !== HI_NONE) {
              code[ip + 2] = (code[ip + 2] << 1) | 1;
              ip = arg << 2;
            } else {
              code[ip + 2] <<= 1;
              ip += 4 /* IW */;
            }
            continue;

          // ---- iteration
          case 145 /* SOp.FOR_ITER_RANGE */: {
            // range iterator: next, stop, step (small ints) at +16, +24, +32
            const it = sp - 8;
            if (U32[(it >> 2) + 1] === HI_REF) {
              const r = U32[it >> 2];
              const w = r >> 2;
              if (
                U32[w] === 25 /* T_RANGE_ITER */ && U32[w + 5] === HI_INT &&
                U32[w + 7] === HI_INT &&
                U32[w + 9] === HI_INT
              ) {
                // All three non-negative and below 2^32 (the common case): plain uint32 math.
                const v = U32[w + 4], stop = U32[w + 6];
                if (v >= stop) {
                  sp -= 8;
                  ip = arg << 2;
                  continue;
                }
                const nv = v + U32[w + 8];
                if (nv <= 0xffffffff) {
                  U32[w + 4] = nv;
                  ip += 4 /* IW */;
                  if (code[ip] === 8 /* Op.STORE_FAST */) {
                    // FOR_ITER STORE_FAST: the item goes straight to the local
                    if (counting) executions[8]++;
                    const l = locals + 8 * code[ip + 1];
                    U32[l >> 2] = v;
                    U32[(l >> 2) + 1] = HI_INT;
                    ip += 4 /* IW */;
                    continue;
                  }
                  U32[sp >> 2] = v;
                  U32[(sp >> 2) + 1] = HI_INT;
                  sp += 8;
                  continue;
                }
              }
            }
            deopt(ci, ip);
            continue;
          }
          case 146 /* SOp.FOR_ITER_LIST */:
          case 154 /* SOp.FOR_ITER_TUPLE */: {
            // list/tuple iterator: index at +16, sequence word at +24 (None once exhausted)
            const it = sp - 8;
            if (U32[(it >> 2) + 1] === HI_REF) {
              const r = U32[it >> 2];
              const w = r >> 2;
              if (U32[w] === (op === 146 ? 23 /* T_LIST_ITER */ : 24 /* T_TUPLE_ITER */)) {
                if (U32[w + 7] !== HI_REF) {
                  sp -= 8;
                  ip = arg << 2;
                  continue;
                }
                const seq = U32[w + 6];
                const i = U32[w + 4];
                const n = op === 146
                  ? U32[(seq + 16 /* LIST_LEN */) >> 2]
                  : (U32[(seq >> 2) + 1] - 16 /* TUPLE_ITEMS */) >> 3;
                if (i >= n) {
                  U32[w + 6] = 0;
                  U32[w + 7] = HI_NONE;
                  sp -= 8;
                  ip = arg << 2;
                  continue;
                }
                const item = op === 146
                  ? U32[(seq + 24 /* LIST_ITEMS */) >> 2] + 16 /* VALUES_START */ + 8 * i
                  : seq + 16 /* TUPLE_ITEMS */ + 8 * i;
                U32[w + 4] = i + 1;
                ip += 4 /* IW */;
                if (code[ip] === 8 /* Op.STORE_FAST */) {
                  if (counting) executions[8]++;
                  copyWord(U32, locals + 8 * code[ip + 1], item);
                  ip += 4 /* IW */;
                  continue;
                }
                copyWord(U32, sp, item);
                sp += 8;
                continue;
              }
            }
            deopt(ci, ip);
            continue;
          }
          case 46 /* Op.FOR_ITER */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            const it = sp - 8;
            if (U32[(it >> 2) + 1] === HI_REF && ready(code, ip)) {
              const t = U32[U32[it >> 2] >> 2];
              if (t === 25 /* T_RANGE_ITER */) specialize(code, ip, SOp.FOR_ITER_RANGE);
              else if (t === 23 /* T_LIST_ITER */) specialize(code, ip, SOp.FOR_ITER_LIST);
              else if (t === 24 /* T_TUPLE_ITER */) specialize(code, ip, SOp.FOR_ITER_TUPLE);
            }
            if (interpHooks.forIterFast !== null) {
              const r = interpHooks.forIterFast(it, sp);
              if (r === 1) {
                sp += 8;
                ip += 4 /* IW */;
                continue;
              }
              if (r === 0) {
                sp -= 8;
                ip = arg << 2;
                continue;
              }
            }
            if (iterNext(it, sp)) {
              sp += 8;
              ip += 4 /* IW */;
            } else {
              sp -= 8;
              ip = arg << 2;
            }
            continue;
          }

          // ---- building
          case 47 /* Op.BUILD_TUPLE */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            const base = sp - 8 * arg;
            const t = tupleFrom(base, arg);
            W.setRef(base, t);
            sp = base + 8;
            ip += 4 /* IW */;
            continue;
          }
          case 52 /* Op.LIST_APPEND */:
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            sp -= 8;
            listAppend(W.getRef(sp - 8 * arg), sp);
            ip += 4 /* IW */;
            continue;
          case 64 /* Op.RETURN_VALUE */: {
            sp -= 8;
            const flags = U32[(fp + 28 /* F_FLAGS */) >> 2];
            const out = I32[(fp + 40 /* F_RESULT */) >> 2];
            if (flags & 1 /* FRAME_INIT */) {
              if (!W.isNone(sp)) {
                U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                throw typeError(
                  `__init__() should return None, not '${types[typeIndexOf(sp)].name}'`,
                );
              }
            } else if (out !== 0) copyWord(U32, out, sp);
            // pop the frame (frames.ts popFrame)
            frameState.current = U32[(fp + 8 /* F_PREV */) >> 2];
            frameState.top = fp;
            if (flags & 2 /* FRAME_ENTRY */) return true;
            fp = frameState.current;
            ci = codes[U32[(fp + 0 /* F_CODE */) >> 2]];
            code = ci.code.code;
            ip = (I32[(fp + 4 /* F_IP */) >> 2] << 2) + 4 /* IW */;
            locals = fp + 48 /* FRAME_HEADER */;
            sp = out + 8;
            consts = ci.consts + 16 /* TUPLE_ITEMS */;
            names = ci.names;
            continue;
          }
          case 147 /* SOp.CALL_PY_EXACT_ARGS */:
          case 166 /* SOp.CALL_PY_SIMPLE */: {
            // CALL_PY_SIMPLE: any function whose arguments need no binding (a polymorphic site)
            const base = sp - 8 * (arg + 2);
            if (U32[(base >> 2) + 1] === HI_REF) {
              const r = U32[base >> 2];
              if (
                U32[r >> 2] === 15 /* T_FUNCTION */ &&
                (op === 166 || U32[(r + 20 /* FUNC_VERSION */) >> 2] === code[ip + 2])
              ) {
                const withSelf = U32[((base + 8) >> 2) + 1] !== HI_NULL;
                const nargs = withSelf ? arg + 1 : arg;
                const callee = codes[U32[(r + 16 /* FUNC_CODE */) >> 2]];
                if (nargs === callee.simpleArgcount) {
                  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                  U32[(fp + 20 /* F_SP */) >> 2] = sp;
                  // push the frame (pushSimpleFrame, inline: V8 does not inline it here)
                  const f = frameState.top;
                  const depth = U32[(fp + 44 /* F_DEPTH */) >> 2] + 1;
                  const n = callee.nlocalsplus;
                  if (
                    depth > frameState.recursionLimit ||
                    f + callee.frameBytes > FRAME_STACK_END
                  ) {
                    pushSimpleFrame(r, callee, base + 16, nargs, base, fp); // throws
                  }
                  const fi = f >> 2;
                  U32[fi] = callee.index; // F_CODE
                  U32[fi + 1] = 0; // F_IP
                  U32[fi + 2] = fp; // F_PREV
                  U32[fi + 3] = U32[(r + 24 /* FUNC_GLOBALS */) >> 2]; // F_GLOBALS
                  U32[fi + 4] = r; // F_FUNC
                  U32[fi + 6] = U32[(fp + 24 /* F_BUILTINS */) >> 2]; // F_BUILTINS
                  U32[fi + 7] = 0; // F_FLAGS
                  U32[fi + 8] = 0; // F_LOCALS_DICT
                  U32[fi + 9] = n; // F_NLOCALSPLUS
                  U32[fi + 10] = base; // F_RESULT
                  U32[fi + 11] = depth; // F_DEPTH
                  const lw = fi + 12, aw = (withSelf ? base + 8 : base + 16) >> 2;
                  for (let k = 0; k < 2 * nargs; k++) U32[lw + k] = U32[aw + k];
                  for (let k = nargs; k < n; k++) {
                    U32[lw + 2 * k] = 0;
                    U32[lw + 2 * k + 1] = HI_NULL;
                  }
                  const fsp = f + 48 /* FRAME_HEADER */ + 8 * n;
                  U32[fi + 5] = fsp; // F_SP
                  frameState.top = f + callee.frameBytes;
                  frameState.current = f;
                  fp = f;
                  ci = callee;
                  code = ci.code.code;
                  ip = 0;
                  if (
                    code[0] === 1 /* Op.RESUME */ && yieldBudget > 1 && !gcState.due &&
                    !gcState.stress && interpHooks.onSafepoint === null &&
                    (interpHooks.jit === null || ++code[2] < interpHooks.jit.threshold)
                  ) {
                    // the callee's RESUME has nothing to do: skip its dispatch
                    if (counting) executions[1]++;
                    yieldBudget--;
                    ip = 4 /* IW */;
                  }
                  locals = f + 48 /* FRAME_HEADER */;
                  sp = fsp;
                  consts = ci.consts + 16 /* TUPLE_ITEMS */;
                  names = ci.names;
                  continue;
                }
              }
            }
            if (op === 147 && callPySimpleFits(base, arg)) {
              // another function at this site: stop checking the version
              specialize(code, ip, SOp.CALL_PY_SIMPLE);
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 155 /* SOp.CALL_ALLOC_AND_ENTER_INIT */: {
            // C(args) for a class whose __init__ is a simple Python function: allocate the
            // instance and enter __init__ with it as self (cache0 = class version, cache1 = class).
            const base = sp - 8 * (arg + 2);
            if (U32[(base >> 2) + 1] === HI_REF && U32[((base + 8) >> 2) + 1] === HI_NULL) {
              const tr = U32[base >> 2];
              const ct = code[ip + 3];
              if (
                U32[tr >> 2] === 2 /* T_TYPE */ && U32[(tr + 16 /* TYPE_INDEX */) >> 2] === ct &&
                types[ct].version === code[ip + 2]
              ) {
                const init = W.getRef(initOf(ct));
                const callee = codes[U32[(init + 16 /* FUNC_CODE */) >> 2]];
                if (callee.simpleArgcount === arg + 1) {
                  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                  U32[(fp + 20 /* F_SP */) >> 2] = sp;
                  const inst = newInstance(ct);
                  U32[base >> 2] = inst; // the result: RETURN_VALUE of an init frame keeps it
                  U32[(base + 8) >> 2] = inst;
                  U32[((base + 8) >> 2) + 1] = HI_REF;
                  const f = pushSimpleFrame(init, callee, base + 8, arg + 1, base, fp);
                  U32[(f + 28 /* F_FLAGS */) >> 2] = 1 /* FRAME_INIT */;
                  fp = f;
                  ci = callee;
                  code = ci.code.code;
                  ip = 0;
                  locals = f + 48 /* FRAME_HEADER */;
                  sp = I32[(f + 20 /* F_SP */) >> 2];
                  consts = ci.consts + 16 /* TUPLE_ITEMS */;
                  names = ci.names;
                  continue;
                }
              }
            }
            deopt(ci, ip);
            continue;
          }
          case 65 /* Op.CALL */:
          case 66 /* Op.CALL_KW */:
          case 67 /* Op.CALL_FUNCTION_EX */: {
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            U32[(fp + 20 /* F_SP */) >> 2] = sp;
            let nargs: number, kwnames = 0, base: number;
            if (op === Op.CALL_FUNCTION_EX) {
              // callable self_or_null args_tuple [kwargs]
              const hasKw = (arg & 1) !== 0;
              const top = hasKw ? sp - 8 : sp;
              const tupleSlot = top - 8;
              base = tupleSlot - 16;
              sp = expandCallEx(base, tupleSlot, hasKw ? sp - 8 : 0);
              nargs = (sp - (base + 16)) / 8;
              kwnames = lastKwnames;
              lastKwnames = 0;
            } else {
              nargs = arg;
              if (op === Op.CALL_KW) {
                sp -= 8;
                kwnames = W.getRef(sp);
              }
              base = sp - 8 * (nargs + 2);
            }
            // base: callable, base+8: self_or_null, base+16: args
            const callable = base;
            let args = base + 16;
            if (!W.isNull(base + 8)) {
              args = base + 8;
              nargs++;
            }
            let r = W.isRef(callable) ? W.getRef(callable) : 0;
            let t = r === 0 ? -1 : U32[r >> 2];
            if (t === 16 /* T_METHOD */ && args === base + 16) {
              copyWord(U32, base + 8, r + 24 /* METHOD_SELF */);
              copyWord(U32, base, r + 16 /* METHOD_FUNC */);
              args = base + 8;
              nargs++;
              r = W.getRef(base);
              t = U32[r >> 2];
            }
            if (t === 15 /* T_FUNCTION */) {
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              if (
                op === Op.CALL && kwnames === 0 && U32[callable >> 2] === r &&
                codes[U32[(r + 16 /* FUNC_CODE */) >> 2]].simpleArgcount === nargs &&
                ready(code, ip)
              ) {
                specialize(code, ip, SOp.CALL_PY_EXACT_ARGS);
                code[ip + 2] = U32[(r + 20 /* FUNC_VERSION */) >> 2];
              }
              const f = enterFunctionFast(r, args, nargs, kwnames, base);
              fp = f;
              ci = codes[U32[(fp + 0 /* F_CODE */) >> 2]];
              code = ci.code.code;
              ip = 0;
              locals = fp + 48 /* FRAME_HEADER */;
              sp = I32[(fp + 20 /* F_SP */) >> 2];
              consts = ci.consts + 16 /* TUPLE_ITEMS */;
              names = ci.names;
              continue;
            }
            if (t === 17 /* T_BUILTIN */) {
              if (
                op === Op.CALL && kwnames === 0 && args === base + 16 &&
                W.isNull(r + 24 /* BUILTIN_SELF */) &&
                ready(code, ip)
              ) {
                specialize(code, ip, SOp.CALL_BUILTIN);
                code[ip + 2] = U32[(r + 16 /* BUILTIN_INDEX */) >> 2];
              }
              if (!W.isNull(r + 24 /* BUILTIN_SELF */) && args === base + 16) {
                copyWord(U32, base + 8, r + 24 /* BUILTIN_SELF */);
                args = base + 8;
                nargs++;
              }
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              builtinTable[U32[(r + 16 /* BUILTIN_INDEX */) >> 2]].fn(args, nargs, kwnames, base);
              sp = base + 8;
              ip += 4 /* IW */;
              continue;
            }
            if (t === 2 /* T_TYPE */) {
              const ct = typeIndexOfTypeRef(r);
              const info = types[ct];
              if (info.isClass) {
                const init = initOf(ct);
                if (
                  op === Op.CALL && kwnames === 0 && args === base + 16 && !info.isException &&
                  init !== 0 && W.isRef(init) && U32[W.getRef(init) >> 2] === 15 /* T_FUNCTION */ &&
                  codes[U32[(W.getRef(init) + 16 /* FUNC_CODE */) >> 2]].simpleArgcount ===
                    nargs + 1 &&
                  ready(code, ip)
                ) {
                  specialize(code, ip, SOp.CALL_ALLOC_AND_ENTER_INIT);
                  code[ip + 2] = info.version;
                  code[ip + 3] = ct;
                }
                const inst = newInstanceFor(ct, args, nargs, kwnames);
                if (
                  init !== 0 && W.isRef(init) && U32[W.getRef(init) >> 2] === 15 /* T_FUNCTION */
                ) {
                  // self goes in front of the arguments; the instance stays in the callable slot
                  if (args === base + 8) {
                    throw typeError("unexpected self for a class call");
                  }
                  W.setRef(base, inst);
                  W.setRef(base + 8, inst);
                  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                  U32[(fp + 20 /* F_SP */) >> 2] = sp;
                  const f = enterFunctionFast(W.getRef(init), base + 8, nargs + 1, kwnames, base);
                  U32[(f + 28 /* F_FLAGS */) >> 2] |= 1 /* FRAME_INIT */;
                  fp = f;
                  ci = codes[U32[(fp + 0 /* F_CODE */) >> 2]];
                  code = ci.code.code;
                  ip = 0;
                  locals = fp + 48 /* FRAME_HEADER */;
                  sp = I32[(fp + 20 /* F_SP */) >> 2];
                  consts = ci.consts + 16 /* TUPLE_ITEMS */;
                  names = ci.names;
                  continue;
                }
                W.setRef(base + 8, inst);
                U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
                if (init !== 0) {
                  const res = sp;
                  callFromTS(init, base + 8, nargs + 1, kwnames, res);
                } else if (nargs > 0) throw typeError(`${info.name}() takes no arguments`);
                W.setRef(base, inst);
                sp = base + 8;
                ip += 4 /* IW */;
                continue;
              }
            }
            U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
            callFromTS(callable, args, nargs, kwnames, base);
            sp = base + 8;
            ip += 4 /* IW */;
            continue;
          }
          case 150 /* SOp.BINARY_OP_ADD_STR */: {
            const a = sp - 16, b = sp - 8;
            if (
              U32[(a >> 2) + 1] === HI_REF && U32[(b >> 2) + 1] === HI_REF &&
              U32[U32[a >> 2] >> 2] === 7 /* T_STR */ && U32[U32[b >> 2] >> 2] === 7 /* T_STR */
            ) {
              U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
              U32[(fp + 20 /* F_SP */) >> 2] = sp;
              U32[a >> 2] = strConcat(U32[a >> 2], U32[b >> 2]);
              sp -= 8;
              ip += 4 /* IW */;
              continue;
            }
            deopt(ci, ip);
            continue;
          }
          case 34 /* Op.UNARY_NOT */:
            if (U32[((sp - 8) >> 2) + 1] === HI_BOOL) {
              U32[(sp - 8) >> 2] ^= 1;
              ip += 4 /* IW */;
              continue;
            }
            slowOp(fp, ci, ip, sp, op, arg);
            ip = I32[(fp + 4 /* F_IP */) >> 2] << 2;
            sp = I32[(fp + 20 /* F_SP */) >> 2];
            continue;
          case 38 /* Op.CONTAINS_OP */: {
            const k = sp - 16, c = sp - 8;
            if (U32[(c >> 2) + 1] === HI_REF && U32[(k >> 2) + 1] === HI_REF) {
              // str in dict (sets have their own table layout, set.ts)
              const r = U32[c >> 2];
              if (U32[r >> 2] === 10 /* T_DICT */ && U32[U32[k >> 2] >> 2] === 7 /* T_STR */) {
                const found = lookupStr(r, U32[k >> 2]) >= 0;
                U32[k >> 2] = found !== (arg === 1) ? 1 : 0;
                U32[(k >> 2) + 1] = HI_BOOL;
                sp -= 8;
                ip += 4 /* IW */;
                continue;
              }
            }
            slowOp(fp, ci, ip, sp, op, arg);
            ip = I32[(fp + 4 /* F_IP */) >> 2] << 2;
            sp = I32[(fp + 20 /* F_SP */) >> 2];
            continue;
          }
          default:
            // Everything else runs in slowOp (a smaller dispatch switch compiles better).
            slowOp(fp, ci, ip, sp, op, arg);
            ip = I32[(fp + 4 /* F_IP */) >> 2] << 2;
            sp = I32[(fp + 20 /* F_SP */) >> 2];
            continue;
        }
      }
    }
  }
}

/**
 * Find a handler for a thrown exception: in the current frame (at its saved F_IP), else pop frames
 * until one has a handler, and leave that frame ready to resume there. Rethrows when the
 * exception leaves the frame that the innermost `run` entered.
 */
/**
 * The less frequent instructions, out of the hot dispatch switch. Runs with the frame's state
 * saved (F_IP = this instruction, F_SP) and leaves F_IP/F_SP at the continuation.
 */
function slowOp(fp: number, ci: CodeInfo, ip: number, sp: number, op: number, arg: number): void {
  const U32 = u32;
  const code = ci.code.code;
  const locals = fp + 48 /* FRAME_HEADER */;
  const consts = ci.consts + 16 /* TUPLE_ITEMS */;
  const names = ci.names;
  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
  U32[(fp + 20 /* F_SP */) >> 2] = sp;
  // `continue` in a case ends the instruction (it leaves this one-pass loop).
  do {
    switch (op) {
      case 9 /* Op.DELETE_FAST */: {
        const a = locals + 8 * arg;
        if (W.isNull(a)) throw unboundLocal(ci.code.localsplusNames[arg]);
        W.setNull(a);
        ip += 4 /* IW */;
        continue;
      }
      case 10 /* Op.LOAD_GLOBAL */: {
        const g = U32[(fp + 12 /* F_GLOBALS */) >> 2];
        const name = names[arg];
        let ix = lookupStr(g, name);
        if (ix >= 0) {
          copyWord(U32, sp, entryAddr(g, ix) + 16);
          code[ip] = SOp.LOAD_GLOBAL_MODULE;
          code[ip + 2] = dictVersion(g);
          code[ip + 3] = ix;
        } else {
          const b = U32[(fp + 24 /* F_BUILTINS */) >> 2];
          ix = lookupStr(b, name);
          if (ix < 0) throw pyError(E.NameError, `name '${strValue(name)}' is not defined`);
          copyWord(U32, sp, entryAddr(b, ix) + 16);
          code[ip] = SOp.LOAD_GLOBAL_BUILTIN;
          code[ip + 2] = dictVersion(g);
          code[ip + 3] = ix;
        }
        if (specStats.enabled) countStat(specStats.specialized, code[ip]);
        sp += 8;
        ip += 4 /* IW */;
        continue;
      }
      case 11 /* Op.STORE_GLOBAL */:
        sp -= 8;
        dictSetStr(U32[(fp + 12 /* F_GLOBALS */) >> 2], names[arg], sp);
        ip += 4 /* IW */;
        continue;
      case 12 /* Op.DELETE_GLOBAL */: {
        const s = tempPush(1);
        W.setRef(s, names[arg]);
        const ok = dictDelete(U32[(fp + 12 /* F_GLOBALS */) >> 2], s);
        tempPopTo(s);
        if (!ok) throw pyError(E.NameError, `name '${strValue(names[arg])}' is not defined`);
        ip += 4 /* IW */;
        continue;
      }
      case 13 /* Op.LOAD_NAME */: {
        const name = names[arg];
        const ld = U32[(fp + 32 /* F_LOCALS_DICT */) >> 2];
        let a = ld !== 0 ? dictGetStrAddr(ld, name) : 0;
        if (a === 0) a = dictGetStrAddr(U32[(fp + 12 /* F_GLOBALS */) >> 2], name);
        if (a === 0) a = dictGetStrAddr(U32[(fp + 24 /* F_BUILTINS */) >> 2], name);
        if (a === 0) throw pyError(E.NameError, `name '${strValue(name)}' is not defined`);
        copyWord(U32, sp, a);
        sp += 8;
        ip += 4 /* IW */;
        continue;
      }
      case 14 /* Op.STORE_NAME */: {
        sp -= 8;
        const ld = U32[(fp + 32 /* F_LOCALS_DICT */) >> 2];
        dictSetStr(ld !== 0 ? ld : U32[(fp + 12 /* F_GLOBALS */) >> 2], names[arg], sp);
        ip += 4 /* IW */;
        continue;
      }
      case 15 /* Op.DELETE_NAME */: {
        const ld = U32[(fp + 32 /* F_LOCALS_DICT */) >> 2];
        const s = tempPush(1);
        W.setRef(s, names[arg]);
        const ok = dictDelete(ld !== 0 ? ld : U32[(fp + 12 /* F_GLOBALS */) >> 2], s);
        tempPopTo(s);
        if (!ok) throw pyError(E.NameError, `name '${strValue(names[arg])}' is not defined`);
        ip += 4 /* IW */;
        continue;
      }
      case 16 /* Op.MAKE_CELL */: {
        const a = locals + 8 * arg;
        const c = newCell(W.isNull(a) ? 0 : a);
        W.setRef(a, c);
        ip += 4 /* IW */;
        continue;
      }
      case 19 /* Op.DELETE_DEREF */: {
        const c = W.getRef(locals + 8 * arg);
        if (W.isNull(c + 16 /* CELL_VALUE */)) throw unboundDeref(ci.code, arg);
        W.setNull(c + 16 /* CELL_VALUE */);
        ip += 4 /* IW */;
        continue;
      }
      case 20 /* Op.LOAD_CLOSURE */:
        copyWord(U32, sp, locals + 8 * arg);
        sp += 8;
        ip += 4 /* IW */;
        continue;
      case 21 /* Op.COPY_FREE_VARS */: {
        const closure = U32[(U32[(fp + 16 /* F_FUNC */) >> 2] + FUNC_CLOSURE) >> 2];
        const n = ci.code.localsplusNames.length;
        for (let k = 0; k < arg; k++) {
          copyWord(U32, locals + 8 * (n - arg + k), tupleItem(closure, k));
        }
        ip += 4 /* IW */;
        continue;
      }
      case 22 /* Op.LOAD_CLASSDEREF */: {
        const ld = U32[(fp + 32 /* F_LOCALS_DICT */) >> 2];
        const a = ld !== 0 ? dictGetStrAddr(ld, intern(ci.code.localsplusNames[arg])) : 0;
        if (a !== 0) copyWord(U32, sp, a);
        else {
          const c = W.getRef(locals + 8 * arg);
          if (W.isNull(c + 16 /* CELL_VALUE */)) throw unboundDeref(ci.code, arg);
          copyWord(U32, sp, c + 16 /* CELL_VALUE */);
        }
        sp += 8;
        ip += 4 /* IW */;
        continue;
      }

      // ---- attributes
      case 26 /* Op.DELETE_ATTR */:
        delAttr(sp - 8, names[arg]);
        sp -= 8;
        ip += 4 /* IW */;
        continue;

      // ---- subscripts
      case 29 /* Op.DELETE_SUBSCR */:
        delItem(sp - 16, sp - 8);
        sp -= 16;
        ip += 4 /* IW */;
        continue;
      case 30 /* Op.BUILD_SLICE */: {
        const n = arg;
        const base = sp - 8 * n;
        const s = interpHooks.newSlice(base, base + 8, n === 3 ? base + 16 : 0);
        W.setRef(base, s);
        sp = base + 8;
        ip += 4 /* IW */;
        continue;
      }

      // ---- arithmetic
      case 32 /* Op.UNARY_NEGATIVE */:
        unaryNegative(sp - 8, sp - 8);
        ip += 4 /* IW */;
        continue;
      case 33 /* Op.UNARY_POSITIVE */:
        unaryPositive(sp - 8, sp - 8);
        ip += 4 /* IW */;
        continue;
      case 35 /* Op.UNARY_INVERT */:
        unaryInvert(sp - 8, sp - 8);
        ip += 4 /* IW */;
        continue;
      case 34 /* Op.UNARY_NOT */:
        W.setBool(sp - 8, !truthy(sp - 8));
        ip += 4 /* IW */;
        continue;
      case 38 /* Op.CONTAINS_OP */: {
        const r = contains(sp - 8, sp - 16);
        W.setBool(sp - 16, r !== (arg === 1));
        sp -= 8;
        ip += 4 /* IW */;
        continue;
      }

      // ---- control flow
      case 45 /* Op.GET_ITER */:
        getIter(sp - 8, sp - 8);
        ip += 4 /* IW */;
        continue;
      case 48 /* Op.BUILD_LIST */: {
        const base = sp - 8 * arg;
        const l = listFrom(base, arg);
        W.setRef(base, l);
        sp = base + 8;
        ip += 4 /* IW */;
        continue;
      }
      case 49 /* Op.BUILD_SET */: {
        const base = sp - 8 * arg;
        const s = interpHooks.newSetFrom(base, arg);
        W.setRef(base, s);
        sp = base + 8;
        ip += 4 /* IW */;
        continue;
      }
      case 50 /* Op.BUILD_MAP */: {
        const base = sp - 16 * arg;
        const d = newDict(10, /* T_DICT */ arg);
        for (let k = 0; k < arg; k++) dictSet(d, base + 16 * k, base + 16 * k + 8);
        W.setRef(base, d);
        sp = base + 8;
        ip += 4 /* IW */;
        continue;
      }
      case 51 /* Op.BUILD_STRING */: {
        const base = sp - 8 * arg;
        let s = "";
        for (let k = 0; k < arg; k++) s += strValue(W.getRef(base + 8 * k));
        W.setRef(base, newStr(s));
        sp = base + 8;
        ip += 4 /* IW */;
        continue;
      }
      case 53 /* Op.SET_ADD */:
        sp -= 8;
        interpHooks.setAdd(W.getRef(sp - 8 * arg), sp);
        ip += 4 /* IW */;
        continue;
      case 54 /* Op.MAP_ADD */:
        sp -= 16;
        dictSet(W.getRef(sp - 8 * arg), sp, sp + 8);
        ip += 4 /* IW */;
        continue;
      case 55 /* Op.LIST_EXTEND */:
        sp -= 8;
        interpHooks.listExtend(W.getRef(sp - 8 * arg), sp);
        ip += 4 /* IW */;
        continue;
      case 56 /* Op.SET_UPDATE */:
        sp -= 8;
        interpHooks.setUpdate(W.getRef(sp - 8 * arg), sp);
        ip += 4 /* IW */;
        continue;
      case 57 /* Op.DICT_UPDATE */:
        sp -= 8;
        interpHooks.dictUpdate(W.getRef(sp - 8 * arg), sp, false, 0);
        ip += 4 /* IW */;
        continue;
      case 58 /* Op.DICT_MERGE */:
        sp -= 8;
        interpHooks.dictUpdate(W.getRef(sp - 8 * arg), sp, true, sp - 8 * (arg + 2));
        ip += 4 /* IW */;
        continue;
      case 59 /* Op.LIST_TO_TUPLE */: {
        const l = W.getRef(sp - 8);
        W.setRef(sp - 8, tupleFrom(listItems(l), listLen(l)));
        ip += 4 /* IW */;
        continue;
      }
      case 60 /* Op.UNPACK_SEQUENCE */:
        sp = unpackSequence(sp, arg);
        ip += 4 /* IW */;
        continue;
      case 61 /* Op.UNPACK_EX */:
        sp = unpackEx(sp, arg & 0xff, arg >> 8);
        ip += 4 /* IW */;
        continue;
      case 62 /* Op.FORMAT_VALUE */: {
        let spec = "";
        if (arg & 4) {
          sp -= 8;
          spec = strValue(W.getRef(sp));
        }
        const v = sp - 8;
        const conv = arg & 3;
        let s: string;
        if (conv === 1) s = strOf(v);
        else if (conv === 2) s = reprOf(v);
        else if (conv === 3) s = asciiOf(reprOf(v));
        else s = spec === "" ? strOf(v) : formatValue(v, spec);
        if (conv !== 0 && spec !== "") {
          W.setRef(v, newStr(s));
          s = formatValue(v, spec);
        }
        W.setRef(v, newStr(s));
        ip += 4 /* IW */;
        continue;
      }

      // ---- functions and calls
      case 63 /* Op.MAKE_FUNCTION */: {
        sp -= 8;
        const codeRef = W.getRef(sp);
        let closure = 0, kwdefaults = 0, defaults = 0;
        if (arg & 0x08) closure = W.getRef(sp -= 8);
        if (arg & 0x02) kwdefaults = W.getRef(sp -= 8);
        if (arg & 0x01) defaults = W.getRef(sp -= 8);
        const fn = newFunction(
          codeIndexOfRef(codeRef),
          U32[(fp + 12 /* F_GLOBALS */) >> 2],
          defaults,
          kwdefaults,
          closure,
        );
        W.setRef(sp, fn);
        sp += 8;
        ip += 4 /* IW */;
        continue;
      }
      case 68 /* Op.LOAD_BUILD_CLASS */:
        W.setRef(sp, interpHooks.buildClass);
        sp += 8;
        ip += 4 /* IW */;
        continue;

      // ---- exceptions
      case 69 /* Op.RAISE_VARARGS */: {
        if (arg === 0) {
          if (W.isNone(handledSlot)) {
            throw pyError(E.RuntimeError, "No active exception to reraise");
          }
          throw new PyExc(W.getRef(handledSlot));
        }
        if (arg === 2) {
          sp -= 8;
          const exc = makeRaisable(sp - 8);
          const cs = sp;
          if (!W.isNone(cs)) {
            const cause = makeRaisable(cs);
            W.setRef(cs, cause);
          }
          setInstanceAttr(exc, N_CAUSE(), cs);
          W.setBool(cs, true);
          setInstanceAttr(exc, N_SUPPRESS(), cs);
          throw new PyExc(exc);
        }
        throw new PyExc(makeRaisable(sp - 8));
      }
      case 70 /* Op.PUSH_EXC_INFO */: {
        copyWord(U32, sp, sp - 8);
        copyWord(U32, sp - 8, handledSlot);
        copyWord(U32, handledSlot, sp);
        sp += 8;
        ip += 4 /* IW */;
        continue;
      }
      case 71 /* Op.POP_EXCEPT */:
        sp -= 8;
        copyWord(U32, handledSlot, sp);
        ip += 4 /* IW */;
        continue;
      case 72 /* Op.CHECK_EXC_MATCH */: {
        const ok = excMatches(sp - 16, sp - 8);
        W.setBool(sp - 8, ok);
        ip += 4 /* IW */;
        continue;
      }
      case 73 /* Op.RERAISE */: {
        sp -= 8;
        const exc = W.getRef(sp);
        // The handler search starts from this RERAISE, not from the restored lasti (which
        // only matters for f_lasti); the traceback already holds this frame.
        reraising = true;
        throw new PyExc(exc);
      }
      case 74 /* Op.LOAD_ASSERTION_ERROR */:
        W.setRef(sp, types[E.AssertionError].ref);
        sp += 8;
        ip += 4 /* IW */;
        continue;
      case 75 /* Op.IMPORT_NAME */: {
        sp -= 8;
        const m = importModule(strValue(names[arg]));
        W.setRef(sp - 8, m);
        ip += 4 /* IW */;
        continue;
      }
      case 76 /* Op.IMPORT_FROM */: {
        const m = sp - 8;
        if (!getAttrOrFalse(m, names[arg], sp)) {
          throw pyError(
            E.ImportError,
            `cannot import name '${strValue(names[arg])}' from '${
              interpHooks.moduleName(m)
            }' (unknown location)`,
          );
        }
        sp += 8;
        ip += 4 /* IW */;
        continue;
      }
      case 77 /* Op.IMPORT_STAR */:
        sp -= 8;
        interpHooks.importStar(sp, U32[(fp + 12 /* F_GLOBALS */) >> 2]);
        ip += 4 /* IW */;
        continue;
      default:
        throw pyError(E.SystemError ?? E.RuntimeError, `unknown opcode ${op}`);
    }
  } while (false);
  U32[(fp + 4 /* F_IP */) >> 2] = ip >> 2;
  U32[(fp + 20 /* F_SP */) >> 2] = sp;
  void code;
  void locals;
  void consts;
  void names;
}

function unwind(e0: unknown): void {
  const e = toPyExc(e0);
  const exc = e.ref;
  let fp = frameState.current;
  for (;;) {
    const ci = codes[u32[(fp + F_CODE) >> 2]];
    const k = u32[(fp + F_IP) >> 2];
    if (!reraising) {
      try {
        addTraceback(exc, ci.index, ci.code.lines[k] ?? -1);
        linkContext(exc);
      } catch (oom) {
        if (!(oom instanceof OutOfMemory)) throw oom; // best effort when the heap is full
      }
    }
    reraising = false;
    const h = ci.code.handlerFor(k);
    if (h !== null) {
      let sp = fp + FRAME_HEADER + 8 * ci.code.localsplusNames.length + 8 * h.depth;
      if (h.lasti) {
        W.setInt(sp, k);
        sp += 8;
      }
      W.setRef(sp, exc);
      sp += 8;
      u32[(fp + F_IP) >> 2] = h.target;
      u32[(fp + F_SP) >> 2] = sp;
      return;
    }
    const flags = u32[(fp + F_FLAGS) >> 2];
    popFrame(fp);
    if (flags & FRAME_ENTRY) throw e;
    fp = frameState.current;
  }
}

/** The small int in slot a (caller checked the tag); the common 32-bit cases first. */
function intAt(U: Uint32Array, I: Int32Array, a: number): number {
  const i = a >> 2;
  const hi = U[i + 1];
  if (hi === 0xfff90000) return U[i];
  if (hi === 0xfff9ffff && I[i] < 0) return I[i];
  return ((hi << 16) >> 16) * 4294967296 + U[i];
}

/** Store small int n (an integer in the 48-bit range) into slot a. */
function setIntAt(U: Uint32Array, I: Int32Array, a: number, n: number): void {
  const i = a >> 2;
  if ((n | 0) === n) {
    I[i] = n;
    U[i + 1] = n < 0 ? 0xfff9ffff : 0xfff90000;
  } else {
    U[i] = n >>> 0;
    U[i + 1] = (0xfff90000 | (Math.floor(n / 4294967296) & 0xffff)) >>> 0;
  }
}

/**
 * Address of item k of the list or tuple (type t) in slot c, where k is a small int (negative
 * indexes wrap); 0 when c is not of type t, k is not a small int, or k is out of range.
 */
function indexedItem(U: Uint32Array, I: Int32Array, c: number, k: number, t: number): number {
  if (U[(c >> 2) + 1] !== 0xfffc0000 || U[(k >> 2) + 1] >>> 16 !== 0xfff9) return 0;
  const r = U[c >> 2];
  if (U[r >> 2] !== t) return 0;
  let i = intAt(U, I, k);
  const n = t === 9 /* T_LIST */
    ? U[(r + 16 /* LIST_LEN */) >> 2]
    : (U[(r >> 2) + 1] - 16 /* TUPLE_ITEMS */) >> 3;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return 0;
  return t === 9 /* T_LIST */
    ? U[(r + 24 /* LIST_ITEMS */) >> 2] + 16 /* VALUES_START */ + 8 * i
    : r + 16 /* TUPLE_ITEMS */ + 8 * i;
}

/**
 * The exact result of small ints `x op y` (op: BINARY_OP_{ADD,SUB,MUL}_INT) left the small-int
 * range. If the next instructions are `(LOAD_CONST | LOAD_FAST) BINARY_OP` pairs with small-int
 * operands (an LCG step `(s * a + c) % m`, a hash `h * k % m`), run them here with exact
 * arithmetic and no heap big int for the intermediates: only the final value is stored (in slot
 * `out`, a heap big int only if it is still outside the range). Returns the offset of the first
 * instruction not run, or -1 when not even one pair applies (the caller runs the generic path).
 * Skipping the instructions is the same as running them: each only reads a constant or a bound
 * local and combines it with the value on top of the stack.
 */
function wideChain(
  code: Int32Array,
  ip: number,
  consts: number,
  locals: number,
  out: number,
  x: number,
  y: number,
  op: number,
  counting: boolean,
): number {
  // Fast path for `x * y (+|-) c) % m` and `x * y % m` with 0 < m <= 2^32, all in doubles.
  let at = ip + 4 /* IW */;
  if (op === 130) {
    let c = 0, sign = 0;
    let k = pairOperand(code, at, consts, locals);
    let bop = k === null ? -1 : pairOp(code, at + 4 /* IW */);
    if (k !== null && (bop === NB_ADD || bop === NB_SUBTRACT)) {
      c = k;
      sign = bop === NB_ADD ? 1 : -1;
      k = pairOperand(code, at + 2 * 4, /* IW */ consts, locals);
      bop = k === null ? -1 : pairOp(code, at + 3 * 4 /* IW */);
    }
    if (k !== null && bop === NB_REMAINDER && k > 0 && k <= 2147483648 && (k & (k - 1)) === 0) {
      // a power-of-two modulus: the low 32 bits of the product are enough (two's complement)
      const low = Math.imul(x >>> 0, y >>> 0) + sign * (c >>> 0);
      const next = at + (sign !== 0 ? 4 : 2) * 4 /* IW */;
      if (counting) countSkipped(code, ip + 4, /* IW */ next);
      setIntAt(u32, i32, out, low & (k - 1));
      return next;
    }
    if (k !== null && bop === NB_REMAINDER && k > 0 && k <= 4294967296) {
      const m = k;
      const xm = floorMod(x, m), ym = floorMod(y, m);
      const yh = Math.floor(ym / 65536), yl = ym - yh * 65536;
      let v = ((xm * yh) % m * 65536 + xm * yl) % m;
      if (sign !== 0) v = floorMod(v + sign * floorMod(c, m), m);
      const next = at + (sign !== 0 ? 4 : 2) * 4 /* IW */;
      if (counting) countSkipped(code, ip + 4, /* IW */ next);
      setIntAt(u32, i32, out, v);
      return next;
    }
  }
  // General case: exact bigint arithmetic, committed after the last pair that applies.
  let v = op === 128
    ? BigInt(x) + BigInt(y)
    : op === 129
    ? BigInt(x) - BigInt(y)
    : BigInt(x) * BigInt(y);
  let steps = 0;
  for (; steps < 8; steps++) {
    const k = pairOperand(code, at, consts, locals);
    if (k === null) break;
    const bop = pairOp(code, at + 4 /* IW */);
    const w = BigInt(k);
    let r: bigint;
    if (bop === NB_ADD) r = v + w;
    else if (bop === NB_SUBTRACT) r = v - w;
    else if (bop === NB_MULTIPLY) r = v * w;
    else if (bop === NB_REMAINDER || bop === NB_FLOOR_DIVIDE) {
      if (k === 0) break;
      let q = v / w, m = v % w;
      if (m !== 0n && (m < 0n) !== (w < 0n)) {
        q -= 1n;
        m += w;
      }
      r = bop === NB_REMAINDER ? m : q;
    } else if (bop === NB_AND) r = v & w;
    else if (bop === NB_OR) r = v | w;
    else if (bop === NB_XOR) r = v ^ w;
    else if (bop === NB_RSHIFT) {
      if (k < 0) break;
      r = v >> w;
    } else break;
    v = r;
    at += 2 * 4 /* IW */;
  }
  if (steps === 0) return -1;
  if (counting) countSkipped(code, ip + 4, /* IW */ at);
  setIntBig(out, v);
  return at;
}

/** The small-int operand of a LOAD_CONST / bound LOAD_FAST at `at`, else null. */
function pairOperand(code: Int32Array, at: number, consts: number, locals: number): number | null {
  const o = code[at];
  const a = o === 6 /* LOAD_CONST */
    ? consts + 8 * code[at + 1]
    : o === 7 /* LOAD_FAST */
    ? locals + 8 * code[at + 1]
    : 0;
  if (a === 0 || u32[(a >> 2) + 1] >>> 16 !== 0xfff9 /* TAG_INT */) return null;
  return intAt(u32, i32, a);
}

/** The (non-inplace) NB_* operator of a BINARY_OP at `at` (generic or int-specialised), or -1. */
function pairOp(code: Int32Array, at: number): number {
  const o = code[at];
  if (o !== 31 /* BINARY_OP */ && o !== 128 && o !== 129 && o !== 130) return -1;
  const nb = code[at + 1];
  return nb >= NB_INPLACE ? nb - NB_INPLACE : nb;
}

/**
 * `a <nb> b` for two small ints and the operators tier 1 does not specialise (%, //, &, |, ^,
 * >>, <<): the result to slot a, or false (nothing written) when the generic path must run
 * (zero divisor, negative or large shift, other operators).
 */
function smallIntOp(U: Uint32Array, I: Int32Array, nb: number, a: number, b: number): boolean {
  const op = nb >= NB_INPLACE ? nb - NB_INPLACE : nb;
  const ai = a >> 2, bi = b >> 2;
  switch (op) {
    case NB_AND: // sign-extended 48-bit payloads: the tag bits survive & and |
      U[ai] = U[ai] & U[bi];
      U[ai + 1] = U[ai + 1] & U[bi + 1];
      return true;
    case NB_OR:
      U[ai] = U[ai] | U[bi];
      U[ai + 1] = U[ai + 1] | U[bi + 1];
      return true;
    case NB_XOR:
      U[ai] = U[ai] ^ U[bi];
      U[ai + 1] = (U[ai + 1] ^ U[bi + 1]) | 0xfff90000;
      return true;
    case NB_REMAINDER:
    case NB_FLOOR_DIVIDE: {
      const x = intAt(U, I, a), y = intAt(U, I, b);
      if (y === 0) return false;
      let r = x % y;
      if (r !== 0 && (r < 0) !== (y < 0)) r += y;
      // x - r is a multiple of y, so the quotient is exact (and -2^47 // -1 = 2^47 overflows)
      const v = op === NB_REMAINDER ? r : (x - r) / y;
      if (v > 140737488355327) return false;
      setIntAt(U, I, a, v === 0 ? 0 : v);
      return true;
    }
    case NB_RSHIFT: {
      const x = intAt(U, I, a), n = intAt(U, I, b);
      if (n < 0) return false;
      setIntAt(U, I, a, n >= 48 ? (x < 0 ? -1 : 0) : Math.floor(x / POW2[n]));
      return true;
    }
    case NB_LSHIFT: {
      const x = intAt(U, I, a), n = intAt(U, I, b);
      if (n < 0 || n > 47) return false;
      const v = x * POW2[n];
      if (v < -140737488355328 || v > 140737488355327) return false;
      setIntAt(U, I, a, v);
      return true;
    }
  }
  return false;
}

/** 2 ** k for k < 64 (Math.pow is a libm call). */
const POW2 = Array.from({ length: 64 }, (_, k) => 2 ** k);

/** Python's floor modulo of an integer-valued double by a positive one (exact). */
function floorMod(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

function countSkipped(code: Int32Array, from: number, to: number): void {
  for (let k = from; k < to; k += 4 /* IW */) executions[code[k]]++;
}

/**
 * The one-character str s[i] (negative i wraps) as a heap ref when s is all BMP and the character
 * is below U+0100 (those strs are cached); 0 otherwise (out of range: the generic path raises).
 */
function strCharAt(r: number, i: number): number {
  if (!strIsBmp(r)) return 0;
  const s = strValue(r);
  if (i < 0) i += s.length;
  if (i < 0 || i >= s.length) return 0;
  const c = s.charCodeAt(i);
  return c < 256 ? charStr(c) : 0;
}

/** Copy one value word (two u32 halves); small enough for V8 to inline anywhere. */
function copyWord(U: Uint32Array, dst: number, src: number): void {
  const d = dst >> 2, s = src >> 2;
  U[d] = U[s];
  U[d + 1] = U[s + 1];
}

/** Truth of the popped value at sp for a conditional jump (may run __bool__ / __len__). */
function truthyAt(fp: number, ip: number, sp: number): boolean {
  u32[(fp + F_IP) >> 2] = ip >> 2;
  u32[(fp + F_SP) >> 2] = sp + 8; // keep the value visible to the GC while __bool__ runs
  return truthy(sp);
}

/** Executions per opcode, counted only under --stats (the check is one predictable branch). */
export const executions = new Float64Array(256);
let countExecutions = false;
export function setCountExecutions(on: boolean): void {
  countExecutions = on;
}

const YIELD_INTERVAL = 20000;
let yieldBudget = YIELD_INTERVAL;

/** Set while a RERAISE propagates, so the frame is not added to the traceback twice. */
let reraising = false;

/** Attach the exception being handled as __context__ of a newly raised one. */
function linkContext(exc: number): void {
  if (W.isNone(handledSlot) || W.getRef(handledSlot) === exc) return;
  const a = instanceAttrAddr(exc, N_CONTEXT());
  if (a !== 0 && W.isNone(a)) setInstanceAttr(exc, N_CONTEXT(), handledSlot);
}

function excMatches(excSlot: number, typeSlot: number): boolean {
  const et = typeIndexOf(excSlot);
  if (!W.isRef(typeSlot)) {
    throw typeError("catching classes that do not inherit from BaseException is not allowed");
  }
  const r = W.getRef(typeSlot);
  const t = u32[r >> 2];
  if (t === T_TUPLE) {
    for (let k = 0; k < tupleLen(r); k++) if (excMatches(excSlot, tupleItem(r, k))) return true;
    return false;
  }
  if (t !== T_TYPE || !types[typeIndexOfTypeRef(r)].isException) {
    throw typeError("catching classes that do not inherit from BaseException is not allowed");
  }
  return isSubtype(et, typeIndexOfTypeRef(r));
}

function cmp(op: number, x: number, y: number): boolean {
  switch (op) {
    case 0:
      return x < y;
    case 1:
      return x <= y;
    case 2:
      return x === y;
    case 3:
      return x !== y;
    case 4:
      return x > y;
    default:
      return x >= y;
  }
}

function unboundLocal(name: string): PyExc {
  return pyError(
    E.UnboundLocalError,
    `cannot access local variable '${name}' where it is not associated with a value`,
  );
}

function unboundDeref(
  code: { localsplusNames: string[]; localsplusKinds: Uint8Array },
  i: number,
): PyExc {
  const name = code.localsplusNames[i];
  if (code.localsplusKinds[i] & 0x80) {
    return pyError(
      E.NameError,
      `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
    );
  }
  return unboundLocal(name);
}

function asciiOf(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
}

/**
 * Push a frame for a call whose arguments need no binding (callee.simpleArgcount === nargs),
 * like CALL_PY_EXACT_ARGS does inline. Throws RecursionError at the limit.
 */
function pushSimpleFrame(
  r: number,
  callee: CodeInfo,
  args: number,
  nargs: number,
  out: number,
  caller: number,
): number {
  const f = frameState.top;
  const depth = u32[(caller + 44 /* F_DEPTH */) >> 2] + 1;
  if (depth > frameState.recursionLimit || f + callee.frameBytes > FRAME_STACK_END) {
    throw pyError(E.RecursionError, "maximum recursion depth exceeded");
  }
  const n = callee.nlocalsplus;
  const fi = f >> 2;
  u32[fi] = callee.index;
  u32[fi + 1] = 0;
  u32[fi + 2] = caller;
  u32[fi + 3] = u32[(r + 24 /* FUNC_GLOBALS */) >> 2];
  u32[fi + 4] = r;
  u32[fi + 6] = u32[(caller + 24 /* F_BUILTINS */) >> 2];
  u32[fi + 7] = 0;
  u32[fi + 8] = 0;
  u32[fi + 9] = n;
  u32[fi + 10] = out;
  u32[fi + 11] = depth;
  const lw = (f + 48 /* FRAME_HEADER */) >> 2, aw = args >> 2;
  for (let k = 0; k < 2 * nargs; k++) u32[lw + k] = u32[aw + k];
  for (let k = nargs; k < n; k++) {
    u32[lw + 2 * k] = 0;
    u32[lw + 2 * k + 1] = 0xfffd0000; // null
  }
  u32[fi + 5] = f + 48 /* FRAME_HEADER */ + 8 * n;
  frameState.top = f + callee.frameBytes;
  frameState.current = f;
  return f;
}

/** The callable at `base` is a function whose code takes exactly these arguments unbound. */
function callPySimpleFits(base: number, arg: number): boolean {
  if (u32[(base >> 2) + 1] !== 0xfffc0000) return false;
  const r = u32[base >> 2];
  if (u32[r >> 2] !== 15 /* T_FUNCTION */) return false;
  const nargs = u32[((base + 8) >> 2) + 1] !== 0xfffd0000 ? arg + 1 : arg;
  return codes[u32[(r + 16 /* FUNC_CODE */) >> 2]].simpleArgcount === nargs;
}

/** Push a frame for a call from the loop: args are in the caller's stack, result goes to `out`. */
function enterFunctionFast(
  r: number,
  args: number,
  nargs: number,
  kwnames: number,
  out: number,
): number {
  const ci = u32[(r + FUNC_CODE) >> 2];
  const caller = frameState.current;
  const f = pushFrame(ci, r, u32[(r + FUNC_GLOBALS) >> 2], u32[(caller + F_BUILTINS) >> 2], 0);
  const info = codes[ci];
  const c = info.code;
  if (kwnames === 0 && nargs === c.argcount && c.kwonlyargcount === 0 && (c.flags & 12) === 0) {
    const locals = f + FRAME_HEADER;
    for (let k = 0; k < nargs; k++) {
      const d = (locals >> 2) + 2 * k, s = (args >> 2) + 2 * k;
      u32[d] = u32[s];
      u32[d + 1] = u32[s + 1];
    }
  } else {
    try {
      bindArgs(f, info, r, args, nargs, kwnames);
    } catch (e) {
      popFrame(f);
      throw e;
    }
  }
  u32[(f + F_RESULT) >> 2] = out;
  return f;
}

let lastKwnames = 0;

/** Spread the args tuple (and kwargs dict) of CALL_FUNCTION_EX onto the stack; returns new sp. */
function expandCallEx(base: number, tupleSlot: number, kwSlot: number): number {
  const t = W.getRef(tupleSlot);
  const n = tupleLen(t);
  let kw = 0;
  const kwHolder = tempPush(2);
  try {
    if (kwSlot !== 0) W.copy(kwHolder, kwSlot);
    W.setRef(kwHolder + 8, t);
    let sp = base + 16;
    for (let k = 0; k < n; k++) W.copy(sp + 8 * k, tupleItem(t, k));
    sp += 8 * n;
    if (kwSlot !== 0) {
      const d = W.getRef(kwHolder);
      const names: number[] = [];
      const filled = interpHooks.dictItems(d);
      for (const [kAddr, vAddr] of filled) {
        if (!(W.isRef(kAddr) && u32[W.getRef(kAddr) >> 2] === T_STR)) {
          throw typeError("keywords must be strings");
        }
        names.push(W.getRef(kAddr));
        W.copy(sp, vAddr);
        sp += 8;
      }
      if (names.length > 0) {
        kw = newTuple(names.length);
        for (let k = 0; k < names.length; k++) W.setRef(tupleItem(kw, k), names[k]);
      }
    }
    lastKwnames = kw;
    return sp;
  } finally {
    tempPopTo(kwHolder);
  }
}

function unpackSequence(sp: number, n: number): number {
  const s = sp - 8;
  if (W.isRef(s)) {
    const r = W.getRef(s);
    const t = u32[r >> 2];
    if (t === T_TUPLE || t === T_LIST) {
      const len = t === T_TUPLE ? tupleLen(r) : listLen(r);
      if (len !== n) throw unpackError(n, len);
      const items = t === T_TUPLE ? r + TUPLE_ITEMS : listItems(r);
      for (let k = 0; k < n; k++) W.copy(s + 8 * (n - 1 - k), items + 8 * k);
      return s + 8 * n;
    }
  }
  // Generic: iterate into a temporary list.
  const tmp = tempPush(2);
  try {
    getIter(s, tmp, true);
    const l = newList(0);
    W.setRef(tmp + 8, l);
    const item = tempPush(1);
    while (iterNext(tmp, item)) {
      listAppend(l, item);
      if (listLen(l) > n) throw pyError(E.ValueError, `too many values to unpack (expected ${n})`);
    }
    if (listLen(l) !== n) throw unpackError(n, listLen(l));
    const items = listItems(l);
    for (let k = 0; k < n; k++) W.copy(s + 8 * (n - 1 - k), items + 8 * k);
    return s + 8 * n;
  } finally {
    tempPopTo(tmp);
  }
}

function unpackError(n: number, len: number): PyExc {
  if (len > n) return pyError(E.ValueError, `too many values to unpack (expected ${n})`);
  return pyError(E.ValueError, `not enough values to unpack (expected ${n}, got ${len})`);
}

function unpackEx(sp: number, before: number, after: number): number {
  const s = sp - 8;
  const tmp = tempPush(2);
  try {
    getIter(s, tmp, true);
    const l = newList(0);
    W.setRef(tmp + 8, l);
    const item = tempPush(1);
    while (iterNext(tmp, item)) listAppend(l, item);
    const len = listLen(l);
    if (len < before + after) {
      throw pyError(
        E.ValueError,
        `not enough values to unpack (expected at least ${before + after}, got ${len})`,
      );
    }
    const items = listItems(l);
    const total = before + 1 + after;
    // result order: item_1 on top, so write from the top down
    let pos = s + 8 * (total - 1);
    for (let k = 0; k < before; k++) {
      W.copy(pos, items + 8 * k);
      pos -= 8;
    }
    const mid = listFrom(items + 8 * before, len - before - after);
    W.setRef(pos, mid);
    pos -= 8;
    for (let k = 0; k < after; k++) {
      W.copy(pos, listItems(l) + 8 * (len - after + k));
      pos -= 8;
    }
    return s + 8 * total;
  } finally {
    tempPopTo(tmp);
  }
}

// ---------------------------------------------------------------------------------------------
// Specialisation

function specialize(code: Int32Array, ip: number, sop: number): void {
  code[ip] = sop;
  if (specStats.enabled) countStat(specStats.specialized, sop);
}

function deopt(ci: CodeInfo, ip: number): void {
  const code = ci.code.code;
  if (specStats.enabled) countStat(specStats.deopts, code[ip]);
  code[ip] = GENERIC_OF[code[ip]];
  // Exponential back-off: an instruction that keeps missing (a polymorphic site) soon stays
  // generic for a long time instead of flapping.
  const k = ip >> 2;
  const misses = ci.deopts[k];
  if (misses < 12) ci.deopts[k] = misses + 1;
  code[ip + 2] = -(BACKOFF << misses);
}

/** Generic instructions wait (cache0 counts up from a negative back-off) before specialising. */
function ready(code: Int32Array, ip: number): boolean {
  if (code[ip + 2] < 0) {
    code[ip + 2]++;
    return false;
  }
  return true;
}

function specializeBinary(code: Int32Array, ip: number, op: number, a: number, b: number): void {
  if (!ready(code, ip)) return;
  const base = op >= NB_INPLACE ? op - NB_INPLACE : op;
  const ha = u32[(a >> 2) + 1], hb = u32[(b >> 2) + 1];
  if (ha >>> 16 === TAG_INT && hb >>> 16 === TAG_INT) {
    if (base === NB_ADD) specialize(code, ip, SOp.BINARY_OP_ADD_INT);
    else if (base === NB_SUBTRACT) specialize(code, ip, SOp.BINARY_OP_SUB_INT);
    else if (base === NB_MULTIPLY) specialize(code, ip, SOp.BINARY_OP_MUL_INT);
    else if (base === NB_TRUE_DIVIDE) specialize(code, ip, SOp.BINARY_OP_DIV_NUM);
  } else if (ha < 0xfff90000 && hb < 0xfff90000) {
    if (base === NB_ADD) specialize(code, ip, SOp.BINARY_OP_ADD_FLOAT);
    else if (base === NB_SUBTRACT) specialize(code, ip, SOp.BINARY_OP_SUB_FLOAT);
    else if (base === NB_MULTIPLY) specialize(code, ip, SOp.BINARY_OP_MUL_FLOAT);
    else if (base === NB_TRUE_DIVIDE) specialize(code, ip, SOp.BINARY_OP_DIV_FLOAT);
  } else if (
    (ha < 0xfff90000 || ha >>> 16 === TAG_INT) && (hb < 0xfff90000 || hb >>> 16 === TAG_INT)
  ) {
    // mixed float and int
    if (base === NB_ADD) specialize(code, ip, SOp.BINARY_OP_ADD_NUM);
    else if (base === NB_SUBTRACT) specialize(code, ip, SOp.BINARY_OP_SUB_NUM);
    else if (base === NB_MULTIPLY) specialize(code, ip, SOp.BINARY_OP_MUL_NUM);
    else if (base === NB_TRUE_DIVIDE) specialize(code, ip, SOp.BINARY_OP_DIV_NUM);
  } else if (base === NB_ADD && ha === HI_REF && hb === HI_REF) {
    if (u32[u32[a >> 2] >> 2] === T_STR && u32[u32[b >> 2] >> 2] === T_STR) {
      specialize(code, ip, SOp.BINARY_OP_ADD_STR);
    }
  }
}

/** Module attribute loads: guard the module dict's keys version, read the entry (cache1). */
function specializeModuleAttr(
  code: Int32Array,
  ip: number,
  m: number,
  name: number,
  sop: number,
): void {
  const d = u32[(m + MODULE_DICT) >> 2];
  const ix = lookupStr(d, name);
  if (ix < 0) return;
  code[ip] = sop;
  code[ip + 2] = dictVersion(d);
  code[ip + 3] = ix;
  if (specStats.enabled) countStat(specStats.specialized, sop);
}

// Polymorphic attribute caches: a site whose one-shape specialisation misses on another shape
// of a user class (e.g. a base-class method called on instances of several subclasses; shapes
// are per class) keeps up to 4 entries of 4 ints in polyPool, from offset cache1; cache0 counts
// them. LOAD_ATTR_POLY / STORE_ATTR_POLY: (shape, slot); LOAD_METHOD_POLY: (shape, class
// version, function). Class versions are globally unique, so a version match names the class.
let polyPool = new Int32Array(1024);
let polyTop = 0;
const POLY_ENTRIES = 4;

/** The polymorphic cache pool (tier 2 reads a site's entries at projection time). */
export function polyCache(): Int32Array {
  return polyPool;
}

/**
 * The cache entry for the object in slot o at a site of kind sop (a *_POLY op) written at
 * polyPool[e..e+2], or false when the object does not qualify (same rules as the one-shape forms).
 */
function polyEntry(sop: number, o: number, name: number, e: number): boolean {
  if (!W.isRef(o)) return false;
  const r = W.getRef(o);
  const t = u32[r >> 2];
  if (t < 48 || !types[t].isClass) return false;
  const shapeId = u32[(r + INST_SHAPE) >> 2];
  const shape = shapeById(shapeId);
  if (sop === SOp.LOAD_METHOD_POLY) {
    const d = lookupType(t, name);
    if (d === 0 || !W.isRef(d) || u32[W.getRef(d) >> 2] !== T_FUNCTION) return false;
    if (instanceAttrAddr(r, name) !== 0) return false;
    polyPool[e] = shapeId;
    polyPool[e + 1] = types[t].version;
    polyPool[e + 2] = W.getRef(d);
    return true;
  }
  const i = shape.index.get(name);
  if (i === undefined || i >= ((u32[(r >> 2) + 1] - INST_SLOTS) >> 3)) return false;
  const d = lookupType(t, name);
  if (
    sop === SOp.STORE_ATTR_POLY ? d !== 0 : d !== 0 && W.isRef(d) && u32[W.getRef(d) >> 2] === 39
  ) {
    return false; // a class attribute (store) or a property (load)
  }
  polyPool[e] = shapeId;
  polyPool[e + 1] = i;
  return true;
}

/**
 * A one-shape attribute site (LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE,
 * LOAD_METHOD_WITH_VALUES) missed: become polymorphic (sop) when the object in slot o qualifies.
 * True when rewritten (the instruction then runs again).
 */
function toPoly(ci: CodeInfo, ip: number, o: number, name: number, sop: number): boolean {
  const code = ci.code.code;
  if (!W.isRef(o) || u32[(W.getRef(o) + INST_SHAPE) >> 2] === code[ip + 2]) return false;
  if (polyTop + 4 * POLY_ENTRIES > polyPool.length) {
    const bigger = new Int32Array(polyPool.length * 2);
    bigger.set(polyPool);
    polyPool = bigger;
  }
  const b = polyTop;
  if (!polyEntry(sop, o, name, b + 4)) return false;
  polyTop += 4 * POLY_ENTRIES;
  polyPool[b] = code[ip + 2];
  polyPool[b + 1] = code[ip + 3];
  polyPool[b + 2] = sop === SOp.LOAD_METHOD_POLY ? ci.aux[ip >> 2] : 0;
  code[ip] = sop;
  code[ip + 2] = 2;
  code[ip + 3] = b;
  if (specStats.enabled) countStat(specStats.specialized, sop);
  return true;
}

/** A polymorphic site missed: add an entry for the object in slot o if there is room. */
function polyAdd(ci: CodeInfo, ip: number, o: number, name: number, sop: number): boolean {
  const code = ci.code.code;
  const n = code[ip + 2];
  if (n >= POLY_ENTRIES || !polyEntry(sop, o, name, code[ip + 3] + 4 * n)) return false;
  code[ip + 2] = n + 1;
  return true;
}

function specializeLoadAttr(code: Int32Array, ip: number, o: number, name: number): void {
  if (!ready(code, ip) || !W.isRef(o)) return;
  const r = W.getRef(o);
  const t = u32[r >> 2];
  if (t === T_MODULE) {
    specializeModuleAttr(code, ip, r, name, SOp.LOAD_ATTR_MODULE);
    return;
  }
  if (t < 48 || !types[t].isClass) return;
  const shape = shapeById(u32[(r + INST_SHAPE) >> 2]);
  const i = shape.index.get(name);
  if (i === undefined || i >= ((u32[(r >> 2) + 1] - INST_SLOTS) >> 3)) return;
  const d = lookupType(t, name);
  if (d !== 0 && W.isRef(d) && u32[W.getRef(d) >> 2] === 39 /* property */) return;
  code[ip] = SOp.LOAD_ATTR_INSTANCE_VALUE;
  code[ip + 2] = shape.id;
  code[ip + 3] = i;
  if (specStats.enabled) countStat(specStats.specialized, code[ip]);
}

function specializeStoreAttr(ci: CodeInfo, ip: number, o: number, name: number): void {
  const code = ci.code.code;
  if (!ready(code, ip) || !W.isRef(o)) return;
  const r = W.getRef(o);
  const t = u32[r >> 2];
  if (t < 48 || !types[t].isClass) return;
  const shape = shapeById(u32[(r + INST_SHAPE) >> 2]);
  const inline = (u32[(r >> 2) + 1] - INST_SLOTS) >> 3;
  const d = lookupType(t, name);
  if (d !== 0) return;
  const i = shape.index.get(name);
  if (i === undefined) {
    // Adding the attribute: a shape transition to a slot this object has inline.
    const k = shape.names.length;
    if (k >= inline) return;
    code[ip] = SOp.STORE_ATTR_ADD_SLOT;
    code[ip + 2] = shape.id;
    code[ip + 3] = k;
    ci.aux[ip >> 2] = shapeWith(shape, name).id;
  } else {
    if (i >= inline) return;
    code[ip] = SOp.STORE_ATTR_INSTANCE_VALUE;
    code[ip + 2] = shape.id;
    code[ip + 3] = i;
  }
  if (specStats.enabled) countStat(specStats.specialized, code[ip]);
}

/** LOAD_METHOD: pushes (method, self) when the attribute is a plain function on the class. */
function loadMethod(ci: CodeInfo, ip: number, o: number, name: number, sp: number): void {
  const code = ci.code.code;
  const t = typeIndexOf(o);
  const info = types[t];
  if (t === T_MODULE && ready(code, ip)) {
    specializeModuleAttr(code, ip, W.getRef(o), name, SOp.LOAD_METHOD_MODULE);
  }
  // Attributes of classes, modules and super objects come from their own lookup rules.
  const d = t === T_TYPE || t === T_MODULE || t === T_SUPER ? 0 : lookupType(t, name);
  if (d !== 0 && W.isRef(d)) {
    const dt = u32[W.getRef(d) >> 2];
    const shadowed = info.isClass && instanceAttrAddr(W.getRef(o), name) !== 0;
    if (
      !shadowed && (dt === T_FUNCTION || (dt === T_BUILTIN && W.isNull(W.getRef(d) + BUILTIN_SELF)))
    ) {
      W.copy(sp, o);
      W.copy(o, d);
      if (!info.isClass && dt === T_BUILTIN && W.isRef(sp) && code[ip] === Op.LOAD_METHOD) {
        // a built-in type's method: cached in the generic instruction (see dispatch)
        code[ip + 3] = -(t + 1);
        ci.aux[ip >> 2] = W.getRef(d);
      }
      if (info.isClass && dt === T_FUNCTION && ready(code, ip)) {
        const r = W.getRef(sp);
        code[ip] = SOp.LOAD_METHOD_WITH_VALUES;
        code[ip + 2] = u32[(r + INST_SHAPE) >> 2];
        code[ip + 3] = info.version;
        ci.aux[ip / IW] = W.getRef(d);
        if (specStats.enabled) countStat(specStats.specialized, code[ip]);
      }
      return;
    }
  }
  getAttr(o, name, o);
  W.setNull(sp);
}
