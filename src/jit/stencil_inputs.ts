// The inputs of the stencil build, hashed into stencils/generated/<target>.ts so that a stale
// build is detected even where clang-19 is absent (tests/jit/stencils_fresh_test.ts).
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Repository-relative paths of every source file the generated stencils depend on. */
export const STENCIL_INPUTS = [
  "ffi/shim.c",
  "scripts/build_stencils.ts",
  "src/interpreter/frame_layout.ts",
  "src/jit/c_header.ts",
  "src/jit/exit_layout.ts",
  "src/jit/fallthrough.ts",
  "src/jit/holes.ts",
  "src/jit/readobj.ts",
  "src/jit/state_layout.ts",
  "src/jit/stencil_inputs.ts",
  "src/jit/uops.ts",
  "src/jit/uops_fused.ts",
  "src/runtime/layout.ts",
  "src/runtime/lib/iter_layout.ts",
  "src/runtime/type_ids.ts",
  "src/runtime/value.ts",
  "stencils/template.c",
] as const;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** path -> SHA-256 of the file's bytes, in STENCIL_INPUTS order (already sorted). */
export function hashInputs(root = REPO_ROOT): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of STENCIL_INPUTS) out[p] = sha256Hex(Deno.readFileSync(root + p));
  return out;
}
