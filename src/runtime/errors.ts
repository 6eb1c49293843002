// Python exceptions. The exception classes are ordinary classes (instances with shapes); `args`,
// `__traceback__`, `__context__` and `__cause__` are attributes. A Python exception crosses
// TypeScript code as a thrown PyExc carrying the instance: the interpreter catches it and looks for
// a handler in the exception table of each frame it unwinds.
import { SCRATCH_START, u32, W } from "./mem.ts";
import { instanceAttrAddr, newInstance, setInstanceAttr } from "./instance.ts";
import { intern, newStr } from "./str.ts";
import { newTuple, tupleItem } from "./seq.ts";
import { defineType, types } from "./types.ts";
import { T_OBJECT } from "./type_ids.ts";

/** A Python exception in flight; `ref` is the exception instance. */
export class PyExc {
  constructor(readonly ref: number) {}
}

/** Type indices of the built-in exception classes, filled by initExceptions. */
export const E: Record<string, number> = {};

/** CPython 3.11's built-in exception classes (less the exception groups), each after its base. */
const HIERARCHY: [string, string][] = [
  ["BaseException", ""],
  ["Exception", "BaseException"],
  ["SystemExit", "BaseException"],
  ["KeyboardInterrupt", "BaseException"],
  ["GeneratorExit", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["FloatingPointError", "ArithmeticError"],
  ["AssertionError", "Exception"],
  ["AttributeError", "Exception"],
  ["LookupError", "Exception"],
  ["IndexError", "LookupError"],
  ["KeyError", "LookupError"],
  ["NameError", "Exception"],
  ["UnboundLocalError", "NameError"],
  ["TypeError", "Exception"],
  ["ValueError", "Exception"],
  ["UnicodeError", "ValueError"],
  ["UnicodeDecodeError", "UnicodeError"],
  ["UnicodeEncodeError", "UnicodeError"],
  ["UnicodeTranslateError", "UnicodeError"],
  ["RuntimeError", "Exception"],
  ["SystemError", "Exception"],
  ["RecursionError", "RuntimeError"],
  ["NotImplementedError", "RuntimeError"],
  ["StopIteration", "Exception"],
  ["StopAsyncIteration", "Exception"],
  ["MemoryError", "Exception"],
  ["ReferenceError", "Exception"],
  ["ImportError", "Exception"],
  ["ModuleNotFoundError", "ImportError"],
  ["SyntaxError", "Exception"],
  ["IndentationError", "SyntaxError"],
  ["TabError", "IndentationError"],
  ["EOFError", "Exception"],
  ["OSError", "Exception"],
  ["BlockingIOError", "OSError"],
  ["ChildProcessError", "OSError"],
  ["ConnectionError", "OSError"],
  ["BrokenPipeError", "ConnectionError"],
  ["ConnectionAbortedError", "ConnectionError"],
  ["ConnectionRefusedError", "ConnectionError"],
  ["ConnectionResetError", "ConnectionError"],
  ["FileExistsError", "OSError"],
  ["FileNotFoundError", "OSError"],
  ["InterruptedError", "OSError"],
  ["IsADirectoryError", "OSError"],
  ["NotADirectoryError", "OSError"],
  ["PermissionError", "OSError"],
  ["ProcessLookupError", "OSError"],
  ["TimeoutError", "OSError"],
  ["BufferError", "Exception"],
  ["Warning", "Exception"],
  ["UserWarning", "Warning"],
  ["DeprecationWarning", "Warning"],
  ["PendingDeprecationWarning", "Warning"],
  ["SyntaxWarning", "Warning"],
  ["RuntimeWarning", "Warning"],
  ["FutureWarning", "Warning"],
  ["ImportWarning", "Warning"],
  ["UnicodeWarning", "Warning"],
  ["BytesWarning", "Warning"],
  ["ResourceWarning", "Warning"],
  ["EncodingWarning", "Warning"],
];

/** Other names of built-in exception classes (EnvironmentError is OSError, ...). */
export const EXCEPTION_ALIASES: [string, string][] = [
  ["EnvironmentError", "OSError"],
  ["IOError", "OSError"],
];

export const N_ARGS = () => intern("args");
export const N_TRACEBACK = () => intern("__traceback__");
export const N_CONTEXT = () => intern("__context__");
export const N_CAUSE = () => intern("__cause__");
export const N_SUPPRESS = () => intern("__suppress_context__");

export function initExceptions(): void {
  for (const [name, base] of HIERARCHY) {
    const t = defineType(name, base === "" ? T_OBJECT : E[base], -1, true);
    t.isException = true;
    E[name] = t.index;
  }
}

/** A new exception instance of type t with the given args tuple (heap ref). */
export function newException(t: number, argsTuple: number): number {
  const r = newInstance(t);
  const s = SCRATCH_START + 16;
  W.setRef(s, argsTuple);
  setInstanceAttr(r, N_ARGS(), s);
  W.setNone(s);
  setInstanceAttr(r, N_TRACEBACK(), s);
  setInstanceAttr(r, N_CONTEXT(), s);
  setInstanceAttr(r, N_CAUSE(), s);
  W.setBool(s, false);
  setInstanceAttr(r, N_SUPPRESS(), s);
  return r;
}

/** An exception of type t with one str argument, ready to throw. */
export function pyError(t: number, msg: string): PyExc {
  const args = newTuple(1);
  W.setRef(tupleItem(args, 0), newStr(msg));
  return new PyExc(newException(t, args));
}

/** An exception of type t whose single argument is the value in slot `arg` (e.g. KeyError). */
export function pyErrorWith(t: number, arg: number): PyExc {
  const args = newTuple(1);
  W.copy(tupleItem(args, 0), arg);
  return new PyExc(newException(t, args));
}

export function typeError(msg: string): PyExc {
  return pyError(E.TypeError, msg);
}
export function valueError(msg: string): PyExc {
  return pyError(E.ValueError, msg);
}

/** The args tuple of an exception instance (0 if missing). */
export function exceptionArgs(r: number): number {
  const a = instanceAttrAddr(r, N_ARGS());
  return a !== 0 && W.isRef(a) ? W.getRef(a) : 0;
}

export function isExceptionType(t: number): boolean {
  return types[t] !== undefined && types[t].isException;
}

export function exceptionTypeOf(r: number): number {
  return u32[r >> 2];
}
