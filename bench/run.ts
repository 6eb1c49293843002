// Benchmark runner: times every *.py in a folder under tessera configurations, CPython and PyPy.
//
//   deno run -A bench/run.ts [--runs N] [--no-warmup] [--json out.json] [--only a,b] [folder]
//
// folder defaults to ../shared/bench (relative to the repo root). Each cell is the median
// wall-clock time of N runs (default 3) of the whole process, after one warm-up run. A run
// whose stdout differs from NAME.expected (when present) marks the cell WRONG. Ratios are
// python3 time / runner time, so > 1 means faster than CPython.

import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../tests/harness/discover.ts";
import { type CommandLine, runProgram, tesseraCommand } from "../tests/harness/run.ts";

interface Runner {
  name: string;
  command: CommandLine;
}

/** The tessera configurations benchmarked, one column each. */
const TESSERA_CONFIGS: { name: string; args: string[] }[] = [
  { name: "tessera", args: [] },
  { name: "jit-off", args: ["-X", "jit=0"] },
  { name: "jit-on", args: ["-X", "jit=1"] },
];

const TIMEOUT_MS = 600_000;

function onPath(cmd: string): boolean {
  try {
    return new Deno.Command("sh", { args: ["-c", `command -v ${cmd}`], stdout: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
}

/** A cell: median milliseconds, or why there is none. */
type Cell = { ms: number; runs: number[] } | { error: "WRONG" | "FAILED" | "TIMEOUT" };

async function measure(
  r: Runner,
  program: string,
  expected: string | null,
  runs: number,
  warm: boolean,
): Promise<Cell> {
  const times: number[] = [];
  for (let i = 0; i < runs + (warm ? 1 : 0); i++) {
    const res = await runProgram(r.command, program, { timeoutMs: TIMEOUT_MS });
    if (res.timedOut) return { error: "TIMEOUT" };
    if (res.code !== 0) return { error: "FAILED" };
    if (expected !== null && res.stdout !== expected) return { error: "WRONG" };
    if (i > 0 || !warm) times.push(res.ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const ms = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { ms, runs: times };
}

function geomean(xs: number[]): number {
  return xs.length ? Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length) : NaN;
}

async function main() {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    options: {
      runs: { type: "string", default: "3" },
      json: { type: "string", default: join(REPO_ROOT, "bench", "results", "latest.json") },
      only: { type: "string" },
      "no-warmup": { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  const runs = Math.max(1, parseInt(values.runs!, 10));
  const folder = resolve(positionals[0] ?? join(REPO_ROOT, "..", "shared", "bench"));
  const only = values.only?.split(",").map((s) => s.trim());
  const programs = [...Deno.readDirSync(folder)]
    .filter((e) => e.isFile && e.name.endsWith(".py"))
    .map((e) => join(folder, e.name))
    .filter((p) => !only || only.includes(basename(p, ".py")))
    .sort();

  const runners: Runner[] = TESSERA_CONFIGS.map((c) => ({
    name: c.name,
    command: tesseraCommand(c.args),
  }));
  runners.push({ name: "python3", command: { cmd: "python3", args: [] } });
  if (onPath("pypy3")) runners.push({ name: "pypy3", command: { cmd: "pypy3", args: [] } });

  const results: Record<string, Record<string, Cell>> = {};
  for (const program of programs) {
    const name = basename(program, ".py");
    let expected: string | null = null;
    try {
      expected = Deno.readTextFileSync(program.replace(/\.py$/, ".expected"));
    } catch { /* no expected output: timing only */ }
    results[name] = {};
    for (const r of runners) {
      const cell = await measure(r, program, expected, runs, !values["no-warmup"]);
      results[name][r.name] = cell;
      console.error(`${name} ${r.name}: ${"ms" in cell ? cell.ms.toFixed(0) + " ms" : cell.error}`);
    }
  }

  // Table: per program, median seconds and ratio to CPython for each runner.
  const ratio = (name: string, r: string): number | null => {
    const base = results[name]["python3"], cell = results[name][r];
    return "ms" in base && "ms" in cell ? base.ms / cell.ms : null;
  };
  const fmtCell = (name: string, r: string): string => {
    const cell = results[name][r];
    if (!("ms" in cell)) return cell.error;
    const q = ratio(name, r);
    return `${(cell.ms / 1000).toFixed(3)}s` + (q === null ? "" : ` ${q.toFixed(2)}x`);
  };
  const header = ["program", ...runners.map((r) => r.name)];
  const rows = Object.keys(results).map((n) => [n, ...runners.map((r) => fmtCell(n, r.name))]);
  const geo: Record<string, number | null> = {};
  for (const r of runners) {
    const qs = Object.keys(results).map((n) => ratio(n, r.name)).filter((q): q is number =>
      q !== null
    );
    geo[r.name] = qs.length ? geomean(qs) : null;
  }
  rows.push([
    "geomean",
    ...runners.map((r) => geo[r.name] === null ? "-" : `${geo[r.name]!.toFixed(2)}x`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => i ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  console.log(`(median of ${runs} runs; ratio = python3 time / runner time, > 1 is faster)`);

  const out = values.json!;
  Deno.mkdirSync(resolve(out, ".."), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    folder,
    runs,
    runners: runners.map((r) => ({ name: r.name, command: [r.command.cmd, ...r.command.args] })),
    results,
    geomean_vs_python3: geo,
  };
  Deno.writeTextFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote ${out}`);
}

if (import.meta.main) await main();
