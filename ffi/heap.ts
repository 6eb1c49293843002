// The one linear heap (DESIGN.md, "Values and the heap"): a single region reserved with mmap
// (MAP_NORESERVE, so untouched pages cost nothing), seen from TypeScript through typed-array views
// created once at start-up, and from native code by address (base + offset).
//
// A heap reference is a byte offset from the base. Offset 0 is never a valid object (NULL).
// The region is at most 2 GiB so that every typed-array index stays below 2^31 (V8 is much slower
// above that), even for the byte view.
import {
  isMapFailed,
  libc,
  MAP_ANONYMOUS,
  MAP_NORESERVE,
  MAP_PRIVATE,
  PROT_READ,
  PROT_WRITE,
} from "./libc.ts";

export const HEAP_MAX_BYTES = 2 ** 31 - 2 ** 20;

export class Heap {
  readonly base: Deno.PointerObject;
  /** Base address as a bigint, for patching into native code. */
  readonly baseAddress: bigint;
  readonly size: number;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly u32: Uint32Array;
  readonly i32: Int32Array;
  readonly f64: Float64Array;

  constructor(size: number) {
    if (size > HEAP_MAX_BYTES || size % 65536 !== 0) throw new Error(`bad heap size ${size}`);
    const p = libc.mmap(
      null,
      BigInt(size),
      PROT_READ | PROT_WRITE,
      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
      -1,
      0n,
    );
    if (isMapFailed(p)) throw new Error("cannot reserve the heap");
    this.base = p!;
    this.baseAddress = BigInt(Deno.UnsafePointer.value(p));
    this.size = size;
    // One getArrayBuffer call for the whole region: each large call forces a full V8 GC.
    const buf = Deno.UnsafePointerView.getArrayBuffer(p!, size);
    this.u8 = new Uint8Array(buf);
    this.u16 = new Uint16Array(buf);
    this.u32 = new Uint32Array(buf);
    this.i32 = new Int32Array(buf);
    this.f64 = new Float64Array(buf);
  }
}

let theHeap: Heap | null = null;

/** The process-wide heap, reserved on first use. */
export function getHeap(size = 1536 * 2 ** 20): Heap {
  if (theHeap === null) theHeap = new Heap(size);
  return theHeap;
}
