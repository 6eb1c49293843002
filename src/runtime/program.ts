// Running a whole program: parse, compile, register, execute the module frame, and report an
// uncaught exception the way CPython does. Used by the CLI and by tests.
import { u32, W } from "./mem.ts";
import { dictSetStr, newDict } from "./dict.ts";
import { intern } from "./str.ts";
import { registerCode } from "./func.ts";
import { tempPopTo, tempPush } from "./roots.ts";
import { initRuntime } from "./setup.ts";
import { parseModule, PyParserRecursionError } from "../frontend/parser.ts";
import { PySyntaxError } from "../frontend/errors.ts";
import { compileModule } from "../compiler/compiler.ts";
import { pushFrame } from "../interpreter/frames.ts";
import { runEntryFrame, toPyExc } from "../interpreter/interp.ts";
import { formatException, sources } from "../interpreter/traceback.ts";
import { stdout } from "./lib/index.ts";
import { OutOfMemory } from "./space.ts";
import { installSys } from "../interpreter/sysmodule.ts";
import { E, exceptionArgs, PyExc } from "./errors.ts";
import { isSubtype } from "./types.ts";
import { tupleItem, tupleLen } from "./seq.ts";
import { strOf } from "./ops.ts";

export interface RunResult {
  exitCode: number;
  /** What was written to stderr (the traceback), for tests. */
  stderr: string;
}

function formatSyntaxError(e: PySyntaxError): string {
  let s = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    const raw = e.text.replace(/\n$/, "");
    const stripped = raw.trimStart();
    const indent = raw.length - stripped.length;
    s += `    ${stripped.trimEnd()}\n`;
    const col = Math.max(1, e.offset - indent);
    const endCol = e.end_lineno === e.lineno && e.end_offset > e.offset
      ? e.end_offset - indent
      : col + 1;
    s += `    ${" ".repeat(col - 1)}${"^".repeat(Math.max(1, endCol - col))}\n`;
  }
  return s + `${e.kind}: ${e.msg}\n`;
}

/**
 * SystemExit ends the program quietly: no argument or None exits 0, an int exits with it, anything
 * else is printed to stderr and exits 1 (as CPython's handle_system_exit does).
 */
function systemExit(e: unknown): RunResult | null {
  if (!(e instanceof PyExc) || !isSubtype(u32[e.ref >> 2], E.SystemExit)) return null;
  const args = exceptionArgs(e.ref);
  if (args === 0 || tupleLen(args) === 0) return { exitCode: 0, stderr: "" };
  const code = tupleItem(args, 0);
  if (W.isNone(code)) return { exitCode: 0, stderr: "" };
  if (W.isInt(code)) return { exitCode: W.getInt(code) & 0xff, stderr: "" };
  if (W.isBool(code)) return { exitCode: W.getBool(code) ? 1 : 0, stderr: "" };
  return { exitCode: 1, stderr: strOf(code) + "\n" };
}

/** The stderr text for an exception that escaped the program (never a host stack trace). */
function describeUncaught(e: unknown): string {
  if (e instanceof OutOfMemory) return "MemoryError\n"; // no heap left to build an exception
  try {
    return formatException(toPyExc(e).ref);
  } catch (inner) {
    if (inner instanceof OutOfMemory) return "MemoryError\n";
    return `SystemError: internal error: ${
      inner instanceof Error ? inner.message : String(inner)
    }\n`;
  }
}

/** Run Python source as the __main__ module. Prints to the process's stdout/stderr. */
export function runSource(source: string, filename: string, argv = [filename]): RunResult {
  const builtins = initRuntime();
  installSys(argv);
  sources.set(filename, source.split(/\r?\n/));
  let stderr = "";
  try {
    let code;
    try {
      code = compileModule(parseModule(source, filename), filename);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        stderr = formatSyntaxError(e);
        return { exitCode: 1, stderr };
      }
      if (e instanceof PyParserRecursionError || e instanceof RangeError) {
        stderr = "RecursionError: maximum recursion depth exceeded during compilation\n";
        return { exitCode: 1, stderr };
      }
      throw e;
    }
    const ci = registerCode(code);
    const globals = newDict();
    const slot = tempPush(2);
    W.setRef(slot, globals);
    W.setRef(slot + 8, intern("__main__"));
    dictSetStr(globals, intern("__name__"), slot + 8);
    W.setRef(slot + 8, builtins);
    dictSetStr(globals, intern("__builtins__"), slot + 8);
    try {
      const f = pushFrame(ci, 0, globals, builtins, 0);
      runEntryFrame(f, slot + 8);
    } catch (e) {
      stdout.flush();
      const exit = systemExit(e);
      if (exit !== null) return exit;
      stderr = describeUncaught(e);
      return { exitCode: 1, stderr };
    } finally {
      tempPopTo(slot);
    }
    return { exitCode: 0, stderr };
  } finally {
    stdout.flush();
  }
}
