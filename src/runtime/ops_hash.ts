// Hashing and equality of values as dict and set keys (Python's __hash__ / __eq__ contract: equal
// values have equal hashes, so 1, 1.0 and True share a hash). Numbers hash by value modulo 2^32;
// strings by content; tuples combine their items; other objects by identity unless their class
// defines __hash__ / __eq__ (handled by the hooks that the object model installs).
import { f64, u32, W } from "./mem.ts";
import { TUPLE_ITEMS } from "./layout.ts";
import { bigValue } from "./int.ts";
import { strHash, strValue } from "./str.ts";
import { T_INT, T_STR, T_TUPLE } from "./type_ids.ts";
import { HI_BOOL, HI_REF, TAG_INT } from "./value.ts";

const TWO_32 = 4294967296;

export function numberHash(x: number): number {
  if (Number.isInteger(x)) {
    if (Math.abs(x) < TWO_32) return x | 0;
    return Number(BigInt.asIntN(32, BigInt(x)));
  }
  if (x !== x) return 0x7ff80000;
  // Non-integral floats: mix the two halves of the IEEE bits.
  const i = SCR >> 2;
  f64[SCR >> 3] = x;
  return (u32[i] ^ Math.imul(u32[i + 1], 0x9e3779b1)) | 0;
}
const SCR = 2048 + 8 * 63;

/** Hooks for objects whose class defines __hash__ / __eq__ (set by the object model). */
export const hashHooks = {
  hash: (_a: number): number => {
    throw new Error("hash hook not installed");
  },
  eq: (_a: number, _b: number): boolean => false,
};

export function valueHash(a: number): number {
  const hi = u32[(a >> 2) + 1];
  if (hi >>> 16 === TAG_INT) {
    const n = W.getInt(a);
    return Math.abs(n) < TWO_32 ? n | 0 : numberHash(n);
  }
  if (hi < 0xfff90000) return numberHash(f64[a >> 3]);
  if (hi === HI_REF) {
    const r = u32[a >> 2];
    const t = u32[r >> 2];
    if (t === T_STR) return strHash(r);
    if (t === T_INT) return Number(BigInt.asIntN(32, bigValue(r)));
    if (t === T_TUPLE) return tupleHash(r);
    return hashHooks.hash(a);
  }
  if (hi === HI_BOOL) return u32[a >> 2];
  return hi ^ u32[a >> 2];
}

function tupleHash(r: number): number {
  const n = (u32[(r >> 2) + 1] - TUPLE_ITEMS) >> 3;
  let h = 0x345678;
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ valueHash(r + TUPLE_ITEMS + 8 * k), 1000003) + n;
  }
  return h | 0;
}

function numericValue(a: number): number | bigint | null {
  const hi = u32[(a >> 2) + 1];
  if (hi < 0xfff90000) return f64[a >> 3];
  if (hi >>> 16 === TAG_INT) return W.getInt(a);
  if (hi === HI_BOOL) return u32[a >> 2];
  if (hi === HI_REF && u32[u32[a >> 2] >> 2] === T_INT) return bigValue(u32[a >> 2]);
  return null;
}

/** Python `==` between two numbers given as JS number or bigint. */
export function numEq(x: number | bigint, y: number | bigint): boolean {
  if (typeof x === typeof y) return x === y;
  // bigint vs float: compare exactly
  if (typeof x === "bigint") return Number.isInteger(y as number) && x === BigInt(y as number);
  return Number.isInteger(x) && BigInt(x) === y;
}

/** Python `a == b` for the kinds that can be keys, falling back to the hook for instances. */
export function valueEq(a: number, b: number): boolean {
  if (W.same(a, b)) return !(W.isFloat(a) && f64[a >> 3] !== f64[a >> 3]);
  const x = numericValue(a);
  if (x !== null) {
    const y = numericValue(b);
    return y !== null && numEq(x, y);
  }
  if (W.isRef(a) && W.isRef(b)) {
    const ra = u32[a >> 2], rb = u32[b >> 2];
    const ta = u32[ra >> 2], tb = u32[rb >> 2];
    if (ta === T_STR) return tb === T_STR && strValue(ra) === strValue(rb);
    if (ta === T_TUPLE && tb === T_TUPLE) {
      const n = (u32[(ra >> 2) + 1] - TUPLE_ITEMS) >> 3;
      if (n !== (u32[(rb >> 2) + 1] - TUPLE_ITEMS) >> 3) return false;
      for (let k = 0; k < n; k++) {
        if (!valueEq(ra + TUPLE_ITEMS + 8 * k, rb + TUPLE_ITEMS + 8 * k)) return false;
      }
      return true;
    }
  }
  if (W.isRef(a) || W.isRef(b)) return hashHooks.eq(a, b);
  return false;
}
