// dict and set: compact, insertion-ordered hash tables (the CPython 3.6+ design). An index table of
// int32 (-1 empty, -2 deleted) points into an entry array of [hash, key, value] value words kept in
// insertion order; a deleted entry's key becomes the null word. A set is the same table with no
// meaningful values. DICT_VERSION changes whenever the set of keys changes (not when a value is
// rebound), so a cached entry index stays valid while the version matches.
import { i32, SCRATCH_START, u32, W } from "./mem.ts";
import {
  DICT_ENTRIES,
  DICT_FILLED,
  DICT_INDICES,
  DICT_MASK,
  DICT_USED,
  DICT_VERSION,
  FLAG_NOSCAN,
  HEADER_BYTES,
  STR_HASH,
  VALUES_START,
} from "./layout.ts";
import { allocate } from "./space.ts";
import { T_DICT, T_RAWBUF, T_STR, T_VALUES } from "./type_ids.ts";
import { HI_NULL } from "./value.ts";
import { valueEq, valueHash } from "./ops_hash.ts";
import { strHash, strValue } from "./str.ts";

export const ENTRY_BYTES = 24;
let nextVersion = 1;

export function newVersion(): number {
  return nextVersion++;
}

function newIndices(size: number): number {
  const r = allocate(T_RAWBUF, HEADER_BYTES + 4 * size, 0, 0, FLAG_NOSCAN);
  i32.fill(-1, (r + HEADER_BYTES) >> 2, ((r + HEADER_BYTES) >> 2) + size);
  return r;
}

function newEntries(n: number): number {
  return allocate(T_VALUES, VALUES_START + ENTRY_BYTES * n, 0, 0);
}

/** A new empty dict (or set, with type T_SET / T_FROZENSET). */
export function newDict(type = T_DICT, minCapacity = 0): number {
  let size = 8;
  while (size * 2 < minCapacity * 3) size *= 2;
  const d = allocate(type, 40, 4, 2);
  u32[(d + DICT_MASK) >> 2] = size - 1;
  u32[(d + DICT_VERSION) >> 2] = nextVersion++;
  u32[(d + DICT_INDICES) >> 2] = newIndices(size);
  u32[(d + DICT_ENTRIES) >> 2] = newEntries(entryCapacity(size));
  return d;
}

function entryCapacity(size: number): number {
  return (size * 2) / 3 | 0;
}

export function dictLen(d: number): number {
  return u32[(d + DICT_USED) >> 2];
}

export function dictVersion(d: number): number {
  return u32[(d + DICT_VERSION) >> 2];
}

/** Number of entry slots in use (live or deleted), for iteration. */
export function dictFilled(d: number): number {
  return u32[(d + DICT_FILLED) >> 2];
}

/** Address of entry i's hash word; key at +8, value at +16. */
export function entryAddr(d: number, i: number): number {
  return u32[(d + DICT_ENTRIES) >> 2] + VALUES_START + ENTRY_BYTES * i;
}

/** True when entry i is live (not deleted). */
export function entryLive(d: number, i: number): boolean {
  return u32[((entryAddr(d, i) + 8) >> 2) + 1] !== HI_NULL;
}

/** Find the entry holding key (slot address) with the given hash; -1 if absent. */
export function lookup(d: number, key: number, hash: number): number {
  const mask = u32[(d + DICT_MASK) >> 2];
  const idx = (u32[(d + DICT_INDICES) >> 2] + HEADER_BYTES) >> 2;
  const ents = u32[(d + DICT_ENTRIES) >> 2] + VALUES_START;
  let i = hash & mask;
  let perturb = hash >>> 0;
  for (;;) {
    const ix = i32[idx + i];
    if (ix === -1) return -1;
    if (ix >= 0) {
      const e = ents + ENTRY_BYTES * ix;
      if (W.same(e + 8, key)) return ix;
      if (W.getInt(e) === hash && valueEq(e + 8, key)) return ix;
    }
    perturb >>>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/** Lookup of a str key by reference (interned names hit by identity first). */
export function lookupStr(d: number, strRef: number): number {
  // Hot (globals, attributes, dict[str]): layout offsets as literals (imported constants are
  // loaded from module cells on every use), checked once below.
  const U = u32, I = i32;
  const hi = strRef >> 2;
  const hash = U[hi + 7] !== 0 ? U[hi + 6] | 0 : strHash(strRef); // STR_HASH + 4: computed
  const mask = U[(d + 24) >> 2]; // DICT_MASK
  const idx = (U[(d + 32) >> 2] + 16) >> 2; // DICT_INDICES + HEADER_BYTES
  const ents = U[(d + 36) >> 2] + 16; // DICT_ENTRIES + VALUES_START
  let i = hash & mask;
  let perturb = hash >>> 0;
  for (;;) {
    const ix = I[idx + i];
    if (ix === -1) return -1;
    if (ix >= 0) {
      const e = (ents + 24 * ix) >> 2; // ENTRY_BYTES
      // key word at +8: a ref (hi 0xfffc0000) to strRef itself, or an equal str
      if (U[e + 3] === 0xfffc0000) {
        const k = U[e + 2];
        if (k === strRef) return ix;
        // the hash word at +0 is a small int holding the int32 hash
        if (I[e] === hash && isStrEq(k, strRef)) return ix;
      }
    }
    perturb >>>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

if (
  DICT_MASK !== 24 || DICT_INDICES !== 32 || HEADER_BYTES !== 16 || DICT_ENTRIES !== 36 ||
  VALUES_START !== 16 || ENTRY_BYTES !== 24 || STR_HASH !== 24 || T_STR !== 7
) {
  throw new Error("dict.ts: lookupStr's layout literals are stale");
}

function isStrEq(a: number, b: number): boolean {
  const U = u32;
  if (U[a >> 2] !== 7 || U[b >> 2] !== 7) return false; // T_STR
  // Short strs (both hashed) compare by their short keys, without reading the characters.
  const ka = U[(a >> 2) + 7], kb = U[(b >> 2) + 7]; // strShortKey
  if ((ka > 1 || kb > 1) && ka !== 0 && kb !== 0) return ka === kb;
  return strValue(a) === strValue(b);
}

/** Value address of key in d, or 0. */
export function dictGetAddr(d: number, key: number): number {
  const ix = lookup(d, key, valueHash(key));
  return ix < 0 ? 0 : entryAddr(d, ix) + 16;
}

export function dictGetStrAddr(d: number, strRef: number): number {
  const ix = lookupStr(d, strRef);
  return ix < 0 ? 0 : entryAddr(d, ix) + 16;
}

function insertIndex(d: number, hash: number, ix: number): void {
  const mask = u32[(d + DICT_MASK) >> 2];
  const idx = (u32[(d + DICT_INDICES) >> 2] + HEADER_BYTES) >> 2;
  let i = hash & mask;
  let perturb = hash >>> 0;
  while (i32[idx + i] >= 0) {
    perturb >>>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  i32[idx + i] = ix;
}

function resize(d: number, minUsed: number): void {
  let size = 8;
  while (entryCapacity(size) <= minUsed) size *= 2;
  const oldEnts = u32[(d + DICT_ENTRIES) >> 2] + VALUES_START;
  const filled = u32[(d + DICT_FILLED) >> 2];
  const newIdx = newIndices(size);
  const newEnt = newEntries(entryCapacity(size));
  u32[(d + DICT_INDICES) >> 2] = newIdx;
  u32[(d + DICT_ENTRIES) >> 2] = newEnt;
  u32[(d + DICT_MASK) >> 2] = size - 1;
  let n = 0;
  for (let i = 0; i < filled; i++) {
    const e = oldEnts + ENTRY_BYTES * i;
    if (W.isNull(e + 8)) continue;
    const ne = newEnt + VALUES_START + ENTRY_BYTES * n;
    W.copy(ne, e);
    W.copy(ne + 8, e + 8);
    W.copy(ne + 16, e + 16);
    insertIndex(d, W.getInt(e), n);
    n++;
  }
  u32[(d + DICT_FILLED) >> 2] = n;
  u32[(d + DICT_VERSION) >> 2] = nextVersion++;
}

/** d[key] = value (slot addresses); the key's hash may be passed when known. */
export function dictSet(d: number, key: number, value: number, hash = valueHash(key)): void {
  const ix = lookup(d, key, hash);
  if (ix >= 0) {
    W.copy(entryAddr(d, ix) + 16, value);
    return;
  }
  appendEntry(d, key, value, hash);
}

function appendEntry(d: number, key: number, value: number, hash: number): void {
  let filled = u32[(d + DICT_FILLED) >> 2];
  if (filled >= entryCapacity(u32[(d + DICT_MASK) >> 2] + 1)) {
    resize(d, u32[(d + DICT_USED) >> 2] + 1);
    filled = u32[(d + DICT_FILLED) >> 2];
  }
  const e = entryAddr(d, filled);
  W.setInt(e, hash);
  W.copy(e + 8, key);
  W.copy(e + 16, value);
  insertIndex(d, hash, filled);
  u32[(d + DICT_FILLED) >> 2] = filled + 1;
  u32[(d + DICT_USED) >> 2]++;
  u32[(d + DICT_VERSION) >> 2] = nextVersion++;
}

/** d[strRef] = value, for names. */
export function dictSetStr(d: number, strRef: number, value: number): void {
  const ix = lookupStr(d, strRef);
  if (ix >= 0) {
    W.copy(entryAddr(d, ix) + 16, value);
    return;
  }
  const tmp = SCRATCH_START;
  W.setRef(tmp, strRef);
  appendEntry(d, tmp, value, strHash(strRef));
}

/** Remove key; returns false if absent. When `out` is given, the removed value is copied there. */
export function dictDelete(d: number, key: number, out = 0, hash = valueHash(key)): boolean {
  const ix = lookup(d, key, hash);
  if (ix < 0) return false;
  removeEntry(d, ix, out);
  return true;
}

export function removeEntry(d: number, ix: number, out = 0): void {
  const e = entryAddr(d, ix);
  if (out !== 0) W.copy(out, e + 16);
  const hash = W.getInt(e);
  const mask = u32[(d + DICT_MASK) >> 2];
  const idx = (u32[(d + DICT_INDICES) >> 2] + HEADER_BYTES) >> 2;
  let i = hash & mask;
  let perturb = hash >>> 0;
  while (i32[idx + i] !== ix) {
    perturb >>>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  i32[idx + i] = -2;
  W.setNull(e + 8);
  W.setNone(e + 16);
  u32[(d + DICT_USED) >> 2]--;
  u32[(d + DICT_VERSION) >> 2] = nextVersion++;
}

export function dictClear(d: number): void {
  const fresh = newDict(u32[d >> 2]);
  u32[(d + DICT_INDICES) >> 2] = u32[(fresh + DICT_INDICES) >> 2];
  u32[(d + DICT_ENTRIES) >> 2] = u32[(fresh + DICT_ENTRIES) >> 2];
  u32[(d + DICT_MASK) >> 2] = 7;
  u32[(d + DICT_USED) >> 2] = 0;
  u32[(d + DICT_FILLED) >> 2] = 0;
  u32[(d + DICT_VERSION) >> 2] = nextVersion++;
}

/** Index of the first live entry at or after i, or -1. */
export function nextLive(d: number, i: number): number {
  const filled = u32[(d + DICT_FILLED) >> 2];
  while (i < filled) {
    if (entryLive(d, i)) return i;
    i++;
  }
  return -1;
}
