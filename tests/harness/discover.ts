// Finding test programs and reading/writing their expected-output files.

import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root (two levels above this file). */
export const REPO_ROOT: string = fileURLToPath(new URL("../../", import.meta.url)).replace(
  /\/$/,
  "",
);
export const PROGRAMS_DIR: string = join(REPO_ROOT, "tests", "programs");

/** The expected result of running one program, as stored in NAME.expected.json. */
export interface Expected {
  stdout: string;
  stderr_last: string;
  exit_code: number;
}

/** Every `*.py` below `dir`, as absolute paths, sorted for a stable order. */
export function findPrograms(dir: string = PROGRAMS_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of Deno.readDirSync(d)) {
      const p = join(d, entry.name);
      if (entry.isDirectory) walk(p);
      else if (entry.isFile && entry.name.endsWith(".py")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export function expectedPath(program: string): string {
  return program.replace(/\.py$/, ".expected.json");
}

/** Path relative to tests/programs, used as the test name. */
export function programName(program: string): string {
  return relative(PROGRAMS_DIR, program);
}

/** The last non-empty line of a stderr text, without trailing whitespace ("" if none). */
export function lastNonEmptyLine(text: string): string {
  const lines = text.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  return lines.length ? lines[lines.length - 1] : "";
}

/** Serialises with a fixed key order and a trailing newline, so regeneration is byte-stable. */
export function formatExpected(e: Expected): string {
  const ordered = { stdout: e.stdout, stderr_last: e.stderr_last, exit_code: e.exit_code };
  return JSON.stringify(ordered, null, 2) + "\n";
}

export function readExpected(program: string): Expected | null {
  try {
    return JSON.parse(Deno.readTextFileSync(expectedPath(program))) as Expected;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

/** Lines of `tests/programs/gc_stress_subset.txt` (paths relative to tests/programs). */
export function readGcStressSubset(): Set<string> {
  try {
    const text = Deno.readTextFileSync(join(PROGRAMS_DIR, "gc_stress_subset.txt"));
    return new Set(
      text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#")),
    );
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return new Set();
    throw e;
  }
}
