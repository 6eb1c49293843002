// deno task compile's error path: where denort cannot be had it fails with one line.
import assert from "node:assert/strict";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/jit/stencil_inputs.ts";

Deno.test("deno task compile explains a missing DENORT_BIN in one line", async () => {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(REPO_ROOT, "scripts/compile.ts")],
    env: { DENORT_BIN: "/nonexistent/denort", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(r.stderr).trim();
  assert.equal(r.code, 1);
  assert.equal(err.split("\n").length, 1, err);
  assert.match(err, /^deno task compile: .*(DENORT_BIN|main\.ts)/);
  assert.doesNotMatch(err, /\n\s+at /);
});
