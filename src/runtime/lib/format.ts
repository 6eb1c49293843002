// The format-spec mini-language (format(), str.format, f-strings), printf-style `%` formatting,
// and exact float-to-decimal conversion (CPython rounds the exact binary value half-to-even).
import { f64, u32, W } from "../mem.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { newStr, strValue } from "../str.ts";
import { tupleItem, tupleLen } from "../seq.ts";
import { T_BOOL, T_DICT, T_FLOAT, T_INT, T_STR, T_TUPLE } from "../type_ids.ts";
import { E, pyError, pyErrorWith, typeError, valueError } from "../errors.ts";
import { typeIndexOf, types } from "../types.ts";
import { callMethod, getAttr, getItem, lookupType, reprOf, strOf, typeName } from "../ops.ts";
import { floatRepr } from "../float_repr.ts";
import { intern } from "../str.ts";
import { intValue } from "./util.ts";
import { builtinInfo } from "../builtin_fn.ts";
import { T_BUILTIN } from "../type_ids.ts";
import { dictGetAddr } from "../dict.ts";

// ---------------------------------------------------------------------------------------------
// Exact decimal expansion of doubles

const SCR = 2048 + 8 * 62;

/** |x| = D * 10^-scale exactly (x finite). */
function exactDecimal(x: number): [bigint, number] {
  f64[SCR >> 3] = Math.abs(x);
  const lo = u32[SCR >> 2], hi = u32[(SCR >> 2) + 1];
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  if (m === 0n) return [0n, 0];
  if (e >= 0) return [m << BigInt(e), 0];
  return [m * 5n ** BigInt(-e), -e];
}

/** Round D / 10^drop to an integer, half to even. */
function roundDiv(D: bigint, drop: number): bigint {
  if (drop <= 0) return D * 10n ** BigInt(-drop);
  const p = 10n ** BigInt(drop);
  const q = D / p, r = D % p;
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| with exactly prec digits after the point (no sign). */
export function fixedDigits(x: number, prec: number): string {
  const ax = Math.abs(x);
  if (ax < 1e21 && prec <= 100) {
    // toFixed is exact except that it breaks ties upwards: ties need a short binary fraction.
    let y = ax, k = 0;
    while (!Number.isInteger(y) && k <= prec + 1) {
      y *= 2;
      k++;
    }
    if (!Number.isInteger(y)) return ax.toFixed(prec);
  }
  const [D, scale] = exactDecimal(ax);
  const N = roundDiv(D, scale - prec).toString();
  if (prec === 0) return N;
  const s = N.padStart(prec + 1, "0");
  return s.slice(0, s.length - prec) + "." + s.slice(s.length - prec);
}

/** |x| rounded to prec+1 significant digits: [digit string, decimal exponent of the first]. */
export function sciDigits(x: number, prec: number): [string, number] {
  const [D, scale] = exactDecimal(Math.abs(x));
  if (D === 0n) return ["0".repeat(prec + 1), 0];
  const L = D.toString().length;
  let exp = L - 1 - scale;
  let q = roundDiv(D, L - (prec + 1)).toString();
  if (q.length > prec + 1) {
    q = q.slice(0, prec + 1);
    exp++;
  }
  return [q, exp];
}

function expStr(exp: number): string {
  const a = Math.abs(exp);
  return (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
}

/** |x| in scientific notation with prec digits after the point. */
export function sciFormat(x: number, prec: number, upper: boolean, alt: boolean): string {
  const [d, exp] = sciDigits(x, prec);
  const m = d.length > 1 || alt ? d[0] + "." + d.slice(1) : d;
  return m + (upper ? "E" : "e") + expStr(exp);
}

/** |x| in 'g' style (prec significant digits); `repr` style keeps one digit past the point. */
export function generalFormat(
  x: number,
  prec: number,
  upper: boolean,
  alt: boolean,
  reprStyle: boolean,
): string {
  if (prec === 0) prec = 1;
  const ax = Math.abs(x);
  if (ax === 0) {
    if (alt) return "0." + "0".repeat(prec - 1);
    return reprStyle ? "0.0" : "0";
  }
  const [d, exp] = sciDigits(ax, prec - 1);
  let s: string;
  if (exp >= -4 && exp < prec) {
    // fixed with prec - 1 - exp decimals, from the rounded digits
    if (exp >= 0) {
      const ip = d.slice(0, exp + 1), fp = d.slice(exp + 1);
      s = fp.length > 0 ? ip + "." + fp : ip;
    } else s = "0." + "0".repeat(-exp - 1) + d;
    if (!alt) {
      if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
      if (reprStyle && !s.includes(".")) s += ".0";
    } else if (!s.includes(".")) s += ".";
  } else {
    let m = d.length > 1 ? d[0] + "." + d.slice(1) : d;
    if (!alt) m = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    else if (!m.includes(".")) m += ".";
    s = m + (upper ? "E" : "e") + expStr(exp);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Format specs

interface Spec {
  fill: string;
  align: string;
  sign: string;
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  prec: number;
  type: string;
}

function parseSpec(spec: string): Spec {
  const s: Spec = {
    fill: " ",
    align: "",
    sign: "",
    z: false,
    alt: false,
    zero: false,
    width: -1,
    grouping: "",
    prec: -1,
    type: "",
  };
  const cps = Array.from(spec);
  let i = 0;
  const isAlign = (c: string | undefined) => c === "<" || c === ">" || c === "^" || c === "=";
  if (cps.length >= 2 && isAlign(cps[1])) {
    s.fill = cps[0];
    s.align = cps[1];
    i = 2;
  } else if (isAlign(cps[0])) {
    s.align = cps[0];
    i = 1;
  }
  if (cps[i] === "+" || cps[i] === "-" || cps[i] === " ") s.sign = cps[i++];
  if (cps[i] === "z") {
    s.z = true;
    i++;
  }
  if (cps[i] === "#") {
    s.alt = true;
    i++;
  }
  if (cps[i] === "0") {
    s.zero = true;
    i++;
  }
  let w = "";
  while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") w += cps[i++];
  if (w !== "") s.width = Number(w);
  if (cps[i] === "," || cps[i] === "_") {
    s.grouping = cps[i++];
    if (cps[i] === "," || cps[i] === "_") throw valueError("Cannot specify both ',' and '_'.");
  }
  if (cps[i] === ".") {
    i++;
    let p = "";
    while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") p += cps[i++];
    if (p === "") throw valueError("Format specifier missing precision");
    s.prec = Number(p);
  }
  if (i < cps.length) s.type = cps[i++];
  if (i < cps.length) throw valueError("Invalid format specifier");
  if (s.zero && s.align === "") {
    s.fill = "0";
    s.align = "=";
  } else if (s.zero && s.fill === " " && spec.length > 0 && !isAlign(cps[1])) {
    s.fill = "0";
  }
  return s;
}

function group(digits: string, sep: string, every: number): string {
  if (sep === "") return digits;
  let out = "";
  let n = digits.length;
  while (n > every) {
    out = sep + digits.slice(n - every, n) + out;
    n -= every;
  }
  return digits.slice(0, n) + out;
}

/** Lay out sign/prefix + body in the spec's width. */
function pad(prefix: string, body: string, s: Spec, defaultAlign: string): string {
  const align = s.align === "" ? defaultAlign : s.align;
  const len = Array.from(prefix).length + Array.from(body).length;
  if (s.width <= len) return prefix + body;
  const n = s.width - len;
  switch (align) {
    case "<":
      return prefix + body + s.fill.repeat(n);
    case "^": {
      const left = n >> 1;
      return s.fill.repeat(left) + prefix + body + s.fill.repeat(n - left);
    }
    case "=":
      return prefix + s.fill.repeat(n) + body;
    default:
      return s.fill.repeat(n) + prefix + body;
  }
}

/** Zero padding that continues the digit grouping (format(1234, '09,') == '0,001,234'). */
function groupedNumber(
  intDigits: string,
  rest: string,
  prefix: string,
  s: Spec,
  every: number,
): string {
  if (s.grouping !== "" && s.align === "=" && s.fill === "0" && s.width > 0) {
    let d = intDigits;
    while (prefix.length + group(d, s.grouping, every).length + rest.length < s.width) d = "0" + d;
    return prefix + group(d, s.grouping, every) + rest;
  }
  return pad(prefix, group(intDigits, s.grouping, every) + rest, s, ">");
}

function signOf(neg: boolean, s: Spec): string {
  if (neg) return "-";
  return s.sign === "+" ? "+" : s.sign === " " ? " " : "";
}

function formatInt(v: number | bigint, s: Spec, tname: string): string {
  const t = s.type;
  if ("eEfFgG%".includes(t) && t !== "") {
    const x = typeof v === "bigint" ? Number(v) : v;
    if (!Number.isFinite(x)) throw pyError(E.OverflowError, "int too large to convert to float");
    return formatFloat(x, s);
  }
  if (s.prec >= 0) throw valueError("Precision not allowed in integer format specifier");
  if (t === "c") {
    if (s.sign !== "") throw valueError("Sign not allowed with integer format specifier 'c'");
    const n = Number(v);
    if (n < 0 || n > 0x10ffff) throw pyError(E.OverflowError, "%c arg not in range(0x110000)");
    return pad("", String.fromCodePoint(n), s, "<");
  }
  let base = 10, prefix = "";
  switch (t) {
    case "":
    case "d":
    case "n":
      break;
    case "b":
      base = 2;
      prefix = "0b";
      break;
    case "o":
      base = 8;
      prefix = "0o";
      break;
    case "x":
      base = 16;
      prefix = "0x";
      break;
    case "X":
      base = 16;
      prefix = "0X";
      break;
    default:
      throw valueError(`Unknown format code '${t}' for object of type '${tname}'`);
  }
  if (s.grouping === "," && base !== 10) {
    throw valueError(`Cannot specify ',' with '${t}'.`);
  }
  const neg = v < 0;
  let digits = (neg ? -v : v).toString(base);
  if (t === "X") digits = digits.toUpperCase();
  const pre = signOf(neg, s) + (s.alt ? prefix : "");
  return groupedNumber(digits, "", pre, s, base === 10 ? 3 : 4);
}

function formatFloat(x: number, s: Spec): string {
  let t = s.type;
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  let percent = "";
  if (t === "n") t = "g";
  if (!Number.isFinite(x)) {
    body = x !== x ? "nan" : "inf";
    if (t === "E" || t === "F" || t === "G") body = body.toUpperCase();
    if (t === "%") percent = "%";
    const sign = x !== x ? signOf(false, s) : signOf(neg, s);
    const sp = { ...s };
    if (sp.fill === "0" && sp.zero) sp.fill = " ";
    return pad(sign, body + percent, sp, ">");
  }
  const prec = s.prec;
  switch (t) {
    case "f":
    case "F":
      body = fixedDigits(ax, prec < 0 ? 6 : prec);
      if (s.alt && !body.includes(".")) body += ".";
      break;
    case "%":
      body = fixedDigits(ax * 100, prec < 0 ? 6 : prec);
      if (s.alt && !body.includes(".")) body += ".";
      percent = "%";
      break;
    case "e":
    case "E":
      body = sciFormat(ax, prec < 0 ? 6 : prec, t === "E", s.alt);
      break;
    case "g":
    case "G":
      body = generalFormat(ax, prec < 0 ? 6 : prec, t === "G", s.alt, false);
      break;
    case "":
      body = prec < 0 ? floatRepr(ax) : generalFormat(ax, prec, false, s.alt, true);
      break;
    default:
      throw valueError(`Unknown format code '${t}' for object of type 'float'`);
  }
  let negative = neg;
  if (s.z && negative && /^[0.]*$/.test(body.replace(/e.*$/i, "").replace(/[^0-9.]/g, ""))) {
    if (!/[1-9]/.test(body)) negative = false;
  }
  // split integer digits for grouping
  const m = /^(\d*)(.*)$/s.exec(body)!;
  return groupedNumber(m[1], m[2] + percent, signOf(negative, s), s, 3);
}

function formatStr(v: string, s: Spec): string {
  if (s.type !== "" && s.type !== "s") {
    throw valueError(`Unknown format code '${s.type}' for object of type 'str'`);
  }
  if (s.sign !== "") throw valueError("Sign not allowed in string format specifier");
  if (s.alt) throw valueError("Alternate form (#) not allowed in string format specifier");
  if (s.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  if (s.grouping !== "") throw valueError(`Cannot specify '${s.grouping}' with 's'.`);
  if (s.prec >= 0) {
    const cps = Array.from(v);
    if (cps.length > s.prec) v = cps.slice(0, s.prec).join("");
  }
  return pad("", v, s, "<");
}

/** format(value, spec) as a JS string. */
export function formatValue(a: number, spec: string): string {
  const t = typeIndexOf(a);
  if (t === T_STR) {
    if (spec === "") return strValue(W.getRef(a));
    return formatStr(strValue(W.getRef(a)), parseSpec(spec));
  }
  if (t === T_INT || (t === T_BOOL && spec !== "")) {
    if (spec === "") return reprOf(a);
    return formatInt(intValue(a)!, parseSpec(spec), types[t].name);
  }
  if (t === T_FLOAT) {
    if (spec === "") return floatRepr(f64[a >> 3]);
    return formatFloat(f64[a >> 3], parseSpec(spec));
  }
  if (types[t].isClass) {
    const m = lookupType(t, intern("__format__"));
    if (
      m !== 0 && !(W.isRef(m) && u32[W.getRef(m) >> 2] === T_BUILTIN &&
        builtinInfo(W.getRef(m)).qualname.startsWith("object."))
    ) {
      const tmp = tempPush(2);
      try {
        W.setRef(tmp, newStr(spec));
        callMethod(a, intern("__format__"), tmp, 1, tmp + 8);
        if (typeIndexOf(tmp + 8) !== T_STR) {
          throw typeError(`__format__ must return a str, not ${typeName(tmp + 8)}`);
        }
        return strValue(W.getRef(tmp + 8));
      } finally {
        tempPopTo(tmp);
      }
    }
    // int/float/str subclasses are not special-cased; fall back to str()
  }
  if (spec !== "") {
    throw typeError(`unsupported format string passed to ${types[t].name}.__format__`);
  }
  return strOf(a);
}

// ---------------------------------------------------------------------------------------------
// str.format

/** str.format(*args, **kwargs): args at `args` (npos positional), kwargs named by kwTuple. */
export function strFormat(fmt: string, args: number, npos: number, kw: number): string {
  const nkw = kw === 0 ? 0 : tupleLen(kw);
  let auto = 0;
  let mode = 0; // 0 unknown, 1 auto, 2 manual
  const lookupField = (name: string, out: number): void => {
    // first part: index or name
    const m = /^([^.[]*)(.*)$/s.exec(name)!;
    const first = m[1];
    let rest = m[2];
    if (first === "") {
      if (mode === 2) {
        throw valueError(
          "cannot switch from manual field specification to automatic field numbering",
        );
      }
      mode = 1;
      const i = auto++;
      if (i >= npos) {
        throw pyError(
          E.IndexError,
          `Replacement index ${i} out of range for positional args tuple`,
        );
      }
      W.copy(out, args + 8 * i);
    } else if (/^\d+$/.test(first)) {
      if (mode === 1) {
        throw valueError(
          "cannot switch from automatic field numbering to manual field specification",
        );
      }
      mode = 2;
      const i = Number(first);
      if (i >= npos) {
        throw pyError(
          E.IndexError,
          `Replacement index ${i} out of range for positional args tuple`,
        );
      }
      W.copy(out, args + 8 * i);
    } else {
      let found = false;
      for (let k = 0; k < nkw; k++) {
        if (strValue(W.getRef(tupleItem(kw, k))) === first) {
          W.copy(out, args + 8 * (npos + k));
          found = true;
          break;
        }
      }
      if (!found) {
        W.setRef(out, newStr(first));
        throw pyErrorWith(E.KeyError, out);
      }
    }
    while (rest.length > 0) {
      if (rest[0] === ".") {
        const mm = /^\.([^.[]*)(.*)$/s.exec(rest)!;
        if (mm[1] === "") throw valueError("Empty attribute in format string");
        getAttr(out, intern(mm[1]), out);
        rest = mm[2];
      } else if (rest[0] === "[") {
        const close = rest.indexOf("]");
        if (close < 0) throw valueError("Missing ']' in format string");
        const key = rest.slice(1, close);
        const k = tempPush(1);
        try {
          if (/^\d+$/.test(key)) W.setInt(k, Number(key));
          else W.setRef(k, newStr(key));
          getItem(out, k, out);
        } finally {
          tempPopTo(k);
        }
        rest = rest.slice(close + 1);
      } else {
        throw valueError("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
  };

  const render = (field: string, depth: number): string => {
    // field is the text between the braces
    let i = 0, bracket = 0;
    while (i < field.length) {
      const c = field[i];
      if (c === "[") bracket++;
      else if (c === "]") bracket--;
      else if (bracket === 0 && (c === "!" || c === ":")) break;
      i++;
    }
    const name = field.slice(0, i);
    let conv = "";
    let spec = "";
    if (field[i] === "!") {
      conv = field[i + 1] ?? "";
      if (field.length > i + 2 && field[i + 2] !== ":") {
        throw valueError("expected ':' after conversion specifier");
      }
      i += 2;
      if (conv !== "r" && conv !== "s" && conv !== "a") {
        throw valueError(`Unknown conversion specifier ${conv === "" ? "\\x00" : conv}`);
      }
    }
    if (field[i] === ":") spec = field.slice(i + 1);
    if (spec.includes("{")) {
      if (depth > 1) throw valueError("Max string recursion exceeded");
      spec = expand(spec, depth + 1);
    }
    const v = tempPush(1);
    try {
      lookupField(name, v);
      if (conv === "r") return formatValue(strSlot(reprOf(v), v), spec);
      if (conv === "s") return formatValue(strSlot(strOf(v), v), spec);
      if (conv === "a") return formatValue(strSlot(asciiOf(reprOf(v)), v), spec);
      return formatValue(v, spec);
    } finally {
      tempPopTo(v);
    }
  };

  const expand = (s: string, depth: number): string => {
    let out = "";
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === "{") {
        if (s[i + 1] === "{") {
          out += "{";
          i += 2;
          continue;
        }
        // find the matching close brace
        let level = 1, j = i + 1;
        while (j < s.length && level > 0) {
          if (s[j] === "{") level++;
          else if (s[j] === "}") level--;
          if (level > 0) j++;
        }
        if (j >= s.length) throw valueError("expected '}' before end of string");
        out += render(s.slice(i + 1, j), depth);
        i = j + 1;
      } else if (c === "}") {
        if (s[i + 1] === "}") {
          out += "}";
          i += 2;
          continue;
        }
        throw valueError("Single '}' encountered in format string");
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  return expand(fmt, 0);
}

function strSlot(s: string, slot: number): number {
  W.setRef(slot, newStr(s));
  return slot;
}

/** ascii(): repr with non-ASCII characters escaped. */
export function asciiOf(repr: string): string {
  let out = "";
  for (const ch of repr) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting (str % args)

export function percentFormat(fmt: string, arg: number): string {
  const t = typeIndexOf(arg);
  let items = 0, nitems = 1, single = true;
  if (t === T_TUPLE) {
    items = tupleItem(W.getRef(arg), 0);
    nitems = tupleLen(W.getRef(arg));
    single = false;
  }
  const isMapping = t === T_DICT ||
    (types[t].isClass && lookupType(t, intern("__getitem__")) !== 0 &&
      t !== T_TUPLE);
  let next = 0;
  let usedMapping = false;
  const nextArg = (): number => {
    if (single) {
      if (next >= 1) throw typeError("not enough arguments for format string");
      next++;
      return arg;
    }
    if (next >= nitems) throw typeError("not enough arguments for format string");
    return items + 8 * next++;
  };
  let out = "";
  let i = 0;
  const n = fmt.length;
  const tmp = tempPush(2);
  try {
    while (i < n) {
      const pct = fmt.indexOf("%", i);
      if (pct < 0) {
        out += fmt.slice(i);
        break;
      }
      out += fmt.slice(i, pct);
      i = pct + 1;
      if (i >= n) throw valueError("incomplete format");
      let valueSlot = 0;
      if (fmt[i] === "(") {
        if (!isMapping) throw typeError("format requires a mapping");
        let depth = 1, j = i + 1;
        while (j < n && depth > 0) {
          if (fmt[j] === "(") depth++;
          else if (fmt[j] === ")") depth--;
          j++;
        }
        if (depth > 0) throw valueError("incomplete format key");
        const key = fmt.slice(i + 1, j - 1);
        W.setRef(tmp, newStr(key));
        if (t === T_DICT) {
          const a = dictGetAddr(W.getRef(arg), tmp);
          if (a === 0) throw pyErrorWith(E.KeyError, tmp);
          W.copy(tmp + 8, a);
        } else getItem(arg, tmp, tmp + 8);
        valueSlot = tmp + 8;
        usedMapping = true;
        i = j;
      }
      let flags = "";
      while (i < n && "-+ #0".includes(fmt[i])) flags += fmt[i++];
      let width = -1;
      if (fmt[i] === "*") {
        const a = nextArg();
        if (!W.isInt(a)) throw typeError("* wants int");
        width = W.getInt(a);
        if (width < 0) {
          flags += "-";
          width = -width;
        }
        i++;
      } else {
        let w = "";
        while (i < n && fmt[i] >= "0" && fmt[i] <= "9") w += fmt[i++];
        if (w !== "") width = Number(w);
      }
      let prec = -1;
      if (fmt[i] === ".") {
        i++;
        if (fmt[i] === "*") {
          const a = nextArg();
          if (!W.isInt(a)) throw typeError("* wants int");
          prec = Math.max(0, W.getInt(a));
          i++;
        } else {
          let p = "";
          while (i < n && fmt[i] >= "0" && fmt[i] <= "9") p += fmt[i++];
          prec = p === "" ? 0 : Number(p);
        }
      }
      while (i < n && "hlL".includes(fmt[i])) i++;
      if (i >= n) throw valueError("incomplete format");
      const c = fmt[i++];
      if (c === "%") {
        out += "%";
        continue;
      }
      const v = valueSlot !== 0 ? valueSlot : nextArg();
      out += percentOne(c, v, flags, width, prec, i - 1);
    }
    if (!single && next < nitems && !usedMapping) {
      throw typeError("not all arguments converted during string formatting");
    }
    if (single && next === 0 && !usedMapping && !isMapping) {
      throw typeError("not all arguments converted during string formatting");
    }
    return out;
  } finally {
    tempPopTo(tmp);
  }
}

function percentOne(
  c: string,
  v: number,
  flags: string,
  width: number,
  prec: number,
  pos: number,
): string {
  const spec: Spec = {
    fill: " ",
    align: flags.includes("-") ? "<" : ">",
    sign: flags.includes("+") ? "+" : flags.includes(" ") ? " " : "",
    z: false,
    alt: flags.includes("#"),
    zero: false,
    width,
    grouping: "",
    prec: -1,
    type: "",
  };
  if (flags.includes("0") && !flags.includes("-")) {
    spec.fill = "0";
    spec.align = "=";
  }
  const padStr = (s: string) => {
    const sp = { ...spec, fill: " ", align: spec.align === "<" ? "<" : ">" };
    return pad("", s, sp, ">");
  };
  switch (c) {
    case "s":
    case "r":
    case "a": {
      let s = c === "s" ? strOf(v) : c === "r" ? reprOf(v) : asciiOf(reprOf(v));
      if (prec >= 0) s = Array.from(s).slice(0, prec).join("");
      return padStr(s);
    }
    case "d":
    case "i":
    case "u":
    case "x":
    case "X":
    case "o": {
      const k = typeIndexOf(v);
      let iv = intValue(v);
      if (iv === null) {
        if (k === T_FLOAT && (c === "d" || c === "i" || c === "u")) {
          const x = f64[v >> 3];
          if (!Number.isFinite(x)) {
            throw pyError(
              x !== x ? E.ValueError : E.OverflowError,
              x !== x
                ? "cannot convert float NaN to integer"
                : "cannot convert float infinity to integer",
            );
          }
          iv = BigInt(Math.trunc(x));
        } else if (c === "d" || c === "i" || c === "u") {
          throw typeError(`%${c} format: a real number is required, not ${typeName(v)}`);
        } else throw typeError(`%${c} format: an integer is required, not ${typeName(v)}`);
      }
      const neg = iv < 0;
      const base = c === "x" || c === "X" ? 16 : c === "o" ? 8 : 10;
      let digits = (neg ? -iv : iv).toString(base);
      if (c === "X") digits = digits.toUpperCase();
      if (prec >= 0 && digits.length < prec) digits = digits.padStart(prec, "0");
      const prefix = spec.alt && base !== 10 ? (c === "o" ? "0o" : c === "x" ? "0x" : "0X") : "";
      return pad(signOf(neg, spec) + prefix, digits, spec, ">");
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      const k = typeIndexOf(v);
      let x: number;
      if (k === T_FLOAT) x = f64[v >> 3];
      else {
        const iv = intValue(v);
        if (iv === null) throw typeError(`must be real number, not ${typeName(v)}`);
        x = Number(iv);
      }
      spec.prec = prec < 0 ? 6 : prec;
      spec.type = c;
      return formatFloat(x, spec);
    }
    case "c": {
      if (typeIndexOf(v) === T_STR) {
        const s = strValue(W.getRef(v));
        if (Array.from(s).length !== 1) throw typeError("%c requires int or char");
        return padStr(s);
      }
      const iv = intValue(v);
      if (iv === null) throw typeError("%c requires int or char");
      if (iv < 0 || iv > 0x10ffff) throw pyError(E.OverflowError, "%c arg not in range(0x110000)");
      return padStr(String.fromCodePoint(Number(iv)));
    }
    default:
      throw valueError(
        `unsupported format character '${c}' (0x${c.charCodeAt(0).toString(16)}) at index ${pos}`,
      );
  }
}
