// A small `sys` module: what ordinary scripts use (argv, exit, the recursion limit, maxsize,
// stdout/stderr writes, version information). It lives with the interpreter because the
// recursion limit is the frame stack's.
import { W } from "../runtime/mem.ts";
import { dictSetStr } from "../runtime/dict.ts";
import { intern, newStr } from "../runtime/str.ts";
import { newBuiltin } from "../runtime/builtin_fn.ts";
import { listItem, newList, newTuple, tupleItem } from "../runtime/seq.ts";
import { setIntBig, setIntNumber } from "../runtime/int.ts";
import { E, newException, pyError, PyExc, typeError } from "../runtime/errors.ts";
import { tempPopTo, tempPush } from "../runtime/roots.ts";
import { strOf, typeName } from "../runtime/ops.ts";
import { moduleDict, newModule, registerModule, stdout } from "../runtime/lib/index.ts";
import { tupleFrom } from "../runtime/seq.ts";
import { frameState } from "./frames.ts";

function put(d: number, name: string, fill: (slot: number) => void): void {
  const s = tempPush(1);
  try {
    fill(s);
    dictSetStr(d, intern(name), s);
  } finally {
    tempPopTo(s);
  }
}

function writer(write: (s: string) => void) {
  return (args: number, nargs: number, _kw: number, out: number) => {
    if (nargs !== 1 || !W.isRef(args)) throw typeError("write() argument must be str");
    const s = strOf(args);
    write(s);
    setIntNumber(out, s.length);
  };
}

/** Build `sys` for a program run with the given argv and register it for `import sys`. */
export function installSys(argv: string[]): void {
  const m = newModule("sys");
  const d = moduleDict(m);
  put(d, "argv", (s) => {
    const l = newList(argv.length);
    for (let k = 0; k < argv.length; k++) W.setRef(listItem(l, k), newStr(argv[k]));
    W.setRef(s, l);
  });
  put(d, "maxsize", (s) => setIntBig(s, 2n ** 63n - 1n));
  put(d, "version", (s) => W.setRef(s, newStr("3.11.7 (Tessera)")));
  put(d, "version_info", (s) => {
    const t = newTuple(5);
    setIntNumber(tupleItem(t, 0), 3);
    setIntNumber(tupleItem(t, 1), 11);
    setIntNumber(tupleItem(t, 2), 7);
    W.setRef(tupleItem(t, 3), intern("final"));
    setIntNumber(tupleItem(t, 4), 0);
    W.setRef(s, t);
  });
  put(d, "platform", (s) => W.setRef(s, intern(Deno.build.os === "darwin" ? "darwin" : "linux")));
  put(d, "exit", (s) =>
    W.setRef(
      s,
      newBuiltin("exit", (args, nargs) => {
        const t = tupleFrom(args, Math.min(nargs, 1));
        throw new PyExc(newException(E.SystemExit, t));
      }),
    ));
  put(d, "getrecursionlimit", (s) =>
    W.setRef(
      s,
      newBuiltin("getrecursionlimit", (_a, _n, _k, out) =>
        setIntNumber(out, frameState.recursionLimit)),
    ));
  put(d, "setrecursionlimit", (s) =>
    W.setRef(
      s,
      newBuiltin("setrecursionlimit", (args, nargs, _k, out) => {
        if (nargs !== 1 || !W.isInt(args)) {
          throw typeError(
            `'${nargs === 1 ? typeName(args) : "?"}' object cannot be interpreted as an integer`,
          );
        }
        const n = W.getInt(args);
        if (n < 1) throw pyError(E.ValueError, "recursion limit must be greater or equal than 1");
        frameState.recursionLimit = n;
        W.setNone(out);
      }),
    ));
  put(d, "stdout", (s) => {
    const o = newModule("stdout"); // a namespace with write/flush, enough for sys.stdout.write
    const od = moduleDict(o);
    put(od, "write", (w) => W.setRef(w, newBuiltin("write", writer((x) => stdout.write(x)))));
    put(od, "flush", (w) =>
      W.setRef(
        w,
        newBuiltin("flush", (_a, _n, _k, out) => {
          stdout.flush();
          W.setNone(out);
        }),
      ));
    W.setRef(s, o);
  });
  put(d, "stderr", (s) => {
    const o = newModule("stderr");
    const od = moduleDict(o);
    const enc = new TextEncoder();
    put(od, "write", (w) =>
      W.setRef(
        w,
        newBuiltin(
          "write",
          writer((x) => {
            stdout.flush();
            Deno.stderr.writeSync(enc.encode(x));
          }),
        ),
      ));
    put(od, "flush", (w) => W.setRef(w, newBuiltin("flush", (_a, _n, _k, out) => W.setNone(out))));
    W.setRef(s, o);
  });
  registerModule("sys", m);
}
