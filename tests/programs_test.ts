// Runs every tests/programs/**/*.py through tessera in each mode and compares stdout, the last
// stderr line and the exit code with NAME.expected.json (generated from CPython by
// scripts/gen_expected.ts).
//
// Environment:
//   TESSERA_TEST_MODES=default,jit-off   only these modes (names from MODES, or "gc-stress")
//   TESSERA_TEST_FILTER=strings/         only programs whose relative path contains this
//   TESSERA_CMD=python3                  run against another python-compatible command
//   TESSERA_BENCH_TESTS=0                skip ../shared/bench/*.py (full size, default mode)

import assert from "node:assert/strict";
import { basename, join } from "node:path";
import {
  type Expected,
  findPrograms,
  lastNonEmptyLine,
  programName,
  readExpected,
  readGcStressSubset,
  REPO_ROOT,
} from "./harness/discover.ts";
import { runProgram, type RunResult, tesseraCommand } from "./harness/run.ts";
import { shortDiff } from "./harness/diff.ts";

interface Mode {
  name: string;
  args: string[];
}

/** The modes every program runs in. */
export const MODES: Mode[] = [
  { name: "default", args: [] },
  { name: "jit-off", args: ["-X", "jit=0"] },
  { name: "jit-on", args: ["-X", "jit=1"] },
  { name: "jit-eager", args: ["-X", "jit=1", "-X", "jit-threshold=1"] },
  { name: "jit-uops", args: ["-X", "jit=uops", "-X", "jit-threshold=1"] },
  // Each optimizer pass off in turn (src/jit/optimizer.ts), everything hot at once.
  ...["guards", "fold", "dce", "hoist", "fuse"].map((pass) => ({
    name: `jit-no-${pass}`,
    args: ["-X", "jit=1", "-X", "jit-threshold=1", "-X", `jit-opt=-${pass}`],
  })),
];
/** Applied only to the programs listed in tests/programs/gc_stress_subset.txt. */
export const GC_STRESS_MODE: Mode = { name: "gc-stress", args: ["-X", "gc-stress"] };

const TIMEOUT_MS = 30_000;
const NO_SANITIZERS = { sanitizeOps: false, sanitizeResources: false, sanitizeExit: false };

const wantedModes = Deno.env.get("TESSERA_TEST_MODES")?.split(",").map((s) => s.trim());
const filter = Deno.env.get("TESSERA_TEST_FILTER") ?? "";
const modeEnabled = (m: Mode) => !wantedModes || wantedModes.includes(m.name);

/**
 * Runs jobs in list order, at most two at a time: asking for job i starts it (if needed) and
 * prefetches job i+1, so while a test awaits one result the next is already running.
 */
class Prefetcher {
  #started = new Map<number, Promise<RunResult>>();
  constructor(private jobs: (() => Promise<RunResult>)[]) {}
  #start(i: number): Promise<RunResult> | undefined {
    if (i >= this.jobs.length) return undefined;
    let p = this.#started.get(i);
    if (!p) this.#started.set(i, p = this.jobs[i]());
    return p;
  }
  get(i: number): Promise<RunResult> {
    const p = this.#start(i)!;
    this.#start(i + 1);
    return p;
  }
}

/** Throws an AssertionError describing every difference between `r` and `exp`. */
function check(r: RunResult, exp: Expected, what: string) {
  if (r.timedOut) assert.fail(`${what}: timed out after ${TIMEOUT_MS / 1000} s (killed)`);
  const problems: string[] = [];
  if (r.stdout !== exp.stdout) problems.push(`stdout differs:\n${shortDiff(exp.stdout, r.stdout)}`);
  const last = lastNonEmptyLine(r.stderr);
  if (last !== exp.stderr_last) {
    problems.push(`last stderr line:\n  expected: ${exp.stderr_last}\n  actual:   ${last}`);
  }
  if (r.code !== exp.exit_code) {
    problems.push(`exit code: expected ${exp.exit_code}, got ${r.code}`);
  }
  if (problems.length) {
    const tail = r.stderr.trimEnd().split("\n").slice(-8).join("\n");
    assert.fail(`${what}\n${problems.join("\n")}\n--- stderr (tail) ---\n${tail}`);
  }
}

// ---- tests/programs ----

const gcSubset = readGcStressSubset();

/**
 * Programs that exercise features Tessera does not have yet, one name per line ('#' comments).
 * Each still runs (default mode): it must fail, and once it passes the test fails until the name
 * is removed, so the list can only shrink and never hides a regression of a passing program.
 */
function readKnownFailures(): Set<string> {
  try {
    const text = Deno.readTextFileSync(join(REPO_ROOT, "tests", "programs", "known_failures.txt"));
    return new Set(
      text.split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l !== ""),
    );
  } catch {
    return new Set();
  }
}
const knownFailures = readKnownFailures();
const cases = findPrograms()
  .map((path) => ({ path, name: programName(path), expected: readExpected(path) }))
  .filter((c) => c.expected !== null && c.name.includes(filter))
  .map((c) => ({
    ...c,
    known: knownFailures.has(c.name),
    modes: knownFailures.has(c.name)
      ? [MODES[0]]
      : [...MODES, ...(gcSubset.has(c.name) ? [GC_STRESS_MODE] : [])].filter(modeEnabled),
  }))
  .filter((c) => c.modes.length > 0);

const jobs: (() => Promise<RunResult>)[] = [];
const jobIndex = new Map<string, number>();
for (const c of cases) {
  for (const m of c.modes) {
    jobIndex.set(`${c.name}\0${m.name}`, jobs.length);
    jobs.push(() => runProgram(tesseraCommand(m.args), c.path, { timeoutMs: TIMEOUT_MS }));
  }
}
const pool = new Prefetcher(jobs);

for (const c of cases) {
  Deno.test({ name: c.name, ...NO_SANITIZERS }, async (t) => {
    for (const m of c.modes) {
      await t.step({
        name: m.name,
        ...NO_SANITIZERS,
        fn: async () => {
          const r = await pool.get(jobIndex.get(`${c.name}\0${m.name}`)!);
          if (c.known) {
            assert.throws(
              () => check(r, c.expected!, c.name),
              `${c.name} passes now: remove it from tests/programs/known_failures.txt`,
            );
            return;
          }
          check(r, c.expected!, `${c.name} [${m.name}]`);
        },
      });
    }
  });
}

// ---- shared benchmark programs (opt-in: they take seconds each) ----

Deno.test({
  name: "shared bench programs (default mode)",
  // On by default (issue 3: the ten programs run at full size and match); TESSERA_BENCH_TESTS=0
  // skips them for a quick local run.
  ignore: Deno.env.get("TESSERA_BENCH_TESTS") === "0",
  ...NO_SANITIZERS,
}, async (t) => {
  const dir = join(REPO_ROOT, "..", "shared", "bench");
  let programs: string[];
  try {
    programs = [...Deno.readDirSync(dir)].filter((e) => e.isFile && e.name.endsWith(".py"))
      .map((e) => join(dir, e.name)).sort();
  } catch {
    console.log(`note: ${dir} not found; skipping the benchmark programs`);
    return;
  }
  for (const path of programs.filter((p) => basename(p).includes(filter))) {
    await t.step({
      name: basename(path),
      ...NO_SANITIZERS,
      fn: async () => {
        let stdout: string;
        try {
          stdout = Deno.readTextFileSync(path.replace(/\.py$/, ".expected"));
        } catch {
          console.log(`note: no expected output for ${basename(path)}; skipped`);
          return;
        }
        const r = await runProgram(tesseraCommand([]), path, { timeoutMs: 120_000 });
        check(r, { stdout, stderr_last: "", exit_code: 0 }, basename(path));
      },
    });
  }
});
