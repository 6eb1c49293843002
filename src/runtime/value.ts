// Value words (DESIGN.md, "Values and the heap").
//
// Every guest value is one 64-bit word, NaN-boxed. A float is its own IEEE-754 bits (every NaN is
// canonicalised to 0x7FF8_0000_0000_0000 when stored). Every other value lives in the quiet-NaN
// space with the sign bit set, tagged by the high 16 bits of the high 32-bit half:
//
//   hi >>> 16   kind    payload
//   0xFFF9      int     48-bit two's complement small int (bits 0..47)
//   0xFFFA      bool    lo = 0 | 1
//   0xFFFB      None    0
//   0xFFFC      ref     lo = heap byte offset of an object
//   0xFFFD      null    0: "no value" (unbound local, empty stack marker); never visible to Python
//
// So a word is a float exactly when its high half (as unsigned) is below 0xFFF9_0000.
// Words are never carried in JS values (V8 only keeps NaN payloads on typed-array to typed-array
// moves): TypeScript reads and writes them in place, in heap slots, through the u32/i32/f64 views,
// addressing a slot by its byte offset. The low half is at `addr`, the high half at `addr + 4`.
import type { Heap } from "../../ffi/heap.ts";

export const TAG_INT = 0xfff9;
export const TAG_BOOL = 0xfffa;
export const TAG_NONE = 0xfffb;
export const TAG_REF = 0xfffc;
export const TAG_NULL = 0xfffd;

/** High halves of the fixed-tag words. */
export const HI_INT = 0xfff90000;
export const HI_BOOL = 0xfffa0000;
export const HI_NONE = 0xfffb0000;
export const HI_REF = 0xfffc0000;
export const HI_NULL = 0xfffd0000;
/** Any high half >= this is a tagged (non-float) word. */
export const HI_FIRST_TAG = 0xfff90000;

export const CANONICAL_NAN_HI = 0x7ff80000;

/** Inclusive range of small ints (48-bit). Outside it, ints are heap big ints. */
export const SMALL_INT_MIN = -(2 ** 47);
export const SMALL_INT_MAX = 2 ** 47 - 1;
const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / 4294967296;
/** High half of a small int in [-2^32, 0): the payload's top 16 bits all ones. */
const HI_INT_NEG = 0xfff9ffff;

/**
 * Fast typed access to value words in the heap. One instance per heap; methods are small so V8
 * inlines them. `a` is always the byte offset of an 8-byte aligned slot.
 */
export class Words {
  readonly u32: Uint32Array;
  readonly i32: Int32Array;
  readonly f64: Float64Array;

  constructor(heap: Heap) {
    this.u32 = heap.u32;
    this.i32 = heap.i32;
    this.f64 = heap.f64;
  }

  hi(a: number): number {
    return this.u32[(a >> 2) + 1];
  }
  lo(a: number): number {
    return this.u32[a >> 2];
  }
  /** The tag (high 16 bits); < TAG_INT means float. */
  tag(a: number): number {
    return this.u32[(a >> 2) + 1] >>> 16;
  }

  isFloat(a: number): boolean {
    return this.u32[(a >> 2) + 1] < HI_FIRST_TAG;
  }
  isInt(a: number): boolean {
    return (this.u32[(a >> 2) + 1] >>> 16) === TAG_INT;
  }
  isRef(a: number): boolean {
    return this.u32[(a >> 2) + 1] === HI_REF;
  }
  isNone(a: number): boolean {
    return this.u32[(a >> 2) + 1] === HI_NONE;
  }
  isNull(a: number): boolean {
    return this.u32[(a >> 2) + 1] === HI_NULL;
  }
  isBool(a: number): boolean {
    return this.u32[(a >> 2) + 1] === HI_BOOL;
  }

  getFloat(a: number): number {
    return this.f64[a >> 3];
  }
  setFloat(a: number, x: number): void {
    if (x !== x) {
      this.u32[a >> 2] = 0;
      this.u32[(a >> 2) + 1] = CANONICAL_NAN_HI;
    } else {
      this.f64[a >> 3] = x;
    }
  }

  /** The small int in slot `a` (caller checked isInt). */
  getInt(a: number): number {
    const i = a >> 2;
    const hi = this.u32[i + 1];
    // Fast cases: values that fit in 32 bits (high payload all zeros or all ones).
    if (hi === HI_INT) return this.u32[i];
    if (hi === HI_INT_NEG) return this.i32[i] < 0 ? this.i32[i] : this.u32[i] - TWO_32;
    return ((hi << 16) >> 16) * TWO_32 + this.u32[i];
  }
  /** Store a small int; `n` must be an integer in [SMALL_INT_MIN, SMALL_INT_MAX]. */
  setInt(a: number, n: number): void {
    const i = a >> 2;
    if ((n | 0) === n) {
      this.i32[i] = n;
      this.u32[i + 1] = n < 0 ? HI_INT_NEG : HI_INT;
      return;
    }
    this.u32[i] = n >>> 0;
    this.u32[i + 1] = (HI_INT | (Math.floor(n * INV_TWO_32) & 0xffff)) >>> 0;
  }

  getBool(a: number): boolean {
    return this.u32[a >> 2] !== 0;
  }
  setBool(a: number, b: boolean): void {
    const i = a >> 2;
    this.u32[i] = b ? 1 : 0;
    this.u32[i + 1] = HI_BOOL;
  }

  setNone(a: number): void {
    const i = a >> 2;
    this.u32[i] = 0;
    this.u32[i + 1] = HI_NONE;
  }
  setNull(a: number): void {
    const i = a >> 2;
    this.u32[i] = 0;
    this.u32[i + 1] = HI_NULL;
  }

  /** The heap offset held by a ref word (caller checked isRef). */
  getRef(a: number): number {
    return this.u32[a >> 2];
  }
  setRef(a: number, ref: number): void {
    const i = a >> 2;
    this.u32[i] = ref;
    this.u32[i + 1] = HI_REF;
  }

  copy(dst: number, src: number): void {
    const d = dst >> 2, s = src >> 2;
    this.u32[d] = this.u32[s];
    this.u32[d + 1] = this.u32[s + 1];
  }
  /** Bitwise identity of two words (Python `is` for everything but floats). */
  same(a: number, b: number): boolean {
    const i = a >> 2, j = b >> 2;
    return this.u32[i] === this.u32[j] && this.u32[i + 1] === this.u32[j + 1];
  }
}

export function isSmallInt(n: number): boolean {
  return Number.isInteger(n) && n >= SMALL_INT_MIN && n <= SMALL_INT_MAX;
}

/** The raw 64-bit word of a small int, for native code and tests. */
export function smallIntBits(n: number): bigint {
  return (BigInt(HI_INT) << 32n) | (BigInt.asUintN(48, BigInt(n)));
}
