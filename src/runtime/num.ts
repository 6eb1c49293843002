// Arithmetic on int, float and bool with CPython's semantics (floor division and modulo round
// toward negative infinity, true division of ints is correctly rounded, int results are exact).
// Small ints are computed with doubles while exact; otherwise with JS bigints.
import { f64, u32, W } from "./mem.ts";
import { bigValue, setIntBig, setIntNumber } from "./int.ts";
import { E, pyError } from "./errors.ts";
import { T_INT } from "./type_ids.ts";
import { HI_BOOL, HI_REF, TAG_INT } from "./value.ts";

export const NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MATMUL = 4;
export const NB_MULTIPLY = 5, NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9;
export const NB_SUBTRACT = 10, NB_TRUE_DIVIDE = 11, NB_XOR = 12, NB_INPLACE = 13;

export const NB_SYMBOLS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
export const NB_DUNDERS = [
  "add",
  "and",
  "floordiv",
  "lshift",
  "matmul",
  "mul",
  "mod",
  "or",
  "pow",
  "rshift",
  "sub",
  "truediv",
  "xor",
];

const EXACT = 2 ** 53;

/** 0: not a number, 1: int (small, big or bool), 2: float. */
export function numKind(a: number): number {
  const hi = u32[(a >> 2) + 1];
  if (hi < 0xfff90000) return 2;
  if (hi >>> 16 === TAG_INT || hi === HI_BOOL) return 1;
  if (hi === HI_REF && u32[u32[a >> 2] >> 2] === T_INT) return 1;
  return 0;
}

/** The int in slot a as a number when small/bool, else as bigint. */
export function intOf(a: number): number | bigint {
  const hi = u32[(a >> 2) + 1];
  if (hi >>> 16 === TAG_INT) return W.getInt(a);
  if (hi === HI_BOOL) return u32[a >> 2];
  return bigValue(u32[a >> 2]);
}

export function big(x: number | bigint): bigint {
  return typeof x === "bigint" ? x : BigInt(x);
}

/** int -> float with OverflowError like CPython. */
export function intToFloat(x: number | bigint): number {
  if (typeof x === "number") return x;
  const f = Number(x);
  if (!Number.isFinite(f)) throw pyError(E.OverflowError, "int too large to convert to float");
  return f;
}

export function floatOf(a: number, kind: number): number {
  return kind === 2 ? f64[a >> 3] : intToFloat(intOf(a));
}

function setInt(out: number, v: number | bigint): void {
  if (typeof v === "number") setIntNumber(out, v);
  else setIntBig(out, v);
}

function floorDivInt(x: number | bigint, y: number | bigint, mod: boolean): number | bigint {
  if (typeof x === "number" && typeof y === "number") {
    if (y === 0) throw zeroDiv(mod);
    let q = Math.floor(x / y);
    let r = x - q * y;
    if (y > 0 ? r < 0 : r > 0) {
      q -= 1;
      r += y;
    } else if (y > 0 ? r >= y : r <= y) {
      q += 1;
      r -= y;
    }
    return mod ? r : q;
  }
  const a = big(x), b = big(y);
  if (b === 0n) throw zeroDiv(mod);
  let q = a / b;
  let r = a % b;
  if (r !== 0n && (r < 0n) !== (b < 0n)) {
    q -= 1n;
    r += b;
  }
  return mod ? r : q;
}

function zeroDiv(mod: boolean) {
  return pyError(
    E.ZeroDivisionError,
    mod ? "integer modulo by zero" : "integer division or modulo by zero",
  );
}

/** Python float floor division / modulo. */
export function floatFloorDiv(x: number, y: number): number {
  if (y === 0) throw pyError(E.ZeroDivisionError, "float floor division by zero");
  // CPython's float_divmod, step by step, so the rounding is the same.
  const mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0 && (y < 0) !== (mod < 0)) div -= 1;
  if (div === 0) return (x / y < 0 || Object.is(x / y, -0)) ? -0 : 0;
  let fd = Math.floor(div);
  if (div - fd > 0.5) fd += 1;
  return fd;
}

export function floatMod(x: number, y: number): number {
  if (y === 0) throw pyError(E.ZeroDivisionError, "float modulo");
  let m = x % y;
  if (m !== 0) {
    if ((y < 0) !== (m < 0)) m += y;
  } else {
    m = y < 0 ? -0 : 0;
  }
  return m;
}

function intTrueDiv(x: number | bigint, y: number | bigint): number {
  if (typeof x === "number" && typeof y === "number") {
    if (y === 0) throw pyError(E.ZeroDivisionError, "division by zero");
    return x / y;
  }
  const a = big(x), b = big(y);
  if (b === 0n) throw pyError(E.ZeroDivisionError, "division by zero");
  const fa = Number(a), fb = Number(b);
  if (Math.abs(fa) < EXACT && Math.abs(fb) < EXACT) return fa / fb;
  // Scale so the quotient has 64+ significant bits, then round once.
  const neg = (a < 0n) !== (b < 0n);
  const na = a < 0n ? -a : a, nb = b < 0n ? -b : b;
  const shift = BigInt(Math.max(0, 70 - (na.toString(2).length - nb.toString(2).length)));
  const q = (na << shift) / nb;
  const r = Number(q) / 2 ** Number(shift);
  if (!Number.isFinite(r)) {
    throw pyError(E.OverflowError, "integer division result too large for a float");
  }
  return neg ? -r : r;
}

function intPow(x: number | bigint, y: number | bigint, out: number): void {
  if ((typeof y === "number" ? y : Number(y)) < 0) {
    const fx = intToFloat(x);
    if (fx === 0) throw pyError(E.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    W.setFloat(out, Math.pow(fx, intToFloat(y)));
    return;
  }
  if (typeof x === "number" && typeof y === "number") {
    const r = Math.pow(x, y);
    if (Math.abs(r) < EXACT) {
      setIntNumber(out, r);
      return;
    }
  }
  setIntBig(out, big(x) ** big(y));
}

export function floatPow(x: number, y: number): number {
  if (x === 0 && y < 0) {
    throw pyError(E.ZeroDivisionError, "0.0 cannot be raised to a negative power");
  }
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) {
    throw pyError(E.ValueError, "math domain error"); // CPython returns a complex number here
  }
  const r = Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw pyError(E.OverflowError, "(34, 'Numerical result out of range')");
  }
  if (x === 1 || (y === 0)) return 1;
  return r;
}

function bitOp(
  op: number,
  x: number | bigint,
  y: number | bigint,
  out: number,
  bools: boolean,
): void {
  if (op === NB_LSHIFT || op === NB_RSHIFT) {
    const b = big(y);
    if (b < 0n) throw pyError(E.ValueError, "negative shift count");
    const a = big(x);
    if (op === NB_RSHIFT) setIntBig(out, b > 100000n ? (a < 0n ? -1n : 0n) : a >> b);
    else {
      if (a !== 0n && b > 1n << 31n) throw pyError(E.MemoryError, "");
      setIntBig(out, a << b);
    }
    return;
  }
  let r: number | bigint;
  if (
    typeof x === "number" && typeof y === "number" && Math.abs(x) < 2 ** 31 && Math.abs(y) < 2 ** 31
  ) {
    r = op === NB_AND ? x & y : op === NB_OR ? x | y : x ^ y;
  } else {
    const a = big(x), b = big(y);
    r = op === NB_AND ? a & b : op === NB_OR ? a | b : a ^ b;
  }
  if (bools) W.setBool(out, r !== 0 && r !== 0n);
  else setInt(out, r);
}

/**
 * a <op> b for numbers, result to out. Returns false when either operand is not a number (the
 * caller then tries sequences and dunder methods).
 */
export function numBinary(op: number, a: number, b: number, out: number): boolean {
  if (op >= NB_INPLACE) op -= NB_INPLACE;
  const ka = numKind(a), kb = numKind(b);
  if (ka === 0 || kb === 0) return false;
  if (ka === 1 && kb === 1) {
    const x = intOf(a), y = intOf(b);
    switch (op) {
      case NB_ADD:
      case NB_SUBTRACT:
      case NB_MULTIPLY: {
        if (typeof x === "number" && typeof y === "number") {
          const r = op === NB_ADD ? x + y : op === NB_SUBTRACT ? x - y : x * y;
          if (Math.abs(r) < EXACT) {
            setIntNumber(out, r === 0 ? 0 : r);
            return true;
          }
        }
        const p = big(x), q = big(y);
        setIntBig(out, op === NB_ADD ? p + q : op === NB_SUBTRACT ? p - q : p * q);
        return true;
      }
      case NB_FLOOR_DIVIDE:
        setInt(out, floorDivInt(x, y, false));
        return true;
      case NB_REMAINDER:
        setInt(out, floorDivInt(x, y, true));
        return true;
      case NB_TRUE_DIVIDE:
        W.setFloat(out, intTrueDiv(x, y));
        return true;
      case NB_POWER:
        intPow(x, y, out);
        return true;
      case NB_AND:
      case NB_OR:
      case NB_XOR:
      case NB_LSHIFT:
      case NB_RSHIFT:
        bitOp(op, x, y, out, W.isBool(a) && W.isBool(b) && op !== NB_LSHIFT && op !== NB_RSHIFT);
        return true;
      default:
        return false;
    }
  }
  const x = floatOf(a, ka), y = floatOf(b, kb);
  switch (op) {
    case NB_ADD:
      W.setFloat(out, x + y);
      return true;
    case NB_SUBTRACT:
      W.setFloat(out, x - y);
      return true;
    case NB_MULTIPLY:
      W.setFloat(out, x * y);
      return true;
    case NB_TRUE_DIVIDE:
      if (y === 0) throw pyError(E.ZeroDivisionError, "float division by zero");
      W.setFloat(out, x / y);
      return true;
    case NB_FLOOR_DIVIDE:
      W.setFloat(out, floatFloorDiv(x, y));
      return true;
    case NB_REMAINDER:
      W.setFloat(out, floatMod(x, y));
      return true;
    case NB_POWER:
      W.setFloat(out, floatPow(x, y));
      return true;
    default:
      return false;
  }
}

/** Compare two numbers: returns -1, 0, 1, or NaN when unordered (a NaN is involved). */
export function numCompare(a: number, ka: number, b: number, kb: number): number {
  if (ka === 2 && kb === 2) {
    const x = f64[a >> 3], y = f64[b >> 3];
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (ka === 1 && kb === 1) {
    const x = intOf(a), y = intOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // int vs float: exact comparison
  const fx = ka === 2 ? f64[a >> 3] : 0, fy = kb === 2 ? f64[b >> 3] : 0;
  const fl = ka === 2 ? fx : fy;
  if (fl !== fl) return NaN;
  const iv = ka === 2 ? intOf(b) : intOf(a);
  let c: number;
  if (fl === Infinity) c = -1;
  else if (fl === -Infinity) c = 1;
  else if (typeof iv === "number") c = iv < fl ? -1 : iv > fl ? 1 : 0;
  else {
    const fi = Math.floor(fl);
    const bi = BigInt(fi);
    c = iv < bi ? -1 : iv > bi ? 1 : fl > fi ? -1 : 0;
  }
  return ka === 2 ? -c : c;
}
