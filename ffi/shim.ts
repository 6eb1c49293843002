// Loads the native shim (ffi/shim.c, embedded as bytes by build-stencils) without touching the
// file system: the shared object is written to an anonymous memfd and opened with Deno.dlopen
// through /proc/self/fd/N. Calls to its `enter` are then ordinary (fast) FFI calls.
import { libc, MFD_CLOEXEC } from "./libc.ts";

const SHIM_SYMBOLS = {
  // enter(code, frame, state) -> index of the uop that left the trace. `frame` is a heap offset
  // (u32, a JS number); code and state are native addresses passed as BigInts the caller made
  // once: a u64 parameter given a JS number leaves V8's fast call path (~160 ns instead of ~5 ns).
  enter: { parameters: ["u64", "u32", "u64"], result: "i32" },
  enter_address: { parameters: [], result: "u64" },
} as const;

export type ShimSymbols = Deno.DynamicLibrary<typeof SHIM_SYMBOLS>["symbols"];

export function loadShim(so: Uint8Array<ArrayBuffer>): ShimSymbols {
  if (Deno.build.os !== "linux") throw new Error("the shim loader needs Linux (memfd)");
  const fd = libc.memfd_create(new TextEncoder().encode("tessera-shim\0"), MFD_CLOEXEC);
  if (fd < 0) throw new Error("memfd_create failed");
  try {
    let done = 0;
    while (done < so.length) {
      const n = Number(libc.write(fd, so.subarray(done), BigInt(so.length - done)));
      if (n <= 0) throw new Error("writing the shim to its memfd failed");
      done += n;
    }
    // The library stays mapped after its descriptor is closed.
    return Deno.dlopen(`/proc/self/fd/${fd}`, SHIM_SYMBOLS).symbols;
  } finally {
    libc.close(fd);
  }
}
