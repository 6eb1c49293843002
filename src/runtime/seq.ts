// tuple and list. A tuple is its items inline (length from the object size). A list is a header
// (length, capacity) with a separate, growable value buffer: the list object never moves, so
// native code and caches may keep its address while items are appended.
import { u32, W } from "./mem.ts";
import {
  grownCapacity,
  HEADER_BYTES,
  LIST_CAP,
  LIST_ITEMS,
  LIST_LEN,
  TUPLE_ITEMS,
  VALUES_START,
} from "./layout.ts";
import {
  allocate,
  ensureAllocatable,
  growInPlace,
  markOwned,
  scanners,
  scanValueWords,
} from "./space.ts";
import { T_LIST, T_TUPLE, T_VALUES } from "./type_ids.ts";

let emptyTuple = 0;

/** A new tuple of n items, all None; fill with tupleItem addresses. */
export function newTuple(n: number): number {
  if (n === 0 && emptyTuple !== 0) return emptyTuple;
  ensureAllocatable(8 * n);
  const r = allocate(T_TUPLE, HEADER_BYTES + 8 * n, 0, 0);
  for (let k = 0; k < n; k++) W.setNone(r + TUPLE_ITEMS + 8 * k);
  if (n === 0) emptyTuple = r;
  return r;
}

/** The shared empty tuple (a GC root through the provider in runtime setup). */
export function getEmptyTuple(): number {
  return newTuple(0);
}

export function tupleLen(r: number): number {
  return (u32[(r >> 2) + 1] - TUPLE_ITEMS) >> 3;
}

/** Address of item k of a tuple. */
export function tupleItem(r: number, k: number): number {
  return r + TUPLE_ITEMS + 8 * k;
}

/** A tuple of copies of n value words starting at address src. */
export function tupleFrom(src: number, n: number): number {
  const r = newTuple(n);
  for (let k = 0; k < n; k++) W.copy(r + TUPLE_ITEMS + 8 * k, src + 8 * k);
  return r;
}

/** A list's items buffer with room for n items. Its words are not zeroed: only the list points at
 * the buffer, and collections scan only its first `length` items (the scanner below), so words
 * past the length are never read. */
function newItems(n: number): number {
  ensureAllocatable(8 * n);
  return allocate(T_VALUES, VALUES_START + 8 * n, 0, 0, 0, 8 * n);
}

scanners[T_LIST] = (r) => {
  const items = u32[(r + LIST_ITEMS) >> 2];
  markOwned(items);
  const start = items + VALUES_START;
  scanValueWords(start, start + 8 * u32[(r + LIST_LEN) >> 2]);
};

/** A new list with length n (items None) and room for at least cap items. */
export function newList(n: number, cap = n): number {
  if (cap < n) cap = n;
  ensureAllocatable(8 * cap);
  const items = newItems(cap);
  const r = allocate(T_LIST, 32, 2, 1);
  u32[(r + LIST_LEN) >> 2] = n;
  u32[(r + LIST_CAP) >> 2] = cap;
  u32[(r + LIST_ITEMS) >> 2] = items;
  for (let k = 0; k < n; k++) W.setNone(items + VALUES_START + 8 * k);
  return r;
}

export function listLen(r: number): number {
  return u32[(r + LIST_LEN) >> 2];
}

/** Address of item k of a list (valid until the list grows). */
export function listItem(r: number, k: number): number {
  return u32[(r + LIST_ITEMS) >> 2] + VALUES_START + 8 * k;
}

/** Address of the first item (items are contiguous). */
export function listItems(r: number): number {
  return u32[(r + LIST_ITEMS) >> 2] + VALUES_START;
}

/** Make room for `need` items in total. */
export function listReserve(r: number, need: number): void {
  const cap = u32[(r + LIST_CAP) >> 2];
  if (need <= cap) return;
  let ncap = grownCapacity(cap);
  if (ncap < need) ncap = need;
  ensureAllocatable(8 * ncap);
  const buf = u32[(r + LIST_ITEMS) >> 2];
  // The items buffer has one owner (this list), so it may grow where it lies: no copy at all, and
  // nothing to zero (see newItems).
  if (!growInPlace(buf, VALUES_START + 8 * ncap, false)) {
    const n = listLen(r);
    const items = newItems(ncap);
    // One memmove of the value words (a word-by-word copy was a tenth of sieve's run time).
    const old = buf + VALUES_START;
    u32.copyWithin((items + VALUES_START) >> 2, old >> 2, (old + 8 * n) >> 2);
    u32[(r + LIST_ITEMS) >> 2] = items;
  }
  u32[(r + LIST_CAP) >> 2] = ncap;
}

export function listAppend(r: number, value: number): void {
  const n = u32[(r + LIST_LEN) >> 2];
  if (n >= u32[(r + LIST_CAP) >> 2]) listReserve(r, n + 1);
  W.copy(listItems(r) + 8 * n, value);
  u32[(r + LIST_LEN) >> 2] = n + 1;
}

/** Set the length (growing fills with None). */
export function listSetLen(r: number, n: number): void {
  const old = listLen(r);
  if (n > old) {
    listReserve(r, n);
    const it = listItems(r);
    for (let k = old; k < n; k++) W.setNone(it + 8 * k);
  }
  u32[(r + LIST_LEN) >> 2] = n;
}

/** A list of copies of n value words starting at address src. */
export function listFrom(src: number, n: number): number {
  const r = newList(0, n);
  const it = listItems(r);
  for (let k = 0; k < n; k++) W.copy(it + 8 * k, src + 8 * k);
  u32[(r + LIST_LEN) >> 2] = n;
  return r;
}
