// Running a Python program under tessera (or any python-compatible command).

import { basename, dirname, join } from "node:path";
import { REPO_ROOT } from "./discover.ts";

/** A command line: executable plus arguments (the program path is appended later). */
export interface CommandLine {
  cmd: string;
  args: string[];
}

/**
 * THE one place that defines how tessera is invoked. `extraArgs` are interpreter options
 * such as ["-X", "jit=0"]; the program path and its arguments follow them.
 *
 * Debugging aid: env TESSERA_CMD="python3" (or "pypy3", or any whitespace-separated command)
 * replaces tessera, which runs the whole suite against another python-compatible runtime.
 * CPython accepts and ignores unknown `-X` options, so every mode works with it.
 */
export function tesseraCommand(extraArgs: string[]): CommandLine {
  const override = Deno.env.get("TESSERA_CMD")?.trim();
  if (override) {
    const [cmd, ...rest] = override.split(/\s+/);
    return { cmd, args: [...rest, ...extraArgs] };
  }
  return {
    cmd: Deno.execPath(),
    args: [
      "run",
      "--allow-all",
      "--v8-flags=--stack-size=4000",
      join(REPO_ROOT, "main.ts"),
      ...extraArgs,
    ],
  };
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
  timedOut: boolean;
  /** Wall-clock milliseconds for the whole process. */
  ms: number;
}

/**
 * Runs `command` on `program` with cwd = the program's directory and the program given by
 * its basename (as `python3 prog.py` would be run), killing it after `timeoutMs`.
 */
export async function runProgram(
  command: CommandLine,
  program: string,
  opts: { timeoutMs?: number; args?: string[] } = {},
): Promise<RunResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs ?? 30_000);
  const start = performance.now();
  try {
    const out = await new Deno.Command(command.cmd, {
      args: [...command.args, basename(program), ...(opts.args ?? [])],
      cwd: dirname(program),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8", NO_COLOR: "1" },
      signal: controller.signal,
    }).output();
    const dec = new TextDecoder();
    return {
      stdout: dec.decode(out.stdout),
      stderr: dec.decode(out.stderr),
      code: out.code,
      timedOut,
      ms: performance.now() - start,
    };
  } finally {
    clearTimeout(timer);
  }
}
