// The native JIT state (layout: src/jit/state_layout.ts) in a page of its own, read and written
// from TypeScript through a view made once.
import {
  isMapFailed,
  libc,
  MAP_ANONYMOUS,
  MAP_PRIVATE,
  PAGE_SIZE,
  PROT_READ,
  PROT_WRITE,
} from "../../ffi/libc.ts";
import {
  STATE_ALLOC_END,
  STATE_ALLOC_PTR,
  STATE_EXIT_BASE,
  STATE_EXIT_FRAME,
  STATE_EXIT_RECORD,
  STATE_EXIT_SP,
  STATE_EXIT_TARGET,
  STATE_EXIT_UOP,
  STATE_FRAME_LIMIT,
  STATE_FRAME_TOP,
  STATE_HEAP_BASE,
  STATE_RECURSION_LIMIT,
  STATE_SIZE,
} from "./state_layout.ts";

export class JitState {
  /** Native address of the struct, as passed to enter(). */
  readonly address: bigint;
  readonly #words: BigUint64Array;
  /** The same page as u32s: the low halves of fields that hold small numbers (hot path). */
  readonly u32: Uint32Array;

  constructor(heapBase: bigint) {
    const size = Math.ceil(STATE_SIZE / PAGE_SIZE) * PAGE_SIZE;
    const p = libc.mmap(
      null,
      BigInt(size),
      PROT_READ | PROT_WRITE,
      MAP_PRIVATE | MAP_ANONYMOUS,
      -1,
      0n,
    );
    if (isMapFailed(p)) throw new Error("cannot map the JIT state");
    this.address = BigInt(Deno.UnsafePointer.value(p));
    this.#words = new BigUint64Array(Deno.UnsafePointerView.getArrayBuffer(p!, size));
    this.#words[STATE_HEAP_BASE / 8] = heapBase;
    this.u32 = new Uint32Array(this.#words.buffer);
  }

  /** Set once: the end of the frame stack region and the address of exit record 0. */
  init(frameLimit: number, exitBase: bigint): void {
    this.#words[STATE_FRAME_LIMIT / 8] = BigInt(frameLimit);
    this.#words[STATE_EXIT_BASE / 8] = exitBase;
  }

  /** Index in the trace of the uop that exited last. */
  get exitUop(): number {
    return Number(this.#words[STATE_EXIT_UOP / 8]);
  }
  /** Bytecode instruction where tier 1 resumes after the last exit. */
  get exitTarget(): number {
    return Number(this.#words[STATE_EXIT_TARGET / 8]);
  }
  /** Native address of the exit record of the last exit (0: none). */
  get exitRecord(): bigint {
    return this.#words[STATE_EXIT_RECORD / 8];
  }
  /** Stack pointer (heap offset) at the last exit. */
  get exitSp(): number {
    return Number(this.#words[STATE_EXIT_SP / 8]);
  }
}

/** u32 indexes (low halves) of the state fields TypeScript touches on every entry. */
export const S32_FRAME_TOP = STATE_FRAME_TOP / 4;
export const S32_RECURSION_LIMIT = STATE_RECURSION_LIMIT / 4;
export const S32_EXIT_FRAME = STATE_EXIT_FRAME / 4;
/** u32 indexes (low halves) of the allocation region's bounds (heap offsets, below 2^32). */
export const S32_ALLOC_PTR = STATE_ALLOC_PTR / 4;
export const S32_ALLOC_END = STATE_ALLOC_END / 4;
