// A seeded generator of random loop-heavy Python programs over ints, floats, lists and small
// classes, for differential testing of the JIT (tests/jit/random_programs_test.ts runs them with
// the JIT off and on and compares the output).
//
//   deno run -A scripts/gen_random_programs.ts [--seed N] [--count N] [--out DIR]
//
// Each program is a function `prog_<k>()` that prints a few lines; `randomProgramFile` packs
// several into one file so one process runs many programs.

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
}

const INT_VARS = ["a", "b", "c"];
const FLOAT_VARS = ["x", "y"];

function intExpr(g: Gen, depth: number, loopVar: string): string {
  if (depth <= 0 || g.chance(0.35)) {
    return g.pick([...INT_VARS, loopVar, String(g.int(-9, 9)), `xs[${loopVar} % len(xs)]`, "p.n"]);
  }
  const op = g.pick(["+", "-", "*", "+", "-", "//", "%"]);
  const l = intExpr(g, depth - 1, loopVar), r = intExpr(g, depth - 1, loopVar);
  if (op === "//" || op === "%") return `(${l} ${op} (abs(${r}) + 1))`;
  return `(${l} ${op} ${r})`;
}

function floatExpr(g: Gen, depth: number, loopVar: string): string {
  if (depth <= 0 || g.chance(0.35)) {
    return g.pick([...FLOAT_VARS, `${g.int(-50, 50) / 4}`, "p.f", `ys[${loopVar} % len(ys)]`]);
  }
  const op = g.pick(["+", "-", "*", "/"]);
  const l = floatExpr(g, depth - 1, loopVar), r = floatExpr(g, depth - 1, loopVar);
  if (op === "/") return `(${l} / (${r} if ${r} != 0.0 else 1.5))`;
  return `(${l} ${op} ${r})`;
}

function cond(g: Gen, loopVar: string): string {
  const cmp = g.pick(["<", "<=", "==", "!=", ">", ">="]);
  if (g.chance(0.5)) return `${intExpr(g, 1, loopVar)} ${cmp} ${intExpr(g, 1, loopVar)}`;
  return `${floatExpr(g, 1, loopVar)} ${cmp} ${floatExpr(g, 1, loopVar)}`;
}

/** A range loop whose body is one list operation at its index (the JIT runs those natively): a
 * fill of xs, a scan of the bools bs that mostly does nothing, or a comprehension of a constant.
 * Bounds and steps go either way and sometimes past the list (IndexError). */
function runLoop(g: Gen, loopVar: string, indent: string): string[] {
  const v = loopVar === "i" ? "j" : "k";
  const step = g.pick([1, 1, 2, 3, -1, -2]);
  const bounds = step > 0
    ? `${g.int(-2, 4)}, ${g.pick(["len(xs)", "len(xs) - 1", String(g.int(0, 9))])}`
    : `${g.pick(["len(xs) - 1", String(g.int(0, 9))])}, ${g.pick(["-1", "0", "-3"])}`;
  const loop = `${indent}for ${v} in range(${bounds}, ${step}):`;
  const kind = g.int(0, 2);
  if (kind === 0) {
    return [loop, `${indent}    xs[${v}] = ${g.pick([String(g.int(-9, 9)), ...INT_VARS])}`];
  }
  if (kind === 1) {
    return [loop, `${indent}    if ${g.pick(["", "not "])}bs[${v}]:`, `${indent}        a += ${v}`];
  }
  return [`${indent}c = (c + len([${g.int(0, 5)} for ${v} in range(${bounds}, ${step})])) % 1000`];
}

function stmt(g: Gen, depth: number, loopVar: string, indent: string): string[] {
  const k = g.int(0, 10);
  if (k === 10) return runLoop(g, loopVar, indent);
  if (k <= 2) return [`${indent}${g.pick(INT_VARS)} = ${intExpr(g, 2, loopVar)} % 1000003`];
  if (k <= 4) {
    const v = g.pick(FLOAT_VARS);
    return [
      `${indent}${v} = ${floatExpr(g, 2, loopVar)}`,
      `${indent}if abs(${v}) > 1e6: ${v} = 0.5`,
    ];
  }
  if (k === 5) return [`${indent}xs[${loopVar} % len(xs)] = ${intExpr(g, 1, loopVar)} % 997`];
  if (k === 6) {
    return [
      `${indent}p.n = (p.n + ${intExpr(g, 1, loopVar)}) % 10007`,
      `${indent}p.f = p.f * 0.5 + ${g.pick(FLOAT_VARS)}`,
    ];
  }
  if (k === 7 && depth > 0) {
    return [
      `${indent}if ${cond(g, loopVar)}:`,
      ...stmt(g, depth - 1, loopVar, indent + "    "),
      `${indent}else:`,
      ...stmt(g, depth - 1, loopVar, indent + "    "),
    ];
  }
  if (k === 8 && depth > 0) {
    const v = loopVar === "i" ? "j" : "k";
    return [
      `${indent}for ${v} in ${
        g.pick(["range(" + g.int(0, 12) + ")", "xs", "range(3, 20, 4)", "(1, 2, 3)"])
      }:`,
      ...stmt(g, depth - 1, v, indent + "    "),
    ];
  }
  if (k === 9 && g.chance(0.3)) {
    // a type change in the middle of the loop
    return [
      `${indent}if ${loopVar} == ${g.int(1, 40)}: ${g.pick(INT_VARS)} = ${
        g.pick(["1.5", "True", "-3"])
      }`,
    ];
  }
  return [`${indent}${g.pick(INT_VARS)} += ${loopVar}`];
}

/** One program: a function named prog_<k> and its call. */
export function randomProgram(seed: number, k: number): string {
  const g = new Gen(seed * 7919 + k);
  const lines = [
    `def prog_${k}():`,
    `    a, b, c = ${g.int(-5, 5)}, ${g.int(0, 9)}, ${g.int(1, 99)}`,
    `    x, y = ${g.int(-20, 20) / 8}, ${g.int(1, 40) / 3}`,
    `    xs = [${Array.from({ length: g.int(1, 8) }, () => g.int(-20, 20)).join(", ")}]`,
    `    ys = [${Array.from({ length: g.int(1, 5) }, () => g.int(-20, 20) / 4).join(", ")}]`,
    `    bs = [${Array.from({ length: 10 }, () => g.pick(["False", "False", "True"])).join(", ")}]`,
    `    p = Pt(${g.int(0, 9)}, ${g.int(0, 9) / 2})`,
  ];
  const n = g.pick([1, 5, 50, 200, 600]);
  if (g.chance(0.5)) {
    lines.push(`    for i in range(${n}):`);
  } else {
    lines.push(`    i = 0`, `    while i < ${n}:`, `        i = i + 1`);
  }
  const body = g.int(2, 6);
  for (let s = 0; s < body; s++) lines.push(...stmt(g, 2, "i", "        "));
  lines.push(`    print(${k}, a, b, c, round(x, 6), round(y, 6), xs, p.n, round(p.f, 6))`);
  return lines.join("\n") + "\n";
}

export const PRELUDE = `class Pt:
    def __init__(self, n, f):
        self.n = n
        self.f = f

`;

/** A file with programs [first, first + count) of `seed`, each run under try/except. */
export function randomProgramFile(seed: number, first: number, count: number): string {
  let src = PRELUDE;
  for (let k = first; k < first + count; k++) {
    src += randomProgram(seed, k);
    src +=
      `try:\n    prog_${k}()\nexcept Exception as e:\n    print(${k}, "error", type(e).__name__)\n\n`;
  }
  return src;
}

if (import.meta.main) {
  const arg = (name: string, dflt: string) => {
    const i = Deno.args.indexOf(name);
    return i >= 0 ? Deno.args[i + 1] : dflt;
  };
  const seed = Number(arg("--seed", "1"));
  const count = Number(arg("--count", "10"));
  const out = arg("--out", "");
  const src = randomProgramFile(seed, 0, count);
  if (out === "") console.log(src);
  else Deno.writeTextFileSync(out, src);
}
