// set and frozenset: the hash table of CPython 3.11's Objects/setobject.c, same layout and
// algorithm, so that iteration order (= table order), repr and set.pop() match CPython for keys
// whose hashes CPython computes deterministically (ints, bools, floats, None, tuples of those).
//
// Layout (layout.ts, SET_*): raw [fill, used, mask, finger, hash lo, hash hi, hash valid], refs
// [table]. The table is a FLAG_PAIRS value buffer of mask + 1 entries of 16 bytes, from +16:
// [hash: raw 64-bit integer as two u32 halves, key: value word]. The GC traces only the key words.
//   empty:  hash 0, key = null word with lo 0 (tables start with every key empty)
//   dummy:  hash -1, key = null word with lo 1 (a deleted key; keeps probe chains intact)
//   active: hash = the key's 64-bit hash (never -1), key = the value
// fill counts active + dummy entries, used counts active ones.
//
// Hashes are CPython's 64-bit values (int: modulo 2^61 - 1 with sign, -1 -> -2; float: CPython's
// algorithm; tuple: 3.11's xxHash-based combine; frozenset: frozenset_hash; None: a fixed value,
// -9223372036586735377, where CPython uses the object's address). str hashes are this runtime's
// own deterministic 32-bit hash (CPython randomises them per process). They are computed into
// (hashLo, hashHi), int32 halves, without allocation for small ints, bools, str and tuples.
//
// Probing: from i = hash & mask, look at entries i .. i + LINEAR_PROBES (when they fit below the
// mask), then perturb >>= 5 (perturb = the hash as unsigned 64-bit) and i = (i * 5 + 1 + perturb)
// & mask. An insertion that takes an empty entry grows fill; at fill * 5 >= mask * 3 the table is
// rebuilt for used * 4 (used * 2 above 50000 items): the smallest power of two > that, at least 8.
import { i32, u32, W } from "./mem.ts";
import {
  FLAG_PAIRS,
  SET_BYTES,
  SET_FILL,
  SET_FINGER,
  SET_HASH_HI,
  SET_HASH_LO,
  SET_HASH_OK,
  SET_MASK,
  SET_TABLE,
  SET_USED,
  TUPLE_ITEMS,
  VALUES_START,
} from "./layout.ts";
import { allocate } from "./space.ts";
import { T_DICT, T_FROZENSET, T_INT, T_SET, T_STR, T_TUPLE, T_VALUES } from "./type_ids.ts";
import { HI_BOOL, HI_FIRST_TAG, HI_NONE, HI_NULL, HI_REF, TAG_INT } from "./value.ts";
import { valueEq } from "./ops_hash.ts";
import { strHash, strValue } from "./str.ts";
import { tempPopTo, tempPush } from "./roots.ts";
import { dictFilled, dictGetAddr, dictLen, entryAddr, entryLive } from "./dict.ts";
import { getIter, iterNext } from "./ops.ts";
import { pyHash } from "./lib/numlib.ts";

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const TWO_32 = 4294967296;

// ---------------------------------------------------------------------------------------------
// 64-bit hashes as (lo, hi) int32 halves

/** The hash computed by keyHash / frozensetHash (low and high 32 bits, as int32). */
export let hashLo = 0;
export let hashHi = 0;

let mLo = 0, mHi = 0;
/** (mLo, mHi) = low 64 bits of a * b, all halves unsigned 32-bit. */
function mul64(aL: number, aH: number, bL: number, bH: number): void {
  const a0 = aL & 0xffff, a1 = aL >>> 16, b0 = bL & 0xffff, b1 = bL >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2^33
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^33
  const carry = Math.floor(low / TWO_32);
  const high = a1 * b1 + Math.floor(mid / 65536) + carry;
  mLo = low >>> 0;
  mHi = (high + Math.imul(aH, bL) + Math.imul(aL, bH)) >>> 0;
}

function halves(big: bigint): [number, number] {
  const u = BigInt.asUintN(64, big);
  return [Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0];
}

const [P1_LO, P1_HI] = halves(11400714785074694791n);
const [P2_LO, P2_HI] = halves(14029467366897019727n);
const [P5_LO, P5_HI] = halves(2870177450012600261n);
const [TUPLE_END_LO, TUPLE_END_HI] = halves(2870177450012600261n ^ 3527539n);
const [NONE_LO, NONE_HI] = halves(-9223372036586735377n);

function setBig(h: bigint): void {
  const [lo, hi] = halves(h);
  hashLo = lo;
  hashHi = hi;
}

/** A JS integer n with |n| < 2^53 as its hash (n itself, since |n| < 2^61 - 1; -1 -> -2). */
function setIntHash(n: number): void {
  if (n === -1) n = -2;
  hashLo = n | 0;
  hashHi = Math.floor(n / TWO_32) | 0;
}

/**
 * hash(key) of the value in slot a into (hashLo, hashHi), as CPython 3.11 computes it. Raises
 * TypeError for unhashable values and runs __hash__ for instances that define it.
 */
export function keyHash(a: number): void {
  const hi = u32[(a >> 2) + 1];
  if (hi >>> 16 === TAG_INT) return setIntHash(W.getInt(a));
  if (hi === HI_BOOL) {
    hashLo = u32[a >> 2];
    hashHi = 0;
    return;
  }
  if (hi < HI_FIRST_TAG) {
    const x = W.getFloat(a);
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return setIntHash(x);
    return setBig(pyHash(a));
  }
  if (hi === HI_NONE) {
    hashLo = NONE_LO;
    hashHi = NONE_HI;
    return;
  }
  if (hi === HI_REF) {
    const r = u32[a >> 2];
    const t = u32[r >> 2];
    if (t === T_STR) {
      const h = strHash(r);
      hashLo = h === -1 ? -2 : h;
      hashHi = h < 0 ? -1 : 0;
      return;
    }
    if (t === T_TUPLE) return tupleHash(r);
    if (t === T_FROZENSET) return frozensetHash(r);
    if (t === T_INT) return setBig(pyHash(a));
  }
  setBig(pyHash(a));
  if (hashLo === -1 && hashHi === -1) hashLo = -2;
}

/** 3.11's tuplehash: xxHash's round over the items' hashes. */
function tupleHash(r: number): void {
  const n = (u32[(r >> 2) + 1] - TUPLE_ITEMS) >> 3;
  let aL = P5_LO >>> 0, aH = P5_HI >>> 0;
  for (let k = 0; k < n; k++) {
    keyHash(r + TUPLE_ITEMS + 8 * k);
    mul64(hashLo >>> 0, hashHi >>> 0, P2_LO >>> 0, P2_HI >>> 0);
    // acc += lane * PRIME_2
    let lo = aL + mLo;
    const c = lo >= TWO_32 ? 1 : 0;
    lo >>>= 0;
    const hi2 = (aH + mHi + c) >>> 0;
    // acc = rotl(acc, 31)
    const rl = ((lo << 31) | (hi2 >>> 1)) >>> 0;
    const rh = ((hi2 << 31) | (lo >>> 1)) >>> 0;
    // acc *= PRIME_1
    mul64(rl, rh, P1_LO >>> 0, P1_HI >>> 0);
    aL = mLo;
    aH = mHi;
  }
  // acc += len ^ (PRIME_5 ^ 3527539)
  let lo = aL + ((n ^ TUPLE_END_LO) >>> 0);
  const c = lo >= TWO_32 ? 1 : 0;
  lo >>>= 0;
  const hi = (aH + (TUPLE_END_HI >>> 0) + c) >>> 0;
  if (lo === 0xffffffff && hi === 0xffffffff) {
    hashLo = 1546275796;
    hashHi = 0;
    return;
  }
  hashLo = lo | 0;
  hashHi = hi | 0;
}

/** 3.11's frozenset_hash (cached in the object). */
export function frozensetHash(s: number): void {
  if (u32[(s + SET_HASH_OK) >> 2] !== 0) {
    hashLo = i32[(s + SET_HASH_LO) >> 2];
    hashHi = i32[(s + SET_HASH_HI) >> 2];
    return;
  }
  // XOR of _shuffle_bits(h) over the active entries (CPython XORs every entry, then cancels the
  // empty and dummy ones, which comes to the same).
  let xL = 0, xH = 0;
  const mask = u32[(s + SET_MASK) >> 2];
  const base = u32[(s + SET_TABLE) >> 2] + VALUES_START;
  for (let j = 0; j <= mask; j++) {
    const e = base + 16 * j;
    if (u32[(e >> 2) + 3] === HI_NULL) continue;
    const lo = u32[e >> 2], hi = u32[(e >> 2) + 1];
    const sl = (lo ^ 89869747 ^ (lo << 16)) >>> 0;
    const sh = (hi ^ ((hi << 16) | (lo >>> 16))) >>> 0;
    mul64(sl, sh, 3644798167, 0);
    xL ^= mLo;
    xH ^= mHi;
  }
  mul64(u32[(s + SET_USED) >> 2] + 1, 0, 1927868237, 0);
  let hL = (xL ^ mLo) >>> 0, hH = (xH ^ mHi) >>> 0;
  // hash ^= (hash >> 11) ^ (hash >> 25)
  const s11L = ((hL >>> 11) | (hH << 21)) >>> 0, s11H = hH >>> 11;
  const s25L = ((hL >>> 25) | (hH << 7)) >>> 0, s25H = hH >>> 25;
  hL = (hL ^ s11L ^ s25L) >>> 0;
  hH = (hH ^ s11H ^ s25H) >>> 0;
  // hash = hash * 69069 + 907133923
  mul64(hL, hH, 69069, 0);
  let lo = mLo + 907133923;
  const c = lo >= TWO_32 ? 1 : 0;
  lo >>>= 0;
  let hi = (mHi + c) >>> 0;
  if (lo === 0xffffffff && hi === 0xffffffff) {
    lo = 590923713;
    hi = 0;
  }
  hashLo = lo | 0;
  hashHi = hi | 0;
  i32[(s + SET_HASH_LO) >> 2] = hashLo;
  i32[(s + SET_HASH_HI) >> 2] = hashHi;
  u32[(s + SET_HASH_OK) >> 2] = 1;
}

// ---------------------------------------------------------------------------------------------
// The table

function newTable(size: number): number {
  const t = allocate(T_VALUES, VALUES_START + 16 * size, 0, 0, FLAG_PAIRS);
  const base = (t + VALUES_START) >> 2;
  for (let j = 0; j < size; j++) u32[base + 4 * j + 3] = HI_NULL;
  return t;
}

/** A new empty set (type T_SET or T_FROZENSET). */
export function newSet(type = T_SET): number {
  const s = allocate(type, SET_BYTES, 7, 1);
  u32[(s + SET_MASK) >> 2] = MINSIZE - 1;
  u32[(s + SET_TABLE) >> 2] = newTable(MINSIZE);
  return s;
}

export function isSetRef(r: number): boolean {
  const t = u32[r >> 2];
  return t === T_SET || t === T_FROZENSET;
}

export function setLen(s: number): number {
  return u32[(s + SET_USED) >> 2];
}

export function setMask(s: number): number {
  return u32[(s + SET_MASK) >> 2];
}

/** Address of table entry j's hash (key word at +8). Valid until the table is rebuilt. */
export function setEntry(s: number, j: number): number {
  return u32[(s + SET_TABLE) >> 2] + VALUES_START + 16 * j;
}

/** Index of the first active entry at or after j (table order), or -1. */
export function setNext(s: number, j: number): number {
  const mask = u32[(s + SET_MASK) >> 2];
  const base = (u32[(s + SET_TABLE) >> 2] + VALUES_START) >> 2;
  while (j <= mask) {
    if (u32[base + 4 * j + 3] !== HI_NULL) return j;
    j++;
  }
  return -1;
}

/**
 * Python `==` of the key at entry e (hash equal, words differ) and key. Returns 1 equal, 0 not,
 * -1 when the comparison ran Python code that changed the set's table or that entry (the caller
 * restarts, as CPython does).
 */
function keysEqual(s: number, e: number, key: number): number {
  const k = e + 8;
  const hk = u32[(k >> 2) + 1], hq = u32[(key >> 2) + 1];
  if (hk !== HI_REF && hq !== HI_REF) return valueEq(k, key) ? 1 : 0;
  if (hk === HI_REF && hq === HI_REF) {
    const tk = u32[u32[k >> 2] >> 2], tq = u32[u32[key >> 2] >> 2];
    if (tk === T_STR && tq === T_STR) {
      return strValue(u32[k >> 2]) === strValue(u32[key >> 2]) ? 1 : 0;
    }
    if (tk === T_INT && tq === T_INT) return valueEq(k, key) ? 1 : 0;
  }
  const table = u32[(s + SET_TABLE) >> 2];
  const tmp = tempPush(1);
  try {
    W.copy(tmp, k);
    const eq = valueEq(tmp, key);
    if (u32[(s + SET_TABLE) >> 2] !== table || !W.same(tmp, k)) return -1;
    return eq ? 1 : 0;
  } finally {
    tempPopTo(tmp);
  }
}

/** set_lookkey: the index of the active entry equal to key (hash lo, hi), or -1. */
export function setLookup(s: number, key: number, lo: number, hi: number): number {
  restart: for (;;) {
    const base = u32[(s + SET_TABLE) >> 2] + VALUES_START;
    const mask = u32[(s + SET_MASK) >> 2];
    let i = lo & mask;
    let plo = lo >>> 0, phi = hi >>> 0;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const e = base + 16 * j;
        const x = e >> 2;
        if (u32[x + 3] === HI_NULL) {
          if (u32[x + 2] === 0) return -1;
        } else if (i32[x] === lo && i32[x + 1] === hi) {
          const y = key >> 2;
          if (u32[x + 2] === u32[y] && u32[x + 3] === u32[y + 1]) return j;
          const eq = keysEqual(s, e, key);
          if (eq < 0) continue restart;
          if (eq > 0) return j;
        }
        j++;
      } while (probes-- !== 0);
      plo = ((plo >>> 5) | (phi << 27)) >>> 0;
      phi >>>= 5;
      i = (i * 5 + 1 + plo) & mask;
    }
  }
}

/** set_add_entry: add key (slot) with the given hash; false when an equal key was there. */
export function setAddEntry(s: number, key: number, lo: number, hi: number): boolean {
  restart: for (;;) {
    const base = u32[(s + SET_TABLE) >> 2] + VALUES_START;
    const mask = u32[(s + SET_MASK) >> 2];
    let i = lo & mask;
    let plo = lo >>> 0, phi = hi >>> 0;
    let freeslot = -1;
    let found = -1;
    search: for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const e = base + 16 * j;
        const x = e >> 2;
        if (u32[x + 3] === HI_NULL) {
          if (u32[x + 2] === 0) {
            found = j;
            break search;
          }
          freeslot = j; // CPython keeps the last dummy seen on the way
        } else if (i32[x] === lo && i32[x + 1] === hi) {
          const y = key >> 2;
          if (u32[x + 2] === u32[y] && u32[x + 3] === u32[y + 1]) return false;
          const eq = keysEqual(s, e, key);
          if (eq < 0) continue restart;
          if (eq > 0) return false;
        }
        j++;
      } while (probes-- !== 0);
      plo = ((plo >>> 5) | (phi << 27)) >>> 0;
      phi >>>= 5;
      i = (i * 5 + 1 + plo) & mask;
    }
    const used = u32[(s + SET_USED) >> 2] + 1;
    u32[(s + SET_USED) >> 2] = used;
    if (freeslot >= 0) {
      writeEntry(base + 16 * freeslot, key, lo, hi);
      return true;
    }
    writeEntry(base + 16 * found, key, lo, hi);
    const fill = u32[(s + SET_FILL) >> 2] + 1;
    u32[(s + SET_FILL) >> 2] = fill;
    if (fill * 5 >= mask * 3) setResize(s, used > 50000 ? used * 2 : used * 4);
    return true;
  }
}

function writeEntry(e: number, key: number, lo: number, hi: number): void {
  const x = e >> 2;
  i32[x] = lo;
  i32[x + 1] = hi;
  u32[x + 2] = u32[key >> 2];
  u32[x + 3] = u32[(key >> 2) + 1];
}

/** set_insert_clean: place an entry known to be absent into a table without dummies. */
function insertClean(base: number, mask: number, e: number): void {
  const lo = i32[e >> 2], hi = i32[(e >> 2) + 1];
  let i = lo & mask;
  let plo = lo >>> 0, phi = hi >>> 0;
  for (;;) {
    if (u32[((base + 16 * i) >> 2) + 3] === HI_NULL) return copyEntry(base + 16 * i, e);
    if (i + LINEAR_PROBES <= mask) {
      for (let j = i + 1; j <= i + LINEAR_PROBES; j++) {
        if (u32[((base + 16 * j) >> 2) + 3] === HI_NULL) return copyEntry(base + 16 * j, e);
      }
    }
    plo = ((plo >>> 5) | (phi << 27)) >>> 0;
    phi >>>= 5;
    i = (i * 5 + 1 + plo) & mask;
  }
}

function copyEntry(dst: number, src: number): void {
  const d = dst >> 2, s = src >> 2;
  u32[d] = u32[s];
  u32[d + 1] = u32[s + 1];
  u32[d + 2] = u32[s + 2];
  u32[d + 3] = u32[s + 3];
}

/** set_table_resize: rebuild the table with the smallest power-of-two size > minused (>= 8). */
export function setResize(s: number, minused: number): void {
  let size = MINSIZE;
  while (size <= minused) size *= 2;
  const oldMask = u32[(s + SET_MASK) >> 2];
  const fill = u32[(s + SET_FILL) >> 2], used = u32[(s + SET_USED) >> 2];
  // CPython keeps an 8-entry table without dummies as it is.
  if (size === MINSIZE && oldMask === MINSIZE - 1 && fill === used) return;
  const oldBase = u32[(s + SET_TABLE) >> 2] + VALUES_START;
  const table = newTable(size);
  const base = table + VALUES_START;
  u32[(s + SET_TABLE) >> 2] = table;
  u32[(s + SET_MASK) >> 2] = size - 1;
  u32[(s + SET_FILL) >> 2] = used;
  for (let j = 0; j <= oldMask; j++) {
    const e = oldBase + 16 * j;
    if (u32[(e >> 2) + 3] !== HI_NULL) insertClean(base, size - 1, e);
  }
}

/** Add the key in slot `key`, hashing it; false when an equal key was there. */
export function setAddKey(s: number, key: number): boolean {
  keyHash(key);
  return setAddEntry(s, key, hashLo, hashHi);
}

/** Whether an equal key is in s (hashing key: may raise TypeError). */
export function setContainsKey(s: number, key: number): boolean {
  keyHash(key);
  return setLookup(s, key, hashLo, hashHi) >= 0;
}

function makeDummy(e: number): void {
  const x = e >> 2;
  i32[x] = -1;
  i32[x + 1] = -1;
  u32[x + 2] = 1;
  u32[x + 3] = HI_NULL;
}

/** set_discard_entry: remove an equal key; false if absent. */
export function setDiscardEntry(s: number, key: number, lo: number, hi: number): boolean {
  const j = setLookup(s, key, lo, hi);
  if (j < 0) return false;
  makeDummy(setEntry(s, j));
  u32[(s + SET_USED) >> 2]--;
  return true;
}

export function setDiscardKey(s: number, key: number): boolean {
  keyHash(key);
  return setDiscardEntry(s, key, hashLo, hashHi);
}

/** set.pop(): removes and copies into out the first active entry from the finger on. */
export function setPop(s: number, out: number): boolean {
  if (u32[(s + SET_USED) >> 2] === 0) return false;
  const mask = u32[(s + SET_MASK) >> 2];
  const base = u32[(s + SET_TABLE) >> 2] + VALUES_START;
  let j = u32[(s + SET_FINGER) >> 2] & mask;
  while (u32[((base + 16 * j) >> 2) + 3] === HI_NULL) {
    j++;
    if (j > mask) j = 0;
  }
  W.copy(out, base + 16 * j + 8);
  makeDummy(base + 16 * j);
  u32[(s + SET_USED) >> 2]--;
  u32[(s + SET_FINGER) >> 2] = j + 1;
  return true;
}

/** set_clear_internal: back to an empty 8-entry table (the finger is kept, as in CPython). */
export function setClear(s: number): void {
  u32[(s + SET_TABLE) >> 2] = newTable(MINSIZE);
  u32[(s + SET_MASK) >> 2] = MINSIZE - 1;
  u32[(s + SET_FILL) >> 2] = 0;
  u32[(s + SET_USED) >> 2] = 0;
  u32[(s + SET_HASH_OK) >> 2] = 0;
}

/** set_swap_bodies: exchange the tables (fill, used, mask, table, hash) of a and b. */
export function setSwapBodies(a: number, b: number): void {
  for (const f of [SET_FILL, SET_USED, SET_MASK, SET_TABLE, SET_HASH_LO, SET_HASH_HI]) {
    const t = u32[(a + f) >> 2];
    u32[(a + f) >> 2] = u32[(b + f) >> 2];
    u32[(b + f) >> 2] = t;
  }
  u32[(a + SET_HASH_OK) >> 2] = 0;
  u32[(b + SET_HASH_OK) >> 2] = 0;
}

/** Calls fn(keySlot, hashLo, hashHi) for each active entry of o in table order; the key is
 * copied to a rooted slot first, so fn may run Python code. */
function eachEntry(o: number, fn: (key: number, lo: number, hi: number) => void): void {
  const k = tempPush(1);
  try {
    for (let j = 0; j <= u32[(o + SET_MASK) >> 2]; j++) {
      const e = setEntry(o, j);
      if (u32[(e >> 2) + 3] === HI_NULL) continue;
      W.copy(k, e + 8);
      fn(k, i32[e >> 2], i32[(e >> 2) + 1]);
    }
  } finally {
    tempPopTo(k);
  }
}

/** Calls fn for every live key of dict d (insertion order) with its 64-bit hash. */
function eachDictKey(d: number, fn: (key: number, lo: number, hi: number) => void): void {
  const k = tempPush(1);
  try {
    for (let i = 0; i < dictFilled(d); i++) {
      if (!entryLive(d, i)) continue;
      W.copy(k, entryAddr(d, i) + 8);
      keyHash(k);
      fn(k, hashLo, hashHi);
    }
  } finally {
    tempPopTo(k);
  }
}

/** Calls fn for every item of any iterable (slot), with its hash. */
function eachIterItem(iterable: number, fn: (key: number, lo: number, hi: number) => void): void {
  const it = tempPush(2);
  try {
    getIter(iterable, it);
    while (iterNext(it, it + 8)) {
      keyHash(it + 8);
      fn(it + 8, hashLo, hashHi);
    }
  } finally {
    tempPopTo(it);
  }
}

/** The set object in slot a when it holds a set or frozenset, else 0. */
function asSet(a: number): number {
  if (u32[(a >> 2) + 1] !== HI_REF) return 0;
  const r = u32[a >> 2];
  return isSetRef(r) ? r : 0;
}

function asDict(a: number): number {
  if (u32[(a >> 2) + 1] !== HI_REF) return 0;
  const r = u32[a >> 2];
  return u32[r >> 2] === T_DICT ? r : 0;
}

// ---------------------------------------------------------------------------------------------
// Operations, as setobject.c composes them

/** set_merge: add every key of set o to s. */
export function setMerge(s: number, o: number): void {
  const oused = u32[(o + SET_USED) >> 2];
  if (o === s || oused === 0) return;
  if ((u32[(s + SET_FILL) >> 2] + oused) * 5 >= u32[(s + SET_MASK) >> 2] * 3) {
    setResize(s, (u32[(s + SET_USED) >> 2] + oused) * 2);
  }
  const omask = u32[(o + SET_MASK) >> 2];
  const obase = u32[(o + SET_TABLE) >> 2] + VALUES_START;
  if (u32[(s + SET_FILL) >> 2] === 0) {
    const mask = u32[(s + SET_MASK) >> 2];
    const base = u32[(s + SET_TABLE) >> 2] + VALUES_START;
    if (mask === omask && u32[(o + SET_FILL) >> 2] === oused) {
      // Same size and no dummies: copy the entries in place.
      for (let j = 0; j <= omask; j++) {
        const e = obase + 16 * j;
        if (u32[(e >> 2) + 3] !== HI_NULL) copyEntry(base + 16 * j, e);
      }
    } else {
      for (let j = 0; j <= omask; j++) {
        const e = obase + 16 * j;
        if (u32[(e >> 2) + 3] !== HI_NULL) insertClean(base, mask, e);
      }
    }
    u32[(s + SET_FILL) >> 2] = oused;
    u32[(s + SET_USED) >> 2] = oused;
    return;
  }
  eachEntry(o, (k, lo, hi) => setAddEntry(s, k, lo, hi));
}

/** set_update_internal: s.update(iterable in slot a). */
export function setUpdate(s: number, a: number): void {
  const o = asSet(a);
  if (o !== 0) return setMerge(s, o);
  const d = asDict(a);
  if (d !== 0) {
    const n = dictLen(d);
    if ((u32[(s + SET_FILL) >> 2] + n) * 5 >= u32[(s + SET_MASK) >> 2] * 3) {
      setResize(s, (u32[(s + SET_USED) >> 2] + n) * 2);
    }
    return eachDictKey(d, (k, lo, hi) => void setAddEntry(s, k, lo, hi));
  }
  eachIterItem(a, (k, lo, hi) => void setAddEntry(s, k, lo, hi));
}

/** The set or frozenset type a result built from a set of type t has. */
function baseType(t: number): number {
  return t === T_FROZENSET ? T_FROZENSET : T_SET;
}

/** make_new_set(type, iterable): a new set of type t holding the items of slot a (0: empty). */
export function setFrom(t: number, a: number, out: number): number {
  if (a === 0) {
    const s = newSet(t);
    W.setRef(out, s);
    return s;
  }
  return rooted(0, a, (a2) => {
    const s = newSet(t);
    W.setRef(out, s);
    setUpdate(s, a2);
    return s;
  });
}

/**
 * fn(slot) with set s and a copy of the operand slot a kept rooted: `out` may be the very slot
 * an operand came from (BINARY_OP writes over its left operand), and Python code (__eq__,
 * __hash__, iterators) may run and collect while the result is built.
 */
function rooted<R>(s: number, a: number, fn: (a: number) => R): R {
  const t = tempPush(2);
  try {
    if (s !== 0) W.setRef(t, s);
    W.copy(t + 8, a);
    return fn(t + 8);
  } finally {
    tempPopTo(t);
  }
}

/** set_copy: a new set of s's base type with s's items (out roots it). */
export function setCopy(s: number, out: number, t = baseType(u32[s >> 2])): number {
  const r = newSet(t);
  W.setRef(out, r);
  setMerge(r, s);
  return r;
}

/** set_intersection(s, other in slot a) into out. */
export function setIntersection(s: number, a: number, out: number): number {
  return rooted(s, a, (a2) => setIntersectionImpl(s, a2, out));
}

function setIntersectionImpl(s: number, a: number, out: number): number {
  if (asSet(a) === s) return setCopy(s, out);
  const r = newSet(baseType(u32[s >> 2]));
  W.setRef(out, r);
  let o = asSet(a);
  if (o !== 0) {
    let so = s;
    if (u32[(o + SET_USED) >> 2] > u32[(so + SET_USED) >> 2]) [so, o] = [o, so];
    const big = so;
    eachEntry(o, (k, lo, hi) => {
      if (setLookup(big, k, lo, hi) >= 0) setAddEntry(r, k, lo, hi);
    });
    return r;
  }
  eachIterItem(a, (k, lo, hi) => {
    if (setLookup(s, k, lo, hi) >= 0) setAddEntry(r, k, lo, hi);
  });
  return r;
}

/** set_difference_update_internal: s -= items of slot a. */
export function setDifferenceUpdate(s: number, a: number): void {
  let o = asSet(a);
  if (o === s) return setClear(s);
  if (o !== 0) {
    const tmp = tempPush(1);
    try {
      if (u32[(o + SET_USED) >> 2] >>> 3 > u32[(s + SET_USED) >> 2]) o = setIntersection(s, a, tmp);
      eachEntry(o, (k, lo, hi) => void setDiscardEntry(s, k, lo, hi));
    } finally {
      tempPopTo(tmp);
    }
  } else {
    eachIterItem(a, (k, lo, hi) => void setDiscardEntry(s, k, lo, hi));
  }
  // More than a quarter dummies: rebuild.
  const fill = u32[(s + SET_FILL) >> 2], used = u32[(s + SET_USED) >> 2];
  if (fill - used <= u32[(s + SET_MASK) >> 2] >>> 2) return;
  setResize(s, used > 50000 ? used * 2 : used * 4);
}

/** set_difference(s, other in slot a) into out. */
export function setDifference(s: number, a: number, out: number): number {
  return rooted(s, a, (a2) => setDifferenceImpl(s, a2, out));
}

function setDifferenceImpl(s: number, a: number, out: number): number {
  const o = asSet(a), d = o === 0 ? asDict(a) : 0;
  const otherSize = o !== 0 ? setLen(o) : d !== 0 ? dictLen(d) : -1;
  if (otherSize < 0 || setLen(s) >>> 2 > otherSize) {
    const r = setCopy(s, out);
    setDifferenceUpdate(r, a);
    return r;
  }
  const r = newSet(baseType(u32[s >> 2]));
  W.setRef(out, r);
  eachEntry(s, (k, lo, hi) => {
    const has = o !== 0 ? setLookup(o, k, lo, hi) >= 0 : dictHasKey(d, k);
    if (!has) setAddEntry(r, k, lo, hi);
  });
  return r;
}

function dictHasKey(d: number, key: number): boolean {
  return dictGetAddr(d, key) !== 0;
}

/** set_symmetric_difference_update: s ^= items of slot a. */
export function setSymmetricDifferenceUpdate(s: number, a: number): void {
  const toggle = (k: number, lo: number, hi: number) => {
    if (!setDiscardEntry(s, k, lo, hi)) setAddEntry(s, k, lo, hi);
  };
  if (asSet(a) === s) return setClear(s);
  const d = asDict(a);
  if (d !== 0) return eachDictKey(d, toggle);
  const o = asSet(a);
  if (o !== 0) return eachEntry(o, toggle);
  const tmp = tempPush(1);
  try {
    const os = setFrom(baseType(u32[s >> 2]), a, tmp);
    eachEntry(os, toggle);
  } finally {
    tempPopTo(tmp);
  }
}

/** set_symmetric_difference(s, other in slot a): a copy of other, updated with s. */
export function setSymmetricDifference(s: number, a: number, out: number): number {
  return rooted(s, a, (a2) => setSymmetricDifferenceImpl(s, a2, out));
}

function setSymmetricDifferenceImpl(s: number, a: number, out: number): number {
  const r = setFrom(baseType(u32[s >> 2]), a, out);
  const tmp = tempPush(1);
  try {
    W.setRef(tmp, s);
    setSymmetricDifferenceUpdate(r, tmp);
  } finally {
    tempPopTo(tmp);
  }
  return r;
}

/** set_issubset for two sets. */
export function setIsSubset(a: number, b: number): boolean {
  if (setLen(a) > setLen(b)) return false;
  const k = tempPush(1);
  try {
    for (let j = 0; j <= u32[(a + SET_MASK) >> 2]; j++) {
      const e = setEntry(a, j);
      if (u32[(e >> 2) + 3] === HI_NULL) continue;
      W.copy(k, e + 8);
      if (setLookup(b, k, i32[e >> 2], i32[(e >> 2) + 1]) < 0) return false;
    }
    return true;
  } finally {
    tempPopTo(k);
  }
}

/** set_isdisjoint for two sets. */
export function setIsDisjoint(a: number, b: number): boolean {
  if (a === b) return setLen(a) === 0;
  if (setLen(a) > setLen(b)) [a, b] = [b, a];
  const k = tempPush(1);
  try {
    for (let j = 0; j <= u32[(a + SET_MASK) >> 2]; j++) {
      const e = setEntry(a, j);
      if (u32[(e >> 2) + 3] === HI_NULL) continue;
      W.copy(k, e + 8);
      if (setLookup(b, k, i32[e >> 2], i32[(e >> 2) + 1]) >= 0) return false;
    }
    return true;
  } finally {
    tempPopTo(k);
  }
}

/** Keys of s in table (iteration) order, as slot addresses valid until s changes. */
export function setKeyAddrs(s: number): number[] {
  const out: number[] = [];
  for (let j = setNext(s, 0); j >= 0; j = setNext(s, j + 1)) out.push(setEntry(s, j) + 8);
  return out;
}

export { T_FROZENSET, T_SET };
