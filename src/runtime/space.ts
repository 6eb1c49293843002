// The object space: allocation and a precise, non-moving mark-sweep collector (DESIGN.md, "GC").
//
// Allocation takes an exact-size chunk from a segregated free list (small sizes), carves one from a
// large free chunk, or bumps the top. Collection never runs inside allocation: allocation only
// notes that a collection is due, and the interpreter collects at its next safepoint, where every
// live value is in a frame, a global or an explicit root. So TypeScript may hold object offsets in
// locals between safepoints without registering them anywhere.
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

/** Called for each dead object of a type that owns data outside the heap (strings, big ints). */
export const finalizers: ((ref: number) => void)[] = [];

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
      // Carve from the end so the chunk stays in place.
      u32[(c >> 2) + 1] = rest;
      if (rest <= SMALL_MAX) {
        largeFree[k] = largeFree[largeFree.length - 1];
        largeFree.pop();
        pushSmall(c, rest);
      }
      return c + rest;
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
 * start as 0.0 (a valid float word), refs as 0.
 */
export function allocate(
  type: number,
  size: number,
  nraw: number,
  nrefs: number,
  flags = 0,
): number {
  size = (size + 7) & ~7;
  if (size < MIN_CHUNK) size = MIN_CHUNK;
  const a = takeChunk(size);
  if (a === 0) throw new OutOfMemory(size);
  u8.fill(0, a, a + size);
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
    for (let a = start; a < r + size; a += step) {
      if (u32[(a >> 2) + 1] === HI_REF) {
        const c = u32[a >> 2];
        if (u8[c + H_MARK] === 0) {
          u8[c + H_MARK] = 1;
          markStack.push(c);
        }
      }
    }
  }
}

/** Root providers register here once (frames, globals, interned strings, types...). */
export const rootProviders: (() => void)[] = [];

/** A full collection. Only call at a safepoint. */
export function collect(): void {
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

function sweep(): void {
  smallFree.fill(0);
  largeFree = [];
  let live = 0;
  let a = OBJECT_SPACE_START;
  let runStart = 0;
  const end = top;
  while (a < end) {
    const size = u32[(a >> 2) + 1];
    const type = u32[a >> 2];
    let dead: boolean;
    if (type === T_FREE) dead = true;
    else if (u8[a + H_MARK] !== 0) {
      u8[a + H_MARK] = 0;
      dead = false;
      live += size;
    } else {
      const fin = finalizers[type];
      if (fin !== undefined) fin(a);
      dead = true;
    }
    if (dead) {
      if (runStart === 0) runStart = a;
    } else if (runStart !== 0) {
      freeRun(runStart, a);
      runStart = 0;
    }
    a += size;
  }
  if (runStart !== 0) top = runStart; // the free tail goes back to the bump region
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
