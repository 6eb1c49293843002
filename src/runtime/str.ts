// str objects. A str is a heap object (type, length, cached hash) whose characters are a JS string
// kept in a side table: V8's string operations then do the work of every str method, and native
// code, which only ever compares, hashes or passes strings around, needs nothing more.
import { u32, u8 } from "./mem.ts";
import { FLAG_NOSCAN, H_FLAGS, STR_FIELDS, STR_HASH, STR_INDEX, STR_LEN } from "./layout.ts";
import { allocate, markRef, registerSideTable, rootProviders, SideEntries } from "./space.ts";
import { T_STR } from "./type_ids.ts";

const table: string[] = [""];
const freeIndexes: number[] = [];
const FLAG_ASTRAL = 2; // contains code points above U+FFFF (length counts code points)

const entries = new SideEntries();

registerSideTable({
  type: T_STR,
  noteLive: (ref) => entries.noteLive(u32[(ref + STR_INDEX) >> 2]),
  releaseDead: () =>
    entries.releaseDead(table.length, (i) => {
      table[i] = "";
      freeIndexes.push(i);
    }),
});

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Allocate a new str holding `s`, whose length in code points is `n` (`astral`: n < s.length). */
function allocStr(s: string, n: number, astral: boolean): number {
  const r = allocate(T_STR, 32, STR_FIELDS, 0, FLAG_NOSCAN);
  let i: number;
  if (freeIndexes.length > 0) {
    i = freeIndexes.pop()!;
    table[i] = s;
  } else {
    i = table.length;
    table.push(s);
  }
  entries.claim(i);
  u32[(r + STR_INDEX) >> 2] = i;
  u32[(r + STR_LEN) >> 2] = n;
  if (astral) u8[r + H_FLAGS] |= FLAG_ASTRAL;
  return r;
}

/** Allocate a new str holding `s`. */
export function newStr(s: string): number {
  const n = codePointLength(s);
  return allocStr(s, n, n !== s.length);
}

/** A new str a + b (strs), without rescanning the characters for its length. */
export function strConcat(a: number, b: number): number {
  const sa = table[u32[(a + STR_INDEX) >> 2]];
  const s = sa + table[u32[(b + STR_INDEX) >> 2]];
  const last = sa.length > 0 ? sa.charCodeAt(sa.length - 1) : 0;
  if (last >= 0xd800 && last <= 0xdbff) return newStr(s); // may pair with b's first unit
  const n = u32[(a + STR_LEN) >> 2] + u32[(b + STR_LEN) >> 2];
  return allocStr(s, n, ((u8[a + H_FLAGS] | u8[b + H_FLAGS]) & FLAG_ASTRAL) !== 0);
}

/** The JS string of a str object. */
export function strValue(ref: number): string {
  return table[u32[(ref + STR_INDEX) >> 2]];
}

/** Length in code points. */
export function strLength(ref: number): number {
  return u32[(ref + STR_LEN) >> 2];
}

/** True when every character is in the BMP, so JS indexes are code point indexes. */
export function strIsBmp(ref: number): boolean {
  return (u8[ref + H_FLAGS] & FLAG_ASTRAL) === 0;
}

/**
 * FNV-1a over UTF-16 code units; cached in the object. Never 0 or -1 once computed. The word after
 * the hash is 0 until then, and then the str's short key (strShortKey).
 */
export function strHash(ref: number): number {
  const i = (ref + STR_HASH) >> 2;
  if (u32[i + 1] !== 0) return u32[i] | 0;
  const s = strValue(ref);
  let h = 0x811c9dc5 | 0;
  // A str of at most 4 ASCII characters is its short key: bit 31, length in bits 28-30, the
  // characters 7 bits each; any other str has key 1.
  let key = s.length <= 4 ? (0x80000000 | (s.length << 28)) >>> 0 : 1;
  let scale = 1; // 128 ** k
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    h ^= c;
    h = Math.imul(h, 0x01000193);
    if (key !== 1) key = c < 128 ? key + c * scale : 1;
    scale *= 128;
  }
  u32[i] = h;
  u32[i + 1] = key;
  return h;
}

/**
 * The short key of a hashed str (0 before strHash ran): for two hashed strs, when either key is
 * above 1 the strs are equal exactly when the keys are (no need to compare characters).
 */
export function strShortKey(ref: number): number {
  return u32[(ref + STR_HASH + 4) >> 2];
}

/** Hash of a JS string, equal to strHash of a str holding it. */
export function hashJsString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const interned = new Map<string, number>();
rootProviders.push(() => {
  for (const r of interned.values()) markRef(r);
});

/** The unique str for `s` (identifiers, attribute names, constants). Interned strs live forever. */
export function intern(s: string): number {
  let r = interned.get(s);
  if (r === undefined) {
    r = newStr(s);
    interned.set(s, r);
  }
  return r;
}

/** Code points of a str as an array of one-code-point JS strings (for astral strings). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}
