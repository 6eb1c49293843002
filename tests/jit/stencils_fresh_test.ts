// The committed stencils (stencils/generated/) must match their sources. With clang-19 and LLVM
// present they are rebuilt into a temporary directory and compared byte for byte; otherwise the
// recorded input hashes are compared with the sources. Either way the generated C headers (which
// need no compiler) are regenerated and compared.
import assert from "node:assert/strict";
import { join } from "node:path";
import { INPUT_HASHES } from "../../stencils/generated/x86_64-unknown-linux-gnu.ts";
import { generateUopBodies, generateUopsHeader } from "../../src/jit/c_header.ts";
import { hashInputs, REPO_ROOT } from "../../src/jit/stencil_inputs.ts";

const GENERATED = join(REPO_ROOT, "stencils/generated");
const FILES = ["uops.h", "uop_bodies.inc", "x86_64-unknown-linux-gnu.ts"];
const TOOLS = ["clang-19", "llvm-readobj-19", "llvm-objdump-19", "ld.lld-19"];

function haveTools(): boolean {
  return TOOLS.every((t) => {
    try {
      return new Deno.Command("sh", { args: ["-c", `command -v ${t}`], stdout: "null" })
        .outputSync().success;
    } catch {
      return false;
    }
  });
}

Deno.test("the generated C headers match the uop table", () => {
  assert.equal(Deno.readTextFileSync(join(GENERATED, "uops.h")), generateUopsHeader());
  assert.equal(Deno.readTextFileSync(join(GENERATED, "uop_bodies.inc")), generateUopBodies());
});

Deno.test("the generated stencils are up to date", async () => {
  if (haveTools()) {
    const out = await Deno.makeTempDir({ prefix: "tessera-stencils-check-" });
    try {
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", join(REPO_ROOT, "scripts/build_stencils.ts"), "--out", out],
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.ok(r.success, new TextDecoder().decode(r.stderr));
      for (const f of FILES) {
        const fresh = await Deno.readFile(join(out, f));
        const committed = await Deno.readFile(join(GENERATED, f));
        assert.ok(
          fresh.length === committed.length && fresh.every((b, i) => b === committed[i]),
          `stencils/generated/${f} is stale: run deno task build-stencils`,
        );
      }
      console.log("stencils: rebuilt with clang-19 and compared byte for byte");
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  } else {
    const { clang: _, ...recorded } = INPUT_HASHES;
    assert.deepEqual(
      hashInputs(),
      recorded,
      "stencil sources changed since the last build: run deno task build-stencils",
    );
    console.log("stencils: clang-19 not found; checked the recorded input hashes instead");
  }
});
