// Printing an uncaught exception the way CPython does: the chain of causes and contexts, then
// "Traceback (most recent call last):", one "File ..., line N, in name" entry per frame with its
// source line, and "Type: message".
import { u32, W } from "../runtime/mem.ts";
import { instanceAttrAddr } from "../runtime/instance.ts";
import { listItem, listLen } from "../runtime/seq.ts";
import { codes } from "../runtime/func.ts";
import { types } from "../runtime/types.ts";
import { strOf } from "../runtime/ops.ts";
import { tempPopTo, tempPush } from "../runtime/roots.ts";
import { N_CAUSE, N_CONTEXT, N_SUPPRESS, N_TRACEBACK } from "../runtime/errors.ts";
import { PyExc } from "../runtime/errors.ts";

/** Source text of each file, for printing lines in tracebacks. */
export const sources = new Map<string, string[]>();

function frameLines(exc: number): string[] {
  const a = instanceAttrAddr(exc, N_TRACEBACK());
  if (a === 0 || !W.isRef(a)) return [];
  const tb = W.getRef(a);
  const out: string[] = [];
  const n = listLen(tb);
  let last = "", repeat = 0;
  const flush = () => {
    if (repeat > 3) {
      out.push(`  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? "" : "s"}]`);
    }
  };
  // Entries were appended innermost first; CPython prints outermost first.
  for (let k = n - 2; k >= 0; k -= 2) {
    const code = codes[W.getInt(listItem(tb, k))].code;
    const line = W.getInt(listItem(tb, k + 1));
    let entry = `  File "${code.filename}", line ${line}, in ${code.name}`;
    const src = sources.get(code.filename);
    if (src !== undefined && line >= 1 && line <= src.length) {
      const text = src[line - 1].trim();
      if (text !== "") entry += `\n    ${text}`;
    }
    if (entry === last) {
      repeat++;
      if (repeat <= 3) out.push(entry);
      continue;
    }
    flush();
    last = entry;
    repeat = 1;
    out.push(entry);
  }
  flush();
  return out;
}

function exceptionLine(exc: number): string {
  const t = types[u32[exc >> 2]];
  let msg: string;
  try {
    const slot = tempPush(1);
    W.setRef(slot, exc);
    try {
      msg = strOf(slot);
    } finally {
      tempPopTo(slot);
    }
  } catch {
    msg = "<exception str() failed>";
  }
  const name = t.module === "builtins" || t.module === "__main__"
    ? t.qualname
    : `${t.module}.${t.qualname}`;
  return msg === "" ? name : `${name}: ${msg}`;
}

/** The full text CPython would print to stderr for an uncaught exception. */
export function formatException(exc: number, seen = new Set<number>()): string {
  seen.add(exc);
  let text = "";
  const cause = instanceAttrAddr(exc, N_CAUSE());
  const context = instanceAttrAddr(exc, N_CONTEXT());
  const suppress = instanceAttrAddr(exc, N_SUPPRESS());
  if (cause !== 0 && W.isRef(cause) && !seen.has(W.getRef(cause))) {
    text += formatException(W.getRef(cause), seen) +
      "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (
    context !== 0 && W.isRef(context) && !seen.has(W.getRef(context)) &&
    !(suppress !== 0 && W.getBool(suppress))
  ) {
    text += formatException(W.getRef(context), seen) +
      "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  const lines = frameLines(exc);
  if (lines.length > 0) text += "Traceback (most recent call last):\n" + lines.join("\n") + "\n";
  return text + exceptionLine(exc) + "\n";
}

export function isPyExc(e: unknown): e is PyExc {
  return e instanceof PyExc;
}
