// Bindings to the few libc functions Tessera needs: memory mapping for the heap and for
// executable code, and memfd for loading the native shim without touching the file system.

const LIBC_PATH = Deno.build.os === "darwin" ? "libSystem.B.dylib" : "libc.so.6";

export const libc = Deno.dlopen(LIBC_PATH, {
  mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "i64"], result: "pointer" },
  munmap: { parameters: ["pointer", "usize"], result: "i32" },
  mprotect: { parameters: ["pointer", "usize", "i32"], result: "i32" },
  memfd_create: { parameters: ["buffer", "u32"], result: "i32" },
  write: { parameters: ["i32", "buffer", "usize"], result: "isize" },
  // Copies JS bytes into native memory without creating an ArrayBuffer over it.
  memcpy: { parameters: ["pointer", "buffer", "usize"], result: "pointer" },
  close: { parameters: ["i32"], result: "i32" },
  sysconf: { parameters: ["i32"], result: "i64" },
}).symbols;

export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;
export const MAP_PRIVATE = 0x02;
export const MAP_ANONYMOUS = 0x20;
export const MAP_NORESERVE = 0x4000;
export const MFD_CLOEXEC = 1;
const SC_PAGESIZE = 30;

/** mmap returns (void*)-1 on failure. */
export function isMapFailed(p: Deno.PointerValue): boolean {
  return p === null || Deno.UnsafePointer.value(p) === 0xffffffffffffffffn;
}

export const PAGE_SIZE = Number(libc.sysconf(SC_PAGESIZE));
