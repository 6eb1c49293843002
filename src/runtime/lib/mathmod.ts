// The math module.
import { f64, W } from "../mem.ts";
import { setIntBig } from "../int.ts";
import { E, pyError, typeError, valueError } from "../errors.ts";
import { binaryOp, callMethod, lookupType, typeName } from "../ops.ts";
import { typeIndexOf, types } from "../types.ts";
import { intToFloat, NB_MULTIPLY, numKind } from "../num.ts";
import { intern } from "../str.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { argRange, checkKw, forEach, indexOf, intValue, kwArg, noKw, posCount } from "./util.ts";
import type { BuiltinFn } from "../builtin_fn.ts";

/** The float value of a numeric argument (or __float__ / __index__). */
export function toFloat(a: number): number {
  const k = numKind(a);
  if (k === 2) return f64[a >> 3];
  if (k === 1) return intToFloat(intValue(a)!);
  const t = typeIndexOf(a);
  if (types[t].isClass) {
    for (const name of ["__float__", "__index__"]) {
      if (lookupType(t, intern(name)) !== 0) {
        const out = tempPush(1);
        try {
          callMethod(a, intern(name), 0, 0, out);
          return toFloat(out);
        } finally {
          tempPopTo(out);
        }
      }
    }
  }
  throw typeError(`must be real number, not ${typeName(a)}`);
}

function domain(): never {
  throw valueError("math domain error");
}
function range(): never {
  throw pyError(E.OverflowError, "math range error");
}

function f1(
  name: string,
  fn: (x: number) => number,
  check?: (x: number) => boolean,
): [string, BuiltinFn] {
  return [name, (args, nargs, kw, out) => {
    noKw(kw, name);
    if (nargs !== 1) throw typeError(`math.${name}() takes exactly one argument (${nargs} given)`);
    const x = toFloat(args);
    if (check !== undefined && !check(x)) domain();
    const r = fn(x);
    if (r !== r && x === x) domain();
    if (!Number.isFinite(r) && Number.isFinite(x)) range();
    W.setFloat(out, r);
  }];
}

function bigOf(a: number, fname: string): bigint {
  const v = intValue(a);
  if (v === null) {
    if (numKind(a) === 2) throw typeError(`'float' object cannot be interpreted as an integer`);
    return BigInt(indexOf(a));
  }
  void fname;
  return BigInt(v);
}

function isqrt(n: bigint): bigint {
  if (n < 0n) throw valueError("isqrt() argument must be nonnegative");
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Shewchuk's exact summation, rounded once (math.fsum). */
function fsum(xs: number[]): number {
  const partials: number[] = [];
  let special = 0, inf = 0;
  for (let x of xs) {
    if (!Number.isFinite(x)) {
      if (x !== x) special = NaN;
      else if (inf !== 0 && inf !== x) special = NaN;
      else inf = x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== special) throw valueError("-inf + inf in fsum");
  if (inf !== 0) return inf;
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}

function factorial(n: bigint): bigint {
  let r = 1n;
  for (let k = 2n; k <= n; k++) r *= k;
  return r;
}

export function mathFunctions(): [string, BuiltinFn][] {
  const fns: [string, BuiltinFn][] = [
    f1("sqrt", Math.sqrt, (x) => x >= 0 || x !== x),
    f1("exp", Math.exp),
    f1("sin", Math.sin, (x) => Number.isFinite(x) || x !== x),
    f1("cos", Math.cos, (x) => Number.isFinite(x) || x !== x),
    f1("tan", Math.tan, (x) => Number.isFinite(x) || x !== x),
    f1("asin", Math.asin, (x) => (x >= -1 && x <= 1) || x !== x),
    f1("acos", Math.acos, (x) => (x >= -1 && x <= 1) || x !== x),
    f1("atan", Math.atan),
    f1("sinh", Math.sinh),
    f1("cosh", Math.cosh),
    f1("tanh", Math.tanh),
    f1("asinh", Math.asinh),
    f1("acosh", Math.acosh, (x) => x >= 1 || x !== x),
    f1("atanh", Math.atanh, (x) => (x > -1 && x < 1) || x !== x),
    f1("log2", Math.log2, (x) => x > 0 || x !== x),
    f1("log10", Math.log10, (x) => x > 0 || x !== x),
    f1("log1p", Math.log1p, (x) => x > -1 || x !== x),
    f1("expm1", Math.expm1),
    f1("fabs", Math.abs),
    f1("degrees", (x) => x * (180 / Math.PI)),
    f1("radians", (x) => x * (Math.PI / 180)),
  ];
  const add = (name: string, fn: BuiltinFn) => fns.push([name, fn]);
  add("log", (args, nargs, kw, out) => {
    noKw(kw, "log");
    argRange("log", nargs, 1, 2);
    const lnOf = (a: number): number => {
      const v = intValue(a);
      if (v !== null && typeof v === "bigint") {
        if (v <= 0n) domain();
        const s = v.toString(2).length;
        const shift = Math.max(0, s - 60);
        return Math.log(Number(v >> BigInt(shift))) + shift * Math.LN2;
      }
      const x = toFloat(a);
      if (!(x > 0) && x === x) domain();
      return Math.log(x);
    };
    const r = lnOf(args);
    if (nargs === 2) {
      const b = lnOf(args + 8);
      if (b === 0) throw pyError(E.ZeroDivisionError, "float division by zero");
      W.setFloat(out, r / b);
    } else W.setFloat(out, r);
  });
  add("pow", (args, nargs, kw, out) => {
    noKw(kw, "pow");
    argRange("pow", nargs, 2, 2);
    const x = toFloat(args), y = toFloat(args + 8);
    if (x === 0 && y < 0) domain();
    if (x < 0 && Number.isFinite(y) && !Number.isInteger(y)) domain();
    const r = x === 1 || y === 0 ? 1 : Math.pow(x, y);
    if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) range();
    W.setFloat(out, r);
  });
  add("atan2", (args, nargs, kw, out) => {
    noKw(kw, "atan2");
    argRange("atan2", nargs, 2, 2);
    W.setFloat(out, Math.atan2(toFloat(args), toFloat(args + 8)));
  });
  add("copysign", (args, nargs, kw, out) => {
    noKw(kw, "copysign");
    argRange("copysign", nargs, 2, 2);
    const x = Math.abs(toFloat(args)), y = toFloat(args + 8);
    W.setFloat(out, y < 0 || Object.is(y, -0) ? -x : x);
  });
  add("fmod", (args, nargs, kw, out) => {
    noKw(kw, "fmod");
    argRange("fmod", nargs, 2, 2);
    const x = toFloat(args), y = toFloat(args + 8);
    if (y === 0 || !Number.isFinite(x)) {
      if (x === x && y === y) domain();
    }
    W.setFloat(out, x % y);
  });
  add("hypot", (args, nargs, kw, out) => {
    noKw(kw, "hypot");
    const xs: number[] = [];
    for (let k = 0; k < nargs; k++) xs.push(toFloat(args + 8 * k));
    W.setFloat(out, Math.hypot(...xs));
  });
  add("dist", (args, nargs, kw, out) => {
    noKw(kw, "dist");
    argRange("dist", nargs, 2, 2);
    const a: number[] = [], b: number[] = [];
    forEach(args, (x) => {
      a.push(toFloat(x));
    });
    forEach(args + 8, (x) => {
      b.push(toFloat(x));
    });
    if (a.length !== b.length) {
      throw valueError("both points must have the same number of dimensions");
    }
    W.setFloat(out, Math.hypot(...a.map((x, i) => x - b[i])));
  });
  const rounding = (name: string, f: (x: number) => number, dunder: string) =>
    add(name, (args, nargs, kw, out) => {
      noKw(kw, name);
      if (nargs !== 1) {
        throw typeError(`math.${name}() takes exactly one argument (${nargs} given)`);
      }
      const k = numKind(args);
      if (k === 1) {
        setIntBig(out, BigInt(intValue(args)!));
        return;
      }
      const t = typeIndexOf(args);
      if (k === 0 && types[t].isClass && lookupType(t, intern(dunder)) !== 0) {
        callMethod(args, intern(dunder), 0, 0, out);
        return;
      }
      const x = toFloat(args);
      if (x !== x) throw valueError("cannot convert float NaN to integer");
      if (!Number.isFinite(x)) {
        throw pyError(E.OverflowError, "cannot convert float infinity to integer");
      }
      const r = f(x);
      setIntBig(out, BigInt(r === 0 ? 0 : r));
    });
  rounding("floor", Math.floor, "__floor__");
  rounding("ceil", Math.ceil, "__ceil__");
  rounding("trunc", Math.trunc, "__trunc__");
  add("isnan", (args, nargs, kw, out) => {
    noKw(kw, "isnan");
    argRange("isnan", nargs, 1, 1);
    const x = toFloat(args);
    W.setBool(out, x !== x);
  });
  add("isinf", (args, nargs, kw, out) => {
    noKw(kw, "isinf");
    argRange("isinf", nargs, 1, 1);
    const x = toFloat(args);
    W.setBool(out, x === Infinity || x === -Infinity);
  });
  add("isfinite", (args, nargs, kw, out) => {
    noKw(kw, "isfinite");
    argRange("isfinite", nargs, 1, 1);
    W.setBool(out, Number.isFinite(toFloat(args)));
  });
  add("isclose", (args, nargs, kw, out) => {
    checkKw(kw, ["rel_tol", "abs_tol"], "isclose");
    const np = posCount(nargs, kw);
    if (np !== 2) throw typeError(`isclose() takes exactly 2 positional arguments (${np} given)`);
    const a = toFloat(args), b = toFloat(args + 8);
    const rt = kwArg(args, nargs, kw, "rel_tol"), at = kwArg(args, nargs, kw, "abs_tol");
    const rel = rt === 0 ? 1e-9 : toFloat(rt), abs = at === 0 ? 0 : toFloat(at);
    if (rel < 0 || abs < 0) throw valueError("tolerances must be non-negative");
    if (a === b) {
      W.setBool(out, true);
      return;
    }
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      W.setBool(out, false);
      return;
    }
    const d = Math.abs(b - a);
    W.setBool(out, d <= Math.abs(rel * b) || d <= Math.abs(rel * a) || d <= abs);
  });
  add("gcd", (args, nargs, kw, out) => {
    noKw(kw, "gcd");
    let g = 0n;
    for (let k = 0; k < nargs; k++) g = gcd(g, bigOf(args + 8 * k, "gcd"));
    setIntBig(out, g);
  });
  add("lcm", (args, nargs, kw, out) => {
    noKw(kw, "lcm");
    let l = 1n;
    for (let k = 0; k < nargs; k++) {
      const v = bigOf(args + 8 * k, "lcm");
      if (v === 0n || l === 0n) l = 0n;
      else {
        const r = (l * v) / gcd(l, v);
        l = r < 0n ? -r : r;
      }
    }
    setIntBig(out, l);
  });
  add("factorial", (args, nargs, kw, out) => {
    noKw(kw, "factorial");
    if (nargs !== 1) {
      throw typeError(`math.factorial() takes exactly one argument (${nargs} given)`);
    }
    const n = bigOf(args, "factorial");
    if (n < 0n) throw valueError("factorial() not defined for negative values");
    setIntBig(out, factorial(n));
  });
  add("isqrt", (args, nargs, kw, out) => {
    noKw(kw, "isqrt");
    if (nargs !== 1) throw typeError(`math.isqrt() takes exactly one argument (${nargs} given)`);
    setIntBig(out, isqrt(bigOf(args, "isqrt")));
  });
  add("comb", (args, nargs, kw, out) => {
    noKw(kw, "comb");
    argRange("comb", nargs, 2, 2);
    const n = bigOf(args, "comb"), k = bigOf(args + 8, "comb");
    if (n < 0n) throw valueError("n must be a non-negative integer");
    if (k < 0n) throw valueError("k must be a non-negative integer");
    if (k > n) {
      W.setInt(out, 0);
      return;
    }
    const kk = k < n - k ? k : n - k;
    let r = 1n;
    for (let i = 1n; i <= kk; i++) r = (r * (n - kk + i)) / i;
    setIntBig(out, r);
  });
  add("perm", (args, nargs, kw, out) => {
    noKw(kw, "perm");
    argRange("perm", nargs, 1, 2);
    const n = bigOf(args, "perm");
    const k = nargs > 1 && !W.isNone(args + 8) ? bigOf(args + 8, "perm") : n;
    if (n < 0n) throw valueError("n must be a non-negative integer");
    if (k < 0n) throw valueError("k must be a non-negative integer");
    if (k > n) {
      W.setInt(out, 0);
      return;
    }
    let r = 1n;
    for (let i = n - k + 1n; i <= n; i++) r *= i;
    setIntBig(out, r);
  });
  add("fsum", (args, nargs, kw, out) => {
    noKw(kw, "fsum");
    argRange("fsum", nargs, 1, 1);
    const xs: number[] = [];
    forEach(args, (x) => {
      xs.push(toFloat(x));
    });
    W.setFloat(out, fsum(xs));
  });
  add("prod", (args, nargs, kw, out) => {
    checkKw(kw, ["start"], "prod");
    if (posCount(nargs, kw) !== 1) throw typeError("prod() takes exactly 1 positional argument");
    const st = kwArg(args, nargs, kw, "start");
    const acc = tempPush(1);
    try {
      if (st !== 0) W.copy(acc, st);
      else W.setInt(acc, 1);
      forEach(args, (x) => binaryOp(NB_MULTIPLY, acc, x, acc));
      W.copy(out, acc);
    } finally {
      tempPopTo(acc);
    }
  });
  add("modf", (args, nargs, kw, out) => {
    noKw(kw, "modf");
    argRange("modf", nargs, 1, 1);
    const x = toFloat(args);
    const ip = Number.isFinite(x) ? Math.trunc(x) : x;
    const fp = Number.isFinite(x) ? x - ip : (x !== x ? x : (x > 0 ? 0 : -0));
    const t = newTuple(2);
    W.setFloat(tupleItem(t, 0), Object.is(x, -0) || (x < 0 && fp === 0) ? -Math.abs(fp) : fp);
    W.setFloat(tupleItem(t, 1), ip);
    W.setRef(out, t);
  });
  add("frexp", (args, nargs, kw, out) => {
    noKw(kw, "frexp");
    argRange("frexp", nargs, 1, 1);
    let x = toFloat(args);
    let e = 0;
    if (x !== 0 && Number.isFinite(x)) {
      e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
      x = x * Math.pow(2, -e);
      while (Math.abs(x) < 0.5) {
        x *= 2;
        e--;
      }
      while (Math.abs(x) >= 1) {
        x /= 2;
        e++;
      }
    }
    const t = newTuple(2);
    W.setFloat(tupleItem(t, 0), x);
    W.setInt(tupleItem(t, 1), e);
    W.setRef(out, t);
  });
  add("ldexp", (args, nargs, kw, out) => {
    noKw(kw, "ldexp");
    argRange("ldexp", nargs, 2, 2);
    const x = toFloat(args);
    const e = Number(bigOf(args + 8, "ldexp"));
    let r = x;
    let k = e;
    while (k > 1000) {
      r *= 2 ** 1000;
      k -= 1000;
    }
    while (k < -1000) {
      r *= 2 ** -1000;
      k += 1000;
    }
    r *= 2 ** k;
    if (!Number.isFinite(r) && Number.isFinite(x)) range();
    W.setFloat(out, r);
  });
  return fns;
}

import { newTuple, tupleItem } from "../seq.ts";
