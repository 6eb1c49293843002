// deno task compile: builds the standalone `./tessera` executable with `deno compile`.
//
// deno compile needs a `denort` base binary for the target. It downloads one from dl.deno.land
// unless DENORT_BIN names a local file. Where neither works (no network), this fails with one
// line that says so, not a stack trace. The generated stencils and the shim are plain TypeScript
// modules imported by src/jit/, so they are part of the module graph and need no --include.
import { join } from "node:path";
import { REPO_ROOT } from "../src/jit/stencil_inputs.ts";

/** The permissions the `run` task grants (see deno.json); --allow-ffi must be unscoped. */
const RUN_FLAGS = [
  "--allow-read",
  "--allow-ffi",
  "--allow-env",
  "--allow-write=/tmp", // -X perf writes /tmp/perf-<pid>.map
  "--allow-run=llvm-mc-19", // --jit-dump disassembles with it when installed
  "--v8-flags=--stack-size=4000",
];

/** Terminal colour codes in deno's error output. */
const ANSI_COLOR = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

function fail(message: string): never {
  console.error(`deno task compile: ${message}`);
  Deno.exit(1);
}

async function main(): Promise<void> {
  const entry = join(REPO_ROOT, "main.ts");
  const output = join(REPO_ROOT, "tessera");
  try {
    await Deno.stat(entry);
  } catch {
    fail("main.ts does not exist yet; nothing to compile");
  }
  const denort = Deno.env.get("DENORT_BIN");
  if (denort !== undefined) {
    try {
      if (!(await Deno.stat(denort)).isFile) fail(`DENORT_BIN=${denort} is not a file`);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) fail(`DENORT_BIN=${denort} does not exist`);
      throw e;
    }
  }
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["compile", ...RUN_FLAGS, "--output", output, entry],
    cwd: REPO_ROOT,
    stdout: "inherit",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(result.stderr);
  if (!result.success) {
    if (/denort|dl\.deno\.land|download|error sending request|dns/i.test(stderr)) {
      fail(
        "deno compile could not get its denort base binary (no network?); " +
          "set DENORT_BIN to a denort " + Deno.version.deno + " binary for this platform",
      );
    }
    const last = stderr.trim().split("\n").find((l) => /error/i.test(l)) ?? "failed";
    fail(`deno compile ${last.replace(ANSI_COLOR, "").trim()}`);
  }
  console.log(`wrote ${output}`);
}

if (import.meta.main) await main();
