// Installing tier 2 (DESIGN.md, "Observability"): reads the options (`PYTHON_JIT=0|1`,
// `-X jit=0|1|uops`, `-X jit-threshold=N`, `-X jit-opt=-guards,-fold,-dce,-hoist`, `-X perf`,
// `--jit-stats`, `--jit-dump`) and sets `interpHooks.jit`. The JIT is on by default where
// stencils exist (x86_64 Linux); `-X jit=uops` runs traces in the TypeScript uop interpreter.
import { interpHooks } from "../interpreter/hooks.ts";
import { type JitConfig, Tier2Impl } from "./executor.ts";
import { type Pass, PASSES } from "./optimizer.ts";
import { jitSupported } from "./stencils.ts";

/** Default back-edge (or call) count before a loop (or function) is compiled. CPython starts its
 * JUMP_BACKWARD backoff at 2^12 - 1 (3.13), but its tier 1 is fast from the first instruction;
 * ours runs in V8's unoptimised tiers until V8 has compiled the dispatch loop, so every
 * back-edge spent waiting costs several times more. Measured on ../shared/bench (CPU time, min of
 * 3): 256 is 7% faster than 4096 as a geometric mean (mandelbrot, spectral_norm, raytrace 14-15%),
 * and 64 gains nothing more (wordfreq loses 5%). */
export const DEFAULT_THRESHOLD = 256;

export interface JitOptions {
  xopts: ReadonlyMap<string, string>;
  env: string | undefined;
  stats: boolean;
  dump: boolean;
}

export type JitMode = "off" | "native" | "uops";

export function jitMode(o: JitOptions): JitMode {
  const x = o.xopts.get("jit");
  const want = x ?? (o.env === "0" ? "0" : o.env === "1" ? "1" : undefined);
  if (want === "uops") return "uops";
  if (want === "0") return "off";
  if (want === "1") return jitSupported() ? "native" : "uops";
  if (want !== undefined) throw new Error(`-X jit: expected 0, 1 or uops, not ${want}`);
  return jitSupported() ? "native" : "off";
}

export function parsePasses(spec: string | undefined): Set<Pass> {
  const passes = new Set<Pass>(PASSES);
  if (spec === undefined) return passes;
  for (const raw of spec.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    const off = raw.startsWith("-");
    const name = raw.replace(/^[-+]/, "");
    if (name === "all") {
      for (const p of PASSES) off ? passes.delete(p) : passes.add(p);
      continue;
    }
    if (!(PASSES as readonly string[]).includes(name)) {
      throw new Error(`-X jit-opt: unknown pass ${name} (passes: ${PASSES.join(", ")})`);
    }
    off ? passes.delete(name as Pass) : passes.add(name as Pass);
  }
  return passes;
}

/** Sets interpHooks.jit from the options; returns the tier 2 instance, or null when off. */
export function installJit(o: JitOptions): Tier2Impl | null {
  const mode = jitMode(o);
  if (mode === "off") {
    interpHooks.jit = null;
    return null;
  }
  const t = o.xopts.get("jit-threshold");
  const threshold = t === undefined ? DEFAULT_THRESHOLD : Number(t);
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new Error(`-X jit-threshold: expected a positive integer, not ${t}`);
  }
  const config: JitConfig = {
    backend: mode,
    threshold,
    sideThreshold: Math.max(1, Math.min(threshold, 64)),
    passes: parsePasses(o.xopts.get("jit-opt")),
    dump: o.dump,
    perf: o.xopts.has("perf"),
    log: (s) => Deno.stderr.writeSync(new TextEncoder().encode(s)),
  };
  const jit = new Tier2Impl(config);
  interpHooks.jit = jit;
  return jit;
}
