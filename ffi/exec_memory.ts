// Executable memory for JIT code (DESIGN.md, "Copy-and-patch"): pages are mapped read-write, the
// caller copies and patches the code, then `protect()` flips them to read-execute. A mapping is
// never writable and executable at once, and code is never written again once executable.
import {
  isMapFailed,
  libc,
  MAP_ANONYMOUS,
  MAP_PRIVATE,
  PAGE_SIZE,
  PROT_EXEC,
  PROT_READ,
  PROT_WRITE,
} from "./libc.ts";

type State = "writable" | "executable" | "freed";

export class ExecMemory {
  readonly pointer: Deno.PointerObject;
  /** Native address of the first byte. */
  readonly address: bigint;
  /** Mapped size in bytes (whole pages). */
  readonly size: number;
  #state: State = "writable";

  constructor(bytes: number) {
    if (!(bytes > 0)) throw new RangeError(`bad executable size ${bytes}`);
    this.size = Math.ceil(bytes / PAGE_SIZE) * PAGE_SIZE;
    const p = libc.mmap(
      null,
      BigInt(this.size),
      PROT_READ | PROT_WRITE,
      MAP_PRIVATE | MAP_ANONYMOUS,
      -1,
      0n,
    );
    if (isMapFailed(p)) throw new Error(`cannot map ${this.size} bytes for code`);
    this.pointer = p!;
    this.address = BigInt(Deno.UnsafePointer.value(p));
  }

  get state(): State {
    return this.#state;
  }

  /** Copies `bytes` to `offset`; only while the memory is still writable. */
  write(offset: number, bytes: Uint8Array<ArrayBuffer>): void {
    if (this.#state !== "writable") throw new Error(`cannot write ${this.#state} code memory`);
    if (offset < 0 || offset + bytes.length > this.size) {
      throw new RangeError("write out of bounds");
    }
    const dst = Deno.UnsafePointer.offset(this.pointer, offset);
    libc.memcpy(dst, bytes, BigInt(bytes.length));
  }

  /** Makes the memory read-execute (and no longer writable). */
  protect(): void {
    if (this.#state !== "writable") throw new Error(`cannot protect ${this.#state} code memory`);
    if (libc.mprotect(this.pointer, BigInt(this.size), PROT_READ | PROT_EXEC) !== 0) {
      throw new Error("mprotect(PROT_READ|PROT_EXEC) failed");
    }
    this.#state = "executable";
  }

  /** Unmaps the pages. The memory must not be running. */
  free(): void {
    if (this.#state === "freed") return;
    if (libc.munmap(this.pointer, BigInt(this.size)) !== 0) throw new Error("munmap failed");
    this.#state = "freed";
  }
}
