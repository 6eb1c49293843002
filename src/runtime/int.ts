// ints: small ints live in the value word (48-bit); larger ones are heap objects whose value is a
// JS bigint in a side table. Every int result goes through setIntValue so that a value in the
// small range is always small: one canonical form makes equality and the fast paths simple.
import { u32, W } from "./mem.ts";
import { BIG_INDEX, HEADER_BYTES } from "./layout.ts";
import { allocate, registerSideTable, SideEntries } from "./space.ts";
import { T_INT } from "./type_ids.ts";
import { SMALL_INT_MAX, SMALL_INT_MIN } from "./value.ts";
import { FLAG_NOSCAN } from "./layout.ts";

const table: bigint[] = [0n];
const freeIndexes: number[] = [];
const BIG_SMALL_MIN = BigInt(SMALL_INT_MIN);
const BIG_SMALL_MAX = BigInt(SMALL_INT_MAX);

const entries = new SideEntries();

registerSideTable({
  type: T_INT,
  noteLive: (ref) => entries.noteLive(u32[(ref + BIG_INDEX) >> 2]),
  releaseDead: () =>
    entries.releaseDead(table.length, (i) => {
      table[i] = 0n;
      freeIndexes.push(i);
    }),
});

export function newBigInt(v: bigint): number {
  const r = allocate(T_INT, HEADER_BYTES + 8, 1, 0, FLAG_NOSCAN);
  let i: number;
  if (freeIndexes.length > 0) {
    i = freeIndexes.pop()!;
    table[i] = v;
  } else {
    i = table.length;
    table.push(v);
  }
  entries.claim(i);
  u32[(r + BIG_INDEX) >> 2] = i;
  return r;
}

export function bigValue(ref: number): bigint {
  return table[u32[(ref + BIG_INDEX) >> 2]];
}

/** Store an int given as a JS number (must be an integer) into slot `out`. */
export function setIntNumber(out: number, n: number): void {
  if (n >= SMALL_INT_MIN && n <= SMALL_INT_MAX) W.setInt(out, n);
  else W.setRef(out, newBigInt(BigInt(n)));
}

/** Store an int given as a bigint into slot `out`, small when it fits. */
export function setIntBig(out: number, v: bigint): void {
  if (v >= BIG_SMALL_MIN && v <= BIG_SMALL_MAX) W.setInt(out, Number(v));
  else W.setRef(out, newBigInt(v));
}

/** True when slot `a` holds an int (small or big; not bool). */
export function isIntSlot(a: number): boolean {
  return W.isInt(a) || (W.isRef(a) && u32[W.getRef(a) >> 2] === T_INT);
}

/** The int in slot `a` as a bigint (slot holds a small or big int, or a bool). */
export function intAsBig(a: number): bigint {
  if (W.isInt(a)) return BigInt(W.getInt(a));
  if (W.isBool(a)) return W.getBool(a) ? 1n : 0n;
  return bigValue(W.getRef(a));
}
