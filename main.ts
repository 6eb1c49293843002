// tessera: the command line, like `python`: `tessera [options] prog.py [args]` or `-c CODE`.
import { parseArgs } from "node:util";

const USAGE = `usage: tessera [option] ... [-c cmd | file] [arg] ...
Options:
  -c cmd         program passed in as string
  -X opt         implementation option: jit=0|1|uops, jit-threshold=N,
                 jit-opt=-guards,-fold,-dce,-hoist (optimizer passes off), perf
                 (/tmp/perf-<pid>.map), gc-stress, stats, heap-mb=N
  --stats        print specialization statistics to stderr at exit
  --jit-stats    print JIT statistics to stderr at exit
  --jit-dump     print traces as they are compiled
  -h, --help     print this message
Environment: PYTHON_JIT=0|1 enables or disables the JIT (as in CPython).`;

export interface Options {
  /** sys.argv */
  argv: string[];
  xopts: Map<string, string>;
  stats: boolean;
  jitStats: boolean;
  jitDump: boolean;
}

function fail(msg: string): never {
  console.error(msg);
  Deno.exit(2);
}

export function main(argv: string[]): number {
  // Options end at the program name: everything after it belongs to the program.
  const progIndex = argv.findIndex((a, i) =>
    !a.startsWith("-") && !(i > 0 && ["-X", "-c"].includes(argv[i - 1]))
  );
  const own = progIndex < 0 ? argv : argv.slice(0, progIndex);
  let parsed;
  try {
    parsed = parseArgs({
      args: own,
      options: {
        c: { type: "string", short: "c" },
        X: { type: "string", short: "X", multiple: true },
        stats: { type: "boolean" },
        "jit-stats": { type: "boolean" },
        "jit-dump": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (e) {
    fail(`tessera: ${(e as Error).message}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const xopts = new Map<string, string>();
  for (const x of v.X ?? []) {
    const eq = x.indexOf("=");
    xopts.set(eq < 0 ? x : x.slice(0, eq), eq < 0 ? "1" : x.slice(eq + 1));
  }
  let source: string, filename: string;
  if (v.c !== undefined) {
    source = v.c;
    filename = "<string>";
  } else if (progIndex >= 0) {
    filename = argv[progIndex];
    try {
      source = Deno.readTextFileSync(filename);
    } catch (e) {
      const err = e as Error & { code?: string };
      fail(
        `tessera: can't open file '${filename}': [Errno 2] ${
          err.code === "ENOENT" ? "No such file or directory" : err.message
        }`,
      );
    }
  } else {
    fail(USAGE);
  }
  // sys.argv: the program and its arguments, or "-c" and the arguments after the code.
  const programArgs = progIndex < 0 ? [] : argv.slice(progIndex + (v.c !== undefined ? 0 : 1));
  const pyArgv = [v.c !== undefined ? "-c" : filename, ...programArgs];
  return runner(source, filename, {
    argv: pyArgv,
    xopts,
    stats: v.stats === true || xopts.has("stats"),
    jitStats: v["jit-stats"] === true,
    jitDump: v["jit-dump"] === true,
  });
}

import { runSource } from "./src/runtime/program.ts";
import { gcState } from "./src/runtime/space.ts";
import { opName, specStats } from "./src/interpreter/spec_ops.ts";
import { executions, setCountExecutions } from "./src/interpreter/interp.ts";
import { installJit } from "./src/jit/install.ts";

function runner(source: string, filename: string, opts: Options): number {
  if (opts.xopts.has("gc-stress")) gcState.stress = true;
  specStats.enabled = opts.stats;
  setCountExecutions(opts.stats);
  let jit;
  try {
    jit = installJit({
      xopts: opts.xopts,
      env: Deno.env.get("PYTHON_JIT"),
      stats: opts.jitStats,
      dump: opts.jitDump,
    });
  } catch (e) {
    fail(`tessera: ${(e as Error).message}`);
  }
  const r = runSource(source, filename, opts.argv);
  if (r.stderr !== "") Deno.stderr.writeSync(new TextEncoder().encode(r.stderr));
  if (opts.jitStats) {
    const report = jit ? jit.statsReport() : "JIT statistics: the JIT is off\n";
    Deno.stderr.writeSync(new TextEncoder().encode(report));
  }
  if (opts.stats) {
    const lines = ["specialization statistics:"];
    for (const [k, n] of [...specStats.specialized].sort()) lines.push(`  specialized ${k}: ${n}`);
    for (const [k, n] of [...specStats.deopts].sort()) lines.push(`  deopt (miss) ${k}: ${n}`);
    lines.push("executions (hits of specialised forms, plus generic and unspecialisable ones):");
    const counted = [...executions.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    for (const [op, n] of counted) lines.push(`  ${opName(op)}: ${n}`);
    Deno.stderr.writeSync(new TextEncoder().encode(lines.join("\n") + "\n"));
  }
  return r.exitCode;
}

if (import.meta.main) {
  Deno.exit(main(Deno.args));
}
