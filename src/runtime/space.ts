// The object space: allocation and a precise, non-moving mark-sweep collector (DESIGN.md, "GC").
//
// Allocation takes an exact-size chunk from a segregated free list (small sizes), carves one from a
// large free chunk, or bumps the top. Collection never runs inside allocation: allocation only
// notes that a collection is due, and the interpreter collects at its next safepoint, where every
// live value is in a frame, a global or an explicit root. So TypeScript may hold object offsets in
// locals between safepoints without registering them anywhere.
//
// Native code (tier 2) allocates from a bump region that TypeScript hands it before a trace runs
// (`refillRegion`): a chunk taken from this allocator and counted as allocated when it is handed
// out, so native allocation needs no free lists and no GC-due accounting, and fails (the uop
// exits, tier 1 allocates) when the region is used up. Native code keeps every object it makes
// 16-byte headed and never leaves an 8-byte tail, and a collection first turns the unused rest of
// every region into a free chunk (`retireRegion`), so the heap stays walkable.
//
// Marking sets a bit per object in a bitmap (markBits) besides its header's mark byte; the sweep
// reads the bitmap, so it visits only live objects and turns the gaps between them into free
// chunks: most of a heap full of short-lived objects is never touched again. Objects that own data
// outside the heap (a str's JS string, a big int's bigint) are noted live as they are marked, and
// their side tables release the entries of the others before the sweep (registerSideTable).
import { heap, OBJECT_SPACE_START, u32, u8 } from "./mem.ts";
import {
  FLAG_NOSCAN,
  FLAG_PAIRS,
  H_FLAGS,
  H_MARK,
  H_NRAW,
  H_NREFS,
  H_SIZE,
  H_TYPE,
  HEADER_BYTES,
} from "./layout.ts";
import { HI_REF } from "./value.ts";

/** Thrown by the allocator when the heap is exhausted; the interpreter turns it into MemoryError. */
export class OutOfMemory {
  constructor(readonly requested: number) {}
}

const T_FREE = 0;
const SMALL_MAX = 512;
const MIN_CHUNK = 16;
/** Free-list heads by size / 8; a free chunk keeps its successor at +8. */
const smallFree = new Int32Array(SMALL_MAX / 8 + 1);
/** Free chunks larger than SMALL_MAX, as addresses. */
let largeFree: number[] = [];

let top = OBJECT_SPACE_START;
let limit = heap.size;
let allocatedSinceGC = 0;
let threshold = 64 * 2 ** 20;

export const gcState = {
  /** Set by allocation when a collection is due; checked by the interpreter at safepoints. */
  due: false,
  /** Collect at every safepoint (-X gc-stress). */
  stress: false,
  collections: 0,
  liveBytes: 0,
};

/** Types whose objects own data outside the heap (strs, big ints: an entry of a JS-side table)
 * register how to note one live (called when marking it) and how to release the entries of the
 * unmarked ones (called once per collection, before the sweep). */
export interface SideTable {
  readonly type: number;
  noteLive(ref: number): void;
  releaseDead(): void;
}
const sideTables: SideTable[] = [];

/** The state of each entry of a side table (index 0 unused): free, in use, or in use and noted
 * live by the running collection. */
export class SideEntries {
  #state = new Uint8Array(1024);

  /** Entry i now belongs to a new object. */
  claim(i: number): void {
    if (i >= this.#state.length) {
      const grown = new Uint8Array(Math.max(2 * this.#state.length, i + 1));
      grown.set(this.#state);
      this.#state = grown;
    }
    this.#state[i] = 1;
  }

  /** Entry i belongs to an object just marked. */
  noteLive(i: number): void {
    this.#state[i] = 2;
  }

  /** Calls `release` for each entry below n in use but not noted live (it is free from then on),
   * and forgets the notes for the next collection. */
  releaseDead(n: number, release: (i: number) => void): void {
    const st = this.#state;
    for (let i = 1; i < n; i++) {
      if (st[i] === 2) st[i] = 1;
      else if (st[i] === 1) {
        st[i] = 0;
        release(i);
      }
    }
  }
}

export function registerSideTable(t: SideTable): void {
  sideTables.push(t);
  // Marking one is its scan (they hold no refs).
  scanners[t.type] = (ref) => t.noteLive(ref);
}

/** One bit per 8 bytes of the object space, set for each object marked (at its address), so the
 * sweep visits the live objects in address order without walking the dead ones. Untouched pages of
 * it cost nothing (a fresh typed array is zero-filled by the OS). */
const markBits = new Uint32Array(Math.ceil((heap.size - OBJECT_SPACE_START) / 256) + 1);

function setMarkBit(ref: number): void {
  const i = (ref - OBJECT_SPACE_START) >>> 3;
  markBits[i >>> 5] |= 1 << (i & 31);
}

/** Lower the heap limit (for tests of MemoryError); the region itself stays reserved. */
export function setHeapLimit(bytes: number): void {
  limit = Math.min(heap.size, OBJECT_SPACE_START + bytes);
}

function takeChunk(size: number): number {
  if (size <= SMALL_MAX) {
    const head = smallFree[size >> 3];
    if (head !== 0) {
      smallFree[size >> 3] = u32[(head >> 2) + 2];
      return head;
    }
  }
  for (let k = largeFree.length - 1; k >= 0; k--) {
    const c = largeFree[k];
    const csize = u32[(c >> 2) + 1];
    const rest = csize - size;
    if (rest === 0) {
      largeFree[k] = largeFree[largeFree.length - 1];
      largeFree.pop();
      return c;
    }
    if (rest >= MIN_CHUNK) {
      // Carve from the start: the rest stays a free chunk right after the new object, so a
      // growing buffer can take it over in place (growInPlace).
      const f = c + size;
      u32[f >> 2] = T_FREE;
      u32[(f >> 2) + 1] = rest;
      if (rest <= SMALL_MAX) {
        largeFree[k] = largeFree[largeFree.length - 1];
        largeFree.pop();
        pushSmall(f, rest);
      } else largeFree[k] = f;
      return c;
    }
  }
  if (top + size > limit) return 0;
  const a = top;
  top += size;
  return a;
}

function pushSmall(c: number, size: number): void {
  u32[c >> 2] = T_FREE;
  u32[(c >> 2) + 1] = size;
  u32[(c >> 2) + 2] = smallFree[size >> 3];
  smallFree[size >> 3] = c;
}

/**
 * Allocate a zeroed object of `size` bytes (rounded up to 8) with the given header. Value words
 * start as 0.0 (a valid float word), refs as 0. The first `keep` bytes after the header are not
 * zeroed: the caller must overwrite them (with valid words) before the next safepoint, since a
 * collection scans them (a grown buffer's copied prefix).
 */
export function allocate(
  type: number,
  size: number,
  nraw: number,
  nrefs: number,
  flags = 0,
  keep = 0,
): number {
  size = (size + 7) & ~7;
  if (size < MIN_CHUNK) size = MIN_CHUNK;
  const a = takeChunk(size);
  if (a === 0) throw new OutOfMemory(size);
  u8.fill(0, a, a + HEADER_BYTES);
  u8.fill(0, Math.min(a + HEADER_BYTES + keep, a + size), a + size);
  const i = a >> 2;
  u32[i + (H_TYPE >> 2)] = type;
  u32[i + (H_SIZE >> 2)] = size;
  u8[a + H_NRAW] = nraw;
  u8[a + H_NREFS] = nrefs;
  u8[a + H_FLAGS] = flags;
  allocatedSinceGC += size;
  if (allocatedSinceGC > threshold) gcState.due = true;
  return a;
}

/**
 * Grows the object at `ref` to `size` bytes (a multiple of 8, larger than its size) without moving
 * it, when the space right after it is the bump top or a large free chunk with room; the new
 * bytes are zeroed unless `zero` is false (an owned buffer whose owner scans only what it uses, see
 * scanners). Returns false (nothing changed) otherwise. For buffers only one owner points
 * at (a list's items), which then needs no copy.
 */
export function growInPlace(ref: number, size: number, zero = true): boolean {
  const old = u32[(ref >> 2) + 1];
  const end = ref + old, more = size - old;
  if (more <= 0) return false;
  if (end === top) {
    if (top + more > limit) return false;
    top += more;
  } else {
    // Only a chunk the free lists know is free (a region handed to native code may hold stale
    // headers).
    if (u32[end >> 2] !== T_FREE) return false;
    const k = largeFree.indexOf(end);
    if (k < 0) return false;
    const rest = u32[(end >> 2) + 1] - more;
    if (rest !== 0 && rest < MIN_CHUNK) return false;
    if (rest === 0 || rest <= SMALL_MAX) {
      largeFree[k] = largeFree[largeFree.length - 1];
      largeFree.pop();
    }
    if (rest !== 0) {
      const f = end + more;
      if (rest <= SMALL_MAX) pushSmall(f, rest);
      else {
        u32[f >> 2] = T_FREE;
        u32[(f >> 2) + 1] = rest;
        largeFree[k] = f;
      }
    }
  }
  if (zero) u8.fill(0, end, end + more);
  u32[(ref >> 2) + 1] = size;
  allocatedSinceGC += more;
  if (allocatedSinceGC > threshold) gcState.due = true;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Allocation regions for native code

/** A region's bounds live in a u32 view (the JIT state, or a small array for the uop
 * interpreter): view[ptr] = next free byte, view[end] = end (heap offsets; both 0: none). */
export interface AllocRegion {
  readonly view: Uint32Array;
  readonly ptr: number;
  readonly end: number;
}

/** Bytes handed out per refill, and the room below which a region is refilled. */
export const REGION_BYTES = 64 * 1024;
const REGION_LOW = 4096;
const regions: AllocRegion[] = [];

/** Registers a region so collections retire it (its bounds start empty). */
export function registerRegion(r: AllocRegion): void {
  r.view[r.ptr] = 0;
  r.view[r.end] = 0;
  regions.push(r);
}

/** Formats the unused rest of a region as a free chunk (the sweep reclaims it) and empties it. */
function retireRegion(r: AllocRegion): void {
  const p = r.view[r.ptr], e = r.view[r.end];
  if (e > p) {
    u32[p >> 2] = T_FREE;
    u32[(p >> 2) + 1] = e - p;
  }
  r.view[r.ptr] = 0;
  r.view[r.end] = 0;
}

/** Before native code runs: gives a region that is low on room a fresh chunk, unless a collection
 * is due (then native allocation fails and tier 1 collects at its next safepoint). */
export function refillRegion(r: AllocRegion): void {
  if (r.view[r.end] - r.view[r.ptr] >= REGION_LOW || gcState.due) return;
  retireRegion(r);
  const a = takeChunk(REGION_BYTES);
  if (a === 0) return;
  allocatedSinceGC += REGION_BYTES;
  if (allocatedSinceGC > threshold) gcState.due = true;
  r.view[r.ptr] = a;
  r.view[r.end] = a + REGION_BYTES;
}

/**
 * Native allocation in TypeScript (the uop interpreter; stencils/template.c ALLOC is the same): a
 * zeroed object of `size` bytes (a multiple of 8, at least 16) from the region, or 0 when the
 * region has no room (never leaving an 8-byte tail, which could not hold a free chunk's header).
 */
export function regionAllocate(
  r: AllocRegion,
  type: number,
  size: number,
  nraw: number,
  nrefs: number,
): number {
  const p = r.view[r.ptr], rem = r.view[r.end] - p;
  if (rem < size || rem - size === 8) return 0;
  r.view[r.ptr] = p + size;
  u8.fill(0, p, p + size);
  u32[p >> 2] = type;
  u32[(p >> 2) + 1] = size;
  u8[p + H_NRAW] = nraw;
  u8[p + H_NREFS] = nrefs;
  return p;
}

/** Size check before a large allocation: throws OutOfMemory without touching the heap. */
export function ensureAllocatable(bytes: number): void {
  if (!(bytes < limit - OBJECT_SPACE_START)) throw new OutOfMemory(bytes);
}

export function objectSize(ref: number): number {
  return u32[(ref >> 2) + 1];
}

// ---------------------------------------------------------------------------------------------
// Marking

const markStack: number[] = [];

/** Mark an object (and, later, everything it reaches). */
export function markRef(ref: number): void {
  if (ref === 0 || u8[ref + H_MARK] !== 0) return;
  u8[ref + H_MARK] = 1;
  markStack.push(ref);
}

/** Mark the object a value word refers to, if it is a ref. */
export function markSlot(addr: number): void {
  if (u32[(addr >> 2) + 1] === HI_REF) markRef(u32[addr >> 2]);
}

function drain(): void {
  while (markStack.length > 0) {
    const r = markStack.pop()!;
    if (r >= OBJECT_SPACE_START) setMarkBit(r);
    const scan = scanners[u32[r >> 2]];
    if (scan !== undefined) {
      scan(r);
      continue;
    }
    const flags = u8[r + H_FLAGS];
    if (flags & FLAG_NOSCAN) continue;
    const nraw = u8[r + H_NRAW], nrefs = u8[r + H_NREFS];
    const size = u32[(r >> 2) + 1];
    let i = (r + HEADER_BYTES) >> 2;
    i += nraw;
    for (let k = 0; k < nrefs; k++) {
      const c = u32[i + k];
      if (c !== 0 && u8[c + H_MARK] === 0) {
        u8[c + H_MARK] = 1;
        markStack.push(c);
      }
    }
    const fields = nraw + nrefs;
    const pairs = (flags & FLAG_PAIRS) !== 0;
    const start = r + HEADER_BYTES + ((fields * 4 + 7) & ~7) + (pairs ? 8 : 0);
    const step = pairs ? 16 : 8;
    if (size >= SPARSE_SCAN_BYTES) scanSparse(start, r + size, step);
    else scanWords(start, r + size, step);
  }
}

/** Types whose objects are scanned by their own function instead of by their header (a list scans
 * only the used part of its items buffer; a str or big int notes its side-table entry live). */
export const scanners: ((ref: number) => void)[] = [];

/** Marks an object that only its owner points at, without scanning it: the owner's scanner scans
 * what of it is in use (scanValueWords). */
export function markOwned(ref: number): void {
  u8[ref + H_MARK] = 1;
  if (ref >= OBJECT_SPACE_START) setMarkBit(ref);
}

/** Marks what the value words in [start, end) refer to. */
export function scanValueWords(start: number, end: number): void {
  if (end - start >= SPARSE_SCAN_BYTES) scanSparse(start, end, 8);
  else scanWords(start, end, 8);
}

/** Value words in [start, end) every `step` bytes: marks the objects the refs among them point at
 * (pushed to be scanned). */
function scanWords(start: number, end: number, step: number): void {
  for (let a = start; a < end; a += step) {
    if (u32[(a >> 2) + 1] === HI_REF) {
      const c = u32[a >> 2];
      if (u8[c + H_MARK] === 0) {
        u8[c + H_MARK] = 1;
        markStack.push(c);
      }
    }
  }
}

/** Blocks at least this large are scanned by searching for the ref tag (scanSparse). */
const SPARSE_SCAN_BYTES = 8192;
/** A search that finds a ref within DENSE_NEAR_WORDS words is followed by DENSE_RUN_WORDS words
 * scanned one by one (refs are dense there). */
const DENSE_NEAR_WORDS = 32;
const DENSE_RUN_WORDS = 256;

/** scanWords for a large block: the ref tag is searched for with a native indexOf over the 32-bit
 * halves, so long stretches without refs (a big list of numbers or bools) cost a memory scan, not a
 * loop iteration per word. A half that matches but is not a word's high half is skipped. Where refs
 * turn out dense, a stretch is scanned word by word instead (one search per ref would be slower). */
function scanSparse(start: number, end: number, step: number): void {
  const last = end >> 2;
  const halves = u32.subarray(0, last); // the search stops at the block's end
  let from = (start >> 2) + 1; // where the search goes on (a u32 index)
  while (from < last) {
    const k = halves.indexOf(HI_REF, from);
    if (k < 0) return;
    const w = (k - 1) << 2; // the word whose high half this is, if it is one
    if ((w - start) % step !== 0) {
      from = k + 1;
      continue;
    }
    const near = k - from < 2 * DENSE_NEAR_WORDS;
    const stop = near ? Math.min(end, w + DENSE_RUN_WORDS * step) : w + step;
    scanWords(w, stop, step);
    from = (stop >> 2) + 1;
  }
}

/** Root providers register here once (frames, globals, interned strings, types...). */
export const rootProviders: (() => void)[] = [];

/** A full collection. Only call at a safepoint. */
export function collect(): void {
  for (const r of regions) retireRegion(r);
  for (const provide of rootProviders) {
    provide();
    drain();
  }
  sweep();
  gcState.collections++;
  gcState.due = false;
  allocatedSinceGC = 0;
  threshold = Math.max(64 * 2 ** 20, gcState.liveBytes);
}

/**
 * Frees everything not marked, in time proportional to the live objects and to a bitmap of the
 * heap, not to the heap's objects: the marked objects are visited in address order through
 * markBits, and the gaps between them (dead objects and old free chunks alike) become free chunks;
 * the gap after the last one goes back to the bump region. Side tables release the entries of the
 * unmarked objects first.
 */
function sweep(): void {
  for (const t of sideTables) t.releaseDead();
  smallFree.fill(0);
  largeFree = [];
  let live = 0;
  let gap = OBJECT_SPACE_START; // where the current run of dead memory starts
  const words = ((top - OBJECT_SPACE_START) >>> 8) + 1;
  for (let w = 0; w < words; w++) {
    let bits = markBits[w];
    if (bits === 0) continue;
    markBits[w] = 0;
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits & -bits); // lowest set bit
      bits &= bits - 1;
      const a = OBJECT_SPACE_START + ((w * 32 + b) << 3);
      u8[a + H_MARK] = 0;
      if (a > gap) freeRun(gap, a);
      const size = u32[(a >> 2) + 1];
      live += size;
      gap = a + size;
    }
  }
  top = gap;
  gcState.liveBytes = live;
}

function freeRun(start: number, end: number): void {
  const size = end - start;
  if (size <= SMALL_MAX) pushSmall(start, size);
  else {
    u32[start >> 2] = T_FREE;
    u32[(start >> 2) + 1] = size;
    largeFree.push(start);
  }
}

export function spaceStats(): { top: number; collections: number; liveBytes: number } {
  return {
    top: top - OBJECT_SPACE_START,
    collections: gcState.collections,
    liveBytes: gcState.liveBytes,
  };
}
