// Regenerates tests/programs/**/NAME.expected.json by running CPython (`python3`).
//
//   deno run --allow-read --allow-write --allow-run scripts/gen_expected.ts [paths...]
//
// Paths may be .py files or folders; with none, every program under tests/programs is done.
// Each program runs with cwd = its own folder and its basename as argument, so tracebacks
// name the file the way `tessera prog.py` will.

import { resolve } from "node:path";
import {
  expectedPath,
  findPrograms,
  formatExpected,
  lastNonEmptyLine,
  programName,
} from "../tests/harness/discover.ts";
import { runProgram } from "../tests/harness/run.ts";

const PYTHON = { cmd: "python3", args: [] };

function collect(paths: string[]): string[] {
  if (paths.length === 0) return findPrograms();
  return paths.flatMap((p) => {
    const abs = resolve(p);
    return Deno.statSync(abs).isDirectory ? findPrograms(abs) : [abs];
  });
}

let changed = 0;
let slow = 0;
const programs = collect(Deno.args);
for (const program of programs) {
  const r = await runProgram(PYTHON, program, { timeoutMs: 30_000 });
  if (r.timedOut) throw new Error(`${program}: timed out under python3`);
  const text = formatExpected({
    stdout: r.stdout,
    stderr_last: lastNonEmptyLine(r.stderr),
    exit_code: r.code,
  });
  let old = "";
  try {
    old = Deno.readTextFileSync(expectedPath(program));
  } catch { /* new file */ }
  if (old !== text) {
    Deno.writeTextFileSync(expectedPath(program), text);
    changed++;
    console.log(`wrote ${programName(program)} (exit ${r.code})`);
  }
  if (r.code === 0 && r.stderr !== "") {
    console.log(`warning: ${programName(program)} exits 0 but writes to stderr (a SyntaxWarning?)`);
  }
  if (r.ms > 500) {
    slow++;
    console.log(`warning: ${programName(program)} took ${r.ms.toFixed(0)} ms under python3`);
  }
}
console.log(`${programs.length} programs, ${changed} expected files changed, ${slow} slow`);
