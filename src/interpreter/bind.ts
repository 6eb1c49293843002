// Binding call arguments to a new frame's parameters, with CPython's rules and error messages.
import { u32, W } from "../runtime/mem.ts";
import { FUNC_DEFAULTS, FUNC_KWDEFAULTS, FUNC_QUALNAME } from "../runtime/layout.ts";
import { CodeInfo } from "../runtime/func.ts";
import { newTuple, tupleItem, tupleLen } from "../runtime/seq.ts";
import { dictGetStrAddr, dictSetStr, newDict } from "../runtime/dict.ts";
import { intern, strValue } from "../runtime/str.ts";
import { typeError } from "../runtime/errors.ts";
import { CO_VARARGS, CO_VARKEYWORDS } from "../compiler/code.ts";
import { FRAME_HEADER } from "./frame_layout.ts";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(", ") + ", and " + q[q.length - 1];
}

/**
 * Bind nargs arguments at `args` (the last len(kwnames) of them by keyword) into the locals of
 * frame f running function func. Raises TypeError like CPython.
 */
export function bindArgs(
  f: number,
  ci: CodeInfo,
  func: number,
  args: number,
  nargs: number,
  kwnames: number,
): void {
  const code = ci.code;
  const locals = f + FRAME_HEADER;
  const nkw = kwnames === 0 ? 0 : tupleLen(kwnames);
  const npos = nargs - nkw;
  const argcount = code.argcount;
  const kwonly = code.kwonlyargcount;
  const qual = strValue(u32[(func + FUNC_QUALNAME) >> 2]);
  const hasVarargs = (code.flags & CO_VARARGS) !== 0;
  const hasVarkw = (code.flags & CO_VARKEYWORDS) !== 0;
  let nextSlot = argcount + kwonly;
  const varargsSlot = hasVarargs ? nextSlot++ : -1;
  const varkwSlot = hasVarkw ? nextSlot++ : -1;

  const ncopy = Math.min(npos, argcount);
  for (let k = 0; k < ncopy; k++) W.copy(locals + 8 * k, args + 8 * k);
  if (hasVarargs) {
    const extra = Math.max(0, npos - argcount);
    const t = newTuple(extra);
    for (let k = 0; k < extra; k++) W.copy(tupleItem(t, k), args + 8 * (argcount + k));
    W.setRef(locals + 8 * varargsSlot, t);
  } else if (npos > argcount) {
    const defaults = u32[(func + FUNC_DEFAULTS) >> 2];
    const ndef = defaults === 0 ? 0 : tupleLen(defaults);
    let kwGiven = 0;
    for (let k = 0; k < nkw; k++) {
      const name = strValue(W.getRef(tupleItem(kwnames, k)));
      if (
        code.localsplusNames.indexOf(name) < argcount + kwonly &&
        code.localsplusNames.indexOf(name) >= 0
      ) kwGiven++;
    }
    const takes = ndef > 0 ? `from ${argcount - ndef} to ${argcount}` : `${argcount}`;
    const given = kwGiven > 0
      ? `${plural(npos, "positional argument")} (and ${
        plural(kwGiven, "keyword-only argument")
      }) were given`
      : `${npos} ${npos === 1 ? "was" : "were"} given`;
    throw typeError(
      `${qual}() takes ${takes} positional argument${
        argcount === 1 && ndef === 0 ? "" : "s"
      } but ${given}`,
    );
  }
  let kwdict = 0;
  if (hasVarkw) {
    kwdict = newDict();
    W.setRef(locals + 8 * varkwSlot, kwdict);
  }
  for (let k = 0; k < nkw; k++) {
    const nameRef = W.getRef(tupleItem(kwnames, k));
    const name = strValue(nameRef);
    const value = args + 8 * (npos + k);
    let idx = -1;
    const names = code.localsplusNames;
    for (let j = code.posonlyargcount; j < argcount + kwonly; j++) {
      if (names[j] === name) {
        idx = j;
        break;
      }
    }
    if (idx < 0) {
      if (kwdict !== 0) {
        dictSetStr(kwdict, intern(name), value);
        continue;
      }
      throw typeError(`${qual}() got an unexpected keyword argument '${name}'`);
    }
    if (!W.isNull(locals + 8 * idx)) {
      throw typeError(`${qual}() got multiple values for argument '${name}'`);
    }
    W.copy(locals + 8 * idx, value);
  }
  // Defaults and missing arguments.
  if (npos < argcount) {
    const defaults = u32[(func + FUNC_DEFAULTS) >> 2];
    const ndef = defaults === 0 ? 0 : tupleLen(defaults);
    const firstDefault = argcount - ndef;
    const missing: string[] = [];
    for (let k = npos; k < argcount; k++) {
      if (!W.isNull(locals + 8 * k)) continue;
      if (k >= firstDefault) W.copy(locals + 8 * k, tupleItem(defaults, k - firstDefault));
      else missing.push(code.localsplusNames[k]);
    }
    if (missing.length > 0) {
      throw typeError(
        `${qual}() missing ${missing.length} required positional argument${
          missing.length === 1 ? "" : "s"
        }: ${nameList(missing)}`,
      );
    }
  }
  if (kwonly > 0) {
    const kwdefaults = u32[(func + FUNC_KWDEFAULTS) >> 2];
    const missing: string[] = [];
    for (let k = argcount; k < argcount + kwonly; k++) {
      if (!W.isNull(locals + 8 * k)) continue;
      const name = code.localsplusNames[k];
      const d = kwdefaults === 0 ? 0 : dictGetStrAddr(kwdefaults, intern(name));
      if (d !== 0) W.copy(locals + 8 * k, d);
      else missing.push(name);
    }
    if (missing.length > 0) {
      throw typeError(
        `${qual}() missing ${missing.length} required keyword-only argument${
          missing.length === 1 ? "" : "s"
        }: ${nameList(missing)}`,
      );
    }
  }
}
