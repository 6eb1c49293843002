// str: methods and protocol hooks. Indexes are code points; strings without astral characters
// (strIsBmp) use JS indexes directly.
import { u32, W } from "../mem.ts";
import { allocate } from "../space.ts";
import { dictFilled, dictSet, entryAddr, entryLive, newDict } from "../dict.ts";
import { newStr, strIsBmp, strLength, strValue } from "../str.ts";
import { listAppend, listItem, listLen, newList, newTuple, tupleItem, tupleLen } from "../seq.ts";
import { T_DICT, T_LIST, T_STATICMETHOD, T_STR, T_TUPLE } from "../type_ids.ts";
import { defMethod, defTypeAttr, newBuiltin } from "../builtin_fn.ts";
import { E, pyError, PyExc, typeError, valueError } from "../errors.ts";
import {
  compareHooks,
  containsHooks,
  eqHooks,
  getItem,
  getItemHooks,
  lenHooks,
  NONPRINTABLE_RE,
  strOf,
  truthy,
  typeName,
} from "../ops.ts";
import { isSubtype, typeIndexOf, types } from "../types.ts";
import {
  argRange,
  checkKw,
  exactlyOne,
  forEach,
  indexNumber,
  intValue,
  isSlice,
  isStr,
  kwArg,
  noKw,
  posCount,
  seqIndex,
  SL,
  sliceIndices,
} from "./util.ts";
import { charStr } from "./iters.ts";
import { strFormat } from "./format.ts";
import { tempPopTo, tempPush } from "../roots.ts";

export const PY_WS_CLASS =
  "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_RE = new RegExp(`[${PY_WS_CLASS}]`);
const ALL_WS_RE = new RegExp(`^[${PY_WS_CLASS}]+$`);

export function isPyWs(c: string): boolean {
  return WS_RE.test(c);
}

function s0(args: number): string {
  return strValue(W.getRef(args));
}

function setStr(out: number, s: string): void {
  if (s.length === 1 && s.charCodeAt(0) < 256) W.setRef(out, charStr(s.charCodeAt(0)));
  else W.setRef(out, newStr(s));
}

function strArg(a: number, fname: string, what = "argument"): string {
  if (!isStr(a)) {
    throw typeError(`${fname}() ${what} must be str, not ${typeName(a)}`);
  }
  return strValue(W.getRef(a));
}

/** Code points of a str (only called for astral strings). */
function cps(s: string): string[] {
  return Array.from(s);
}

/** JS (UTF-16) index of code point index i of s. */
function cpToJs(s: string, bmp: boolean, i: number): number {
  if (bmp) return i;
  let j = 0;
  for (let k = 0; k < i && j < s.length; k++) {
    const c = s.charCodeAt(j);
    j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return j;
}
function jsToCp(s: string, bmp: boolean, j: number): number {
  if (bmp) return j;
  return Array.from(s.slice(0, j)).length;
}

/** Clamp optional start/end args (slice semantics) to [0, len]. */
function range2(args: number, n: number, idx: number, len: number): [number, number] {
  let start = 0, end = len;
  if (n > idx && !W.isNone(args + 8 * idx)) {
    start = indexNumber(args + 8 * idx);
    if (start < 0) start = Math.max(0, start + len);
  }
  if (n > idx + 1 && !W.isNone(args + 8 * (idx + 1))) {
    end = indexNumber(args + 8 * (idx + 1));
    if (end < 0) end = Math.max(0, end + len);
    else end = Math.min(end, len);
  }
  return [start, end];
}

function find(args: number, nargs: number, rev: boolean, fname: string): number {
  argRange(fname, nargs - 1, 1, 3);
  const r = W.getRef(args);
  const s = strValue(r);
  const bmp = strIsBmp(r);
  const sub = strArg(args + 8, fname, "argument 1");
  const [start, end] = range2(args, nargs, 2, strLength(r));
  if (start > end) return -1;
  const js = cpToJs(s, bmp, start), je = cpToJs(s, bmp, end);
  const hay = s.slice(js, je);
  const i = rev ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  if (i < 0) return -1;
  return jsToCp(s, bmp, js + i);
}

function splitWs(s: string, maxsplit: number, out: number): void {
  const l = newList(0);
  W.setRef(out, l);
  const tmp = tempPush(1);
  try {
    let i = 0;
    const n = s.length;
    let count = 0;
    while (i < n) {
      while (i < n && isPyWs(s[i])) i++;
      if (i >= n) break;
      if (maxsplit >= 0 && count >= maxsplit) {
        let e = n;
        while (e > i && isPyWs(s[e - 1])) e--;
        // CPython keeps trailing whitespace of the remainder
        W.setRef(tmp, newStr(s.slice(i)));
        listAppend(l, tmp);
        return;
      }
      let j = i;
      while (j < n && !isPyWs(s[j])) j++;
      W.setRef(tmp, newStr(s.slice(i, j)));
      listAppend(l, tmp);
      count++;
      i = j;
    }
  } finally {
    tempPopTo(tmp);
  }
}

function rsplitWs(s: string, maxsplit: number): string[] {
  const parts: string[] = [];
  let i = s.length;
  let count = 0;
  while (i > 0) {
    while (i > 0 && isPyWs(s[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && count >= maxsplit) {
      parts.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !isPyWs(s[j - 1])) j--;
    parts.push(s.slice(j, i));
    count++;
    i = j;
  }
  return parts.reverse();
}

function listOfStrings(parts: string[], out: number): void {
  const l = newList(parts.length);
  for (let k = 0; k < parts.length; k++) W.setRef(listItem(l, k), newStr(parts[k]));
  W.setRef(out, l);
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  let i = 0, j = s.length;
  if (chars === null) {
    if (left) { while (i < j && isPyWs(s[i])) i++; }
    if (right) { while (j > i && isPyWs(s[j - 1])) j--; }
    return s.slice(i, j);
  }
  const set = new Set(Array.from(chars));
  const a = Array.from(s);
  i = 0;
  j = a.length;
  if (left) { while (i < j && set.has(a[i])) i++; }
  if (right) { while (j > i && set.has(a[j - 1])) j--; }
  return a.slice(i, j).join("");
}

function isCased(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function titleCase(s: string): string {
  let out = "";
  let prevCased = false;
  for (const c of s) {
    if (isCased(c)) {
      out += prevCased ? c.toLowerCase() : c.toUpperCase();
      prevCased = true;
    } else {
      out += c;
      prevCased = /\p{Ll}|\p{Lu}|\p{Lt}/u.test(c);
    }
  }
  return out;
}

/**
 * CPython's str.istitle: uppercase and titlecase characters only after uncased ones, lowercase
 * ones only after cased ones, and at least one cased character.
 */
function isTitle(s: string): boolean {
  let cased = false, prevCased = false;
  for (const c of s) {
    if (/[\p{Uppercase}\p{Lt}]/u.test(c)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (/\p{Lowercase}/u.test(c)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
}

/** str.translate: each character's code point looked up in `table` (a slot). */
function translate(s: string, table: number): string {
  let out = "";
  const tmp = tempPush(2);
  try {
    for (const c of s) {
      W.setInt(tmp, c.codePointAt(0)!);
      try {
        getItem(table, tmp, tmp + 8);
      } catch (e) {
        if (e instanceof PyExc && isSubtype(u32[e.ref >> 2], E.LookupError)) {
          out += c;
          continue;
        }
        throw e;
      }
      const v = tmp + 8;
      if (W.isNone(v)) continue;
      if (isStr(v)) {
        out += strValue(W.getRef(v));
        continue;
      }
      const n = intValue(v);
      if (n === null) throw typeError("character mapping must return integer, None or str");
      if (n < 0 || n > 0x10ffff) throw valueError("character mapping must be in range(0x110000)");
      out += String.fromCodePoint(Number(n));
    }
  } finally {
    tempPopTo(tmp);
  }
  return out;
}

/** str.maketrans(dict) / str.maketrans(from, to[, delete]): a dict from code points. */
function strMaketrans(args: number, nargs: number, kw: number, out: number): void {
  noKw(kw, "maketrans");
  argRange("maketrans", nargs, 1, 3);
  const tmp = tempPush(3);
  try {
    const d = newDict();
    W.setRef(tmp, d);
    if (nargs === 1) {
      if (typeIndexOf(args) !== T_DICT) {
        throw typeError("if you give only one argument to maketrans it must be a dict");
      }
      const src = W.getRef(args);
      for (let i = 0; i < dictFilled(src); i++) {
        if (!entryLive(src, i)) continue;
        const k = entryAddr(src, i) + 8;
        if (isStr(k)) {
          const ks = strValue(W.getRef(k));
          if (strLength(W.getRef(k)) !== 1) {
            throw valueError("string keys in translate table must be of length 1");
          }
          W.setInt(tmp + 8, ks.codePointAt(0)!);
        } else if (intValue(k) !== null) W.copy(tmp + 8, k);
        else throw typeError("keys in translate table must be strings or integers");
        dictSet(d, tmp + 8, k + 8);
      }
    } else {
      const x = Array.from(strArg(args, "maketrans", "argument 1"));
      const y = Array.from(strArg(args + 8, "maketrans", "argument 2"));
      if (x.length !== y.length) {
        throw valueError("the first two maketrans arguments must have equal length");
      }
      for (let k = 0; k < x.length; k++) {
        W.setInt(tmp + 8, x[k].codePointAt(0)!);
        W.setInt(tmp + 16, y[k].codePointAt(0)!);
        dictSet(d, tmp + 8, tmp + 16);
      }
      if (nargs === 3) {
        W.setNone(tmp + 16);
        for (const c of strArg(args + 16, "maketrans", "argument 3")) {
          W.setInt(tmp + 8, c.codePointAt(0)!);
          dictSet(d, tmp + 8, tmp + 16);
        }
      }
    }
    W.copy(out, tmp);
  } finally {
    tempPopTo(tmp);
  }
}

const LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029";

function splitlines(s: string, keep: boolean): string[] {
  const parts: string[] = [];
  let i = 0, start = 0;
  while (i < s.length) {
    const c = s[i];
    if (LINE_BREAKS.includes(c)) {
      let e = i + 1;
      if (c === "\r" && s[i + 1] === "\n") e = i + 2;
      parts.push(s.slice(start, keep ? e : i));
      start = e;
      i = e;
    } else i++;
  }
  if (start < s.length) parts.push(s.slice(start));
  return parts;
}

function padTo(s: string, width: number, fill: string, how: "l" | "r" | "c"): string {
  const n = Array.from(s).length;
  if (width <= n) return s;
  const marg = width - n;
  if (how === "l") return s + fill.repeat(marg);
  if (how === "r") return fill.repeat(marg) + s;
  const left = (marg >> 1) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

function fillArg(args: number, nargs: number, fname: string): string {
  if (nargs < 3) return " ";
  const a = args + 16;
  if (!isStr(a)) {
    throw typeError(`${fname}() argument 2 must be str, not ${typeName(a)}`);
  }
  const f = strValue(W.getRef(a));
  if (Array.from(f).length !== 1) {
    throw typeError("The fill character must be exactly one character long");
  }
  return f;
}

function replace(s: string, old: string, rep: string, count: number): string {
  if (count < 0) {
    if (old === "") {
      const a = Array.from(s);
      return rep + a.join(rep) + (a.length > 0 ? rep : "");
    }
    return s.split(old).join(rep);
  }
  if (old === "") {
    const a = Array.from(s);
    let out = "";
    let k = 0;
    for (; k < a.length && k < count; k++) out += rep + a[k];
    if (k < count && k === a.length) out += rep;
    return out + a.slice(k).join("");
  }
  let out = "";
  let i = 0, done = 0;
  while (done < count) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + rep;
    i = j + old.length;
    done++;
  }
  return out + s.slice(i);
}

export function strJoin(sep: string, iterable: number, out: number): void {
  const parts: string[] = [];
  const t = typeIndexOf(iterable);
  if (t === T_LIST || t === T_TUPLE) {
    const r = W.getRef(iterable);
    const n = t === T_LIST ? listLen(r) : tupleLen(r);
    const base = t === T_LIST ? listItem(r, 0) : tupleItem(r, 0);
    for (let k = 0; k < n; k++) {
      const a = base + 8 * k;
      if (!isStr(a)) {
        throw typeError(`sequence item ${k}: expected str instance, ${typeName(a)} found`);
      }
      parts.push(strValue(W.getRef(a)));
    }
  } else {
    let k = 0;
    forEach(iterable, (a) => {
      if (!isStr(a)) {
        throw typeError(`sequence item ${k}: expected str instance, ${typeName(a)} found`);
      }
      parts.push(strValue(W.getRef(a)));
      k++;
    });
  }
  setStr(out, parts.join(sep));
}

function strSlice(r: number, key: number): string {
  const s = strValue(r);
  const bmp = strIsBmp(r);
  sliceIndices(W.getRef(key), strLength(r));
  const { start, step, len } = SL;
  if (step === 1) {
    if (bmp) return s.slice(start, start + len);
    return cps(s).slice(start, start + len).join("");
  }
  const a = bmp ? null : cps(s);
  let out = "";
  for (let k = 0; k < len; k++) {
    const i = start + k * step;
    out += a === null ? s[i] : a[i];
  }
  return out;
}

function prefixTest(args: number, nargs: number, fname: string, ends: boolean): boolean {
  argRange(fname, nargs - 1, 1, 3);
  const r = W.getRef(args);
  const s = strValue(r);
  const bmp = strIsBmp(r);
  const [start, end] = range2(args, nargs, 2, strLength(r));
  const test = (p: string): boolean => {
    if (start > end) return false;
    const hay = s.slice(cpToJs(s, bmp, start), cpToJs(s, bmp, end));
    return ends ? hay.endsWith(p) : hay.startsWith(p);
  };
  const a = args + 8;
  if (isStr(a)) return test(strValue(W.getRef(a)));
  if (typeIndexOf(a) === T_TUPLE) {
    const tr = W.getRef(a);
    for (let k = 0; k < tupleLen(tr); k++) {
      const it = tupleItem(tr, k);
      if (!isStr(it)) {
        throw typeError(
          `tuple for ${fname} must only contain str, not ${typeName(it)}`,
        );
      }
      if (test(strValue(W.getRef(it)))) return true;
    }
    return false;
  }
  throw typeError(
    `${fname} first arg must be str or a tuple of str, not ${typeName(a)}`,
  );
}

function maxsplitArg(args: number, nargs: number, kw: number, fname: string): [number, number] {
  checkKw(kw, ["sep", "maxsplit"], fname);
  const np = posCount(nargs, kw);
  argRange(fname, np - 1, 0, 2);
  const sep = np > 1 ? args + 8 : kwArg(args, nargs, kw, "sep");
  const ms = np > 2 ? args + 16 : kwArg(args, nargs, kw, "maxsplit");
  return [sep, ms === 0 ? -1 : indexNumber(ms)];
}

export function installStr(): void {
  lenHooks[T_STR] = strLength;
  getItemHooks[T_STR] = (r, key, out) => {
    if (isSlice(key)) {
      setStr(out, strSlice(r, key));
      return;
    }
    const i = seqIndex(key, strLength(r), "string", "string");
    const s = strValue(r);
    if (strIsBmp(r)) W.setRef(out, charStr(s.charCodeAt(i)));
    else W.setRef(out, charStr(cps(s)[i].codePointAt(0)!));
  };
  containsHooks[T_STR] = (r, item) => {
    if (!isStr(item)) {
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return strValue(r).includes(strValue(W.getRef(item)));
  };
  compareHooks[T_STR] = (a, b) => {
    const x = strValue(a), y = strValue(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  eqHooks[T_STR] = (a, b) => strValue(a) === strValue(b);

  types[T_STR].construct = (args, nargs, kw, out) => {
    checkKw(kw, ["object"], "str");
    if (nargs === 0) {
      W.setRef(out, newStr(""));
      return;
    }
    if (nargs > 1) throw typeError(`str() takes at most 1 argument (${nargs} given)`);
    const a = nargs === 1 ? args : 0;
    if (isStr(a)) W.copy(out, a);
    else setStr(out, strOf(a));
  };

  const m = (name: string, fn: (args: number, nargs: number, kw: number, out: number) => void) =>
    defMethod(T_STR, name, fn);

  m("translate", (args, nargs, kw, out) => {
    noKw(kw, "str.translate");
    exactlyOne("str.translate", nargs - 1);
    setStr(out, translate(s0(args), args + 8));
  });
  const maketrans = newBuiltin("maketrans", strMaketrans, "str.maketrans");
  const sm = allocate(T_STATICMETHOD, 24, 0, 0);
  W.setRef(sm + 16, maketrans);
  const smSlot = tempPush(1);
  W.setRef(smSlot, sm);
  defTypeAttr(T_STR, "maketrans", smSlot);
  tempPopTo(smSlot);

  m("join", (args, nargs, kw, out) => {
    noKw(kw, "str.join");
    exactlyOne("str.join", nargs - 1);
    strJoin(s0(args), args + 8, out);
  });
  m("split", (args, nargs, kw, out) => {
    const [sep, ms] = maxsplitArg(args, nargs, kw, "split");
    const s = s0(args);
    if (sep === 0 || W.isNone(sep)) {
      splitWs(s, ms, out);
      return;
    }
    const p = strArg(sep, "split", "argument 'sep'");
    if (p === "") throw valueError("empty separator");
    let parts: string[];
    if (ms < 0) parts = s.split(p);
    else {
      parts = [];
      let i = 0;
      while (parts.length < ms) {
        const j = s.indexOf(p, i);
        if (j < 0) break;
        parts.push(s.slice(i, j));
        i = j + p.length;
      }
      parts.push(s.slice(i));
    }
    listOfStrings(parts, out);
  });
  m("rsplit", (args, nargs, kw, out) => {
    const [sep, ms] = maxsplitArg(args, nargs, kw, "rsplit");
    const s = s0(args);
    if (sep === 0 || W.isNone(sep)) {
      listOfStrings(rsplitWs(s, ms), out);
      return;
    }
    const p = strArg(sep, "rsplit", "argument 'sep'");
    if (p === "") throw valueError("empty separator");
    if (ms < 0) {
      listOfStrings(s.split(p), out);
      return;
    }
    const parts: string[] = [];
    let i = s.length;
    while (parts.length < ms) {
      const j = s.lastIndexOf(p, i - p.length);
      if (j < 0 || i - p.length < 0) break;
      parts.push(s.slice(j + p.length, i));
      i = j;
    }
    parts.push(s.slice(0, i));
    listOfStrings(parts.reverse(), out);
  });
  m("splitlines", (args, nargs, kw, out) => {
    checkKw(kw, ["keepends"], "splitlines");
    const ka = posCount(nargs, kw) > 1 ? args + 8 : kwArg(args, nargs, kw, "keepends");
    listOfStrings(splitlines(s0(args), ka !== 0 && truthy(ka)), out);
  });
  const strip = (name: string, l: boolean, r: boolean) =>
    m(name, (args, nargs, kw, out) => {
      noKw(kw, `str.${name}`);
      argRange(name, nargs - 1, 0, 1);
      let chars: string | null = null;
      if (nargs > 1 && !W.isNone(args + 8)) {
        if (!isStr(args + 8)) {
          throw typeError(`${name} arg must be None or str`);
        }
        chars = strValue(W.getRef(args + 8));
      }
      const s = s0(args);
      const res = stripChars(s, chars, l, r);
      if (res.length === s.length) W.copy(out, args);
      else setStr(out, res);
    });
  strip("strip", true, true);
  strip("lstrip", true, false);
  strip("rstrip", false, true);
  m("replace", (args, nargs, kw, out) => {
    noKw(kw, "str.replace");
    argRange("replace", nargs - 1, 2, 3);
    const old = strArg(args + 8, "replace", "argument 1");
    const rep = strArg(args + 16, "replace", "argument 2");
    const count = nargs > 3 ? indexNumber(args + 24) : -1;
    setStr(out, replace(s0(args), old, rep, count));
  });
  m("find", (args, nargs, kw, out) => {
    noKw(kw, "str.find");
    W.setInt(out, find(args, nargs, false, "find"));
  });
  m("rfind", (args, nargs, kw, out) => {
    noKw(kw, "str.rfind");
    W.setInt(out, find(args, nargs, true, "rfind"));
  });
  m("index", (args, nargs, kw, out) => {
    noKw(kw, "str.index");
    const i = find(args, nargs, false, "index");
    if (i < 0) throw valueError("substring not found");
    W.setInt(out, i);
  });
  m("rindex", (args, nargs, kw, out) => {
    noKw(kw, "str.rindex");
    const i = find(args, nargs, true, "rindex");
    if (i < 0) throw valueError("substring not found");
    W.setInt(out, i);
  });
  m("count", (args, nargs, kw, out) => {
    noKw(kw, "str.count");
    argRange("count", nargs - 1, 1, 3);
    const r = W.getRef(args);
    const s = strValue(r), bmp = strIsBmp(r);
    const sub = strArg(args + 8, "count", "argument 1");
    const len = strLength(r);
    const [start, end] = range2(args, nargs, 2, len);
    if (start > end || start > len) {
      W.setInt(out, 0);
      return;
    }
    const hay = s.slice(cpToJs(s, bmp, start), cpToJs(s, bmp, end));
    if (sub === "") {
      W.setInt(out, Array.from(hay).length + 1);
      return;
    }
    let c = 0, i = 0;
    for (;;) {
      const j = hay.indexOf(sub, i);
      if (j < 0) break;
      c++;
      i = j + sub.length;
    }
    W.setInt(out, c);
  });
  m("startswith", (args, nargs, kw, out) => {
    noKw(kw, "str.startswith");
    W.setBool(out, prefixTest(args, nargs, "startswith", false));
  });
  m("endswith", (args, nargs, kw, out) => {
    noKw(kw, "str.endswith");
    W.setBool(out, prefixTest(args, nargs, "endswith", true));
  });
  const unary = (name: string, f: (s: string) => string) =>
    m(name, (args, nargs, kw, out) => {
      noKw(kw, `str.${name}`);
      argRange(name, nargs - 1, 0, 0);
      setStr(out, f(s0(args)));
    });
  unary("upper", (s) => s.toUpperCase());
  unary("lower", (s) => s.toLowerCase());
  unary("casefold", (s) => s.toLowerCase());
  unary("swapcase", (s) => {
    let o = "";
    for (const c of s) {
      const u = c.toUpperCase();
      o += u === c ? c.toLowerCase() : u;
    }
    return o;
  });
  unary("capitalize", (s) => {
    const a = Array.from(s);
    if (a.length === 0) return "";
    return a[0].toUpperCase() + a.slice(1).join("").toLowerCase();
  });
  unary("title", titleCase);
  const pred = (name: string, f: (s: string) => boolean) =>
    m(name, (args, nargs, kw, out) => {
      noKw(kw, `str.${name}`);
      argRange(name, nargs - 1, 0, 0);
      W.setBool(out, f(s0(args)));
    });
  pred("isdigit", (s) => /^[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]+$/u.test(s));
  pred("isdecimal", (s) => /^\p{Nd}+$/u.test(s));
  pred("isnumeric", (s) => /^\p{N}+$/u.test(s));
  pred("isalpha", (s) => /^\p{L}+$/u.test(s));
  pred("isalnum", (s) => /^[\p{L}\p{N}]+$/u.test(s));
  pred("isspace", (s) => ALL_WS_RE.test(s));
  // deno-lint-ignore no-control-regex
  pred("isascii", (s) => /^[\x00-\x7f]*$/.test(s));
  pred("isupper", (s) => s.toUpperCase() === s && s.toLowerCase() !== s);
  pred("islower", (s) => s.toLowerCase() === s && s.toUpperCase() !== s);
  pred("istitle", isTitle);
  pred(
    "isidentifier",
    (s) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s),
  );
  pred("isprintable", (s) => {
    for (const c of s) if (c !== " " && NONPRINTABLE_RE.test(c)) return false;
    return true;
  });
  m("zfill", (args, nargs, kw, out) => {
    noKw(kw, "str.zfill");
    exactlyOne("str.zfill", nargs - 1);
    const s = s0(args);
    const w = indexNumber(args + 8);
    const n = Array.from(s).length;
    if (w <= n) {
      W.copy(out, args);
      return;
    }
    const sign = s[0] === "+" || s[0] === "-" ? s[0] : "";
    setStr(out, sign + "0".repeat(w - n) + s.slice(sign.length));
  });
  for (const [name, how] of [["center", "c"], ["ljust", "l"], ["rjust", "r"]] as const) {
    m(name, (args, nargs, kw, out) => {
      noKw(kw, `str.${name}`);
      argRange(name, nargs - 1, 1, 2);
      const w = indexNumber(args + 8);
      setStr(out, padTo(s0(args), w, fillArg(args, nargs, name), how));
    });
  }
  for (const rev of [false, true]) {
    const name = rev ? "rpartition" : "partition";
    m(name, (args, nargs, kw, out) => {
      noKw(kw, `str.${name}`);
      exactlyOne(`str.${name}`, nargs - 1);
      const s = s0(args);
      const sep = strArg(args + 8, name, "argument");
      if (sep === "") throw valueError("empty separator");
      const i = rev ? s.lastIndexOf(sep) : s.indexOf(sep);
      const t = newTuple(3);
      const parts = i < 0
        ? (rev ? ["", "", s] : [s, "", ""])
        : [s.slice(0, i), sep, s.slice(i + sep.length)];
      for (let k = 0; k < 3; k++) W.setRef(tupleItem(t, k), newStr(parts[k]));
      W.setRef(out, t);
    });
  }
  m("removeprefix", (args, nargs, kw, out) => {
    noKw(kw, "str.removeprefix");
    exactlyOne("str.removeprefix", nargs - 1);
    const s = s0(args), p = strArg(args + 8, "removeprefix", "argument");
    setStr(out, p !== "" && s.startsWith(p) ? s.slice(p.length) : s);
  });
  m("removesuffix", (args, nargs, kw, out) => {
    noKw(kw, "str.removesuffix");
    exactlyOne("str.removesuffix", nargs - 1);
    const s = s0(args), p = strArg(args + 8, "removesuffix", "argument");
    setStr(out, p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
  });
  m("expandtabs", (args, nargs, kw, out) => {
    checkKw(kw, ["tabsize"], "expandtabs");
    const ta = posCount(nargs, kw) > 1 ? args + 8 : kwArg(args, nargs, kw, "tabsize");
    const size = ta === 0 ? 8 : indexNumber(ta);
    let o = "", col = 0;
    for (const c of s0(args)) {
      if (c === "\t") {
        if (size > 0) {
          const n = size - (col % size);
          o += " ".repeat(n);
          col += n;
        }
      } else if (c === "\n" || c === "\r") {
        o += c;
        col = 0;
      } else {
        o += c;
        col++;
      }
    }
    setStr(out, o);
  });
  m("format", (args, nargs, kw, out) => {
    setStr(out, strFormat(s0(args), args + 8, posCount(nargs, kw) - 1, kw));
  });
  m("__len__", (args, _n, _kw, out) => W.setInt(out, strLength(W.getRef(args))));
  m("__contains__", (args, nargs, _kw, out) => {
    exactlyOne("__contains__", nargs - 1);
    W.setBool(out, containsHooks[T_STR](W.getRef(args), args + 8));
  });
  m("__getitem__", (args, nargs, _kw, out) => {
    exactlyOne("__getitem__", nargs - 1);
    getItemHooks[T_STR](W.getRef(args), args + 8, out);
  });
}

export { E, pyError };
