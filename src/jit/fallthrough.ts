// Makes stencils fall through to the next one with no taken jump on their hot path. Codegen lays
// stencils end to end, so a stencil's jump to _JIT_CONTINUE is a jump to the very next byte and
// should not exist. Stencils are assembled with -mrelax-all, so every branch has a rel32
// displacement and can be pointed anywhere without moving code. Three rewrites, in order:
//   1. Threading: a branch inside the stencil whose destination is a `jmp` with a hole (a tail call
//      to the exit stub, the continuation or the loop top) takes over that hole. clang funnels
//      the guards of a stencil into one shared `jmp EXIT`, which it often places after
//      `jmp CONTINUE`, so the hot path used to jump over it.
//   2. Trimming: trailing `jmp`s that nothing reaches any more (no branch to them, an
//      unconditional jump just before) are dropped, and so is a final `jmp CONTINUE`.
//   3. Inversion: a trailing `jcc CONTINUE; jmp EXIT` becomes `j!cc EXIT` (same size).
// A stencil whose cold path does work before leaving (an exit that first pops the stack) keeps a
// `jmp CONTINUE` over that code: correct, one taken jump ("kept"). Branch destinations are read
// from llvm-objdump's disassembly. Build time only; pure.
import type { Hole } from "./holes.ts";
import type { ParsedStencil } from "./readobj.ts";

export interface Instruction {
  offset: number;
  bytes: number[];
  mnemonic: string;
  /** Branch destination (stencil offset) as printed by objdump, for jumps and calls. */
  target: number | null;
}

/** Parses `llvm-objdump -d` output (with addresses and raw bytes) of a single function. */
export function parseObjdump(text: string): Instruction[] {
  const out: Instruction[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*([0-9a-f]+):\s+((?:[0-9a-f]{2} )+)\s*\t(\S+)(?:\t(.*))?$/.exec(line);
    if (!m) continue;
    const t = /^0x([0-9a-f]+) </.exec(m[4] ?? "");
    out.push({
      offset: parseInt(m[1], 16),
      bytes: m[2].trim().split(" ").map((b) => parseInt(b, 16)),
      mnemonic: m[3],
      target: t ? parseInt(t[1], 16) : null,
    });
  }
  return out;
}

const CONTINUE = "_JIT_CONTINUE";
const isRelJump = (h: Hole) => h.kind === "R_X86_64_PLT32" || h.kind === "R_X86_64_PC32";

/** "jmp" for `jmp rel32` (e9), "jcc" for `jcc rel32` (0f 8x), else null. */
function rel32Kind(ins: Instruction): "jmp" | "jcc" | null {
  const b = ins.bytes;
  if (b.length === 5 && b[0] === 0xe9) return "jmp";
  if (b.length === 6 && b[0] === 0x0f && (b[1] & 0xf0) === 0x80) return "jcc";
  return null;
}

/** Control never falls through these to the next instruction. */
const isUnconditional = (ins: Instruction) =>
  ins.mnemonic === "jmp" || ins.mnemonic.startsWith("ret") || ins.mnemonic === "ud2";

export interface FallthroughResult {
  stencil: ParsedStencil;
  /** "none" (no continuation), "falls through" (no jump to the continuation left on the hot
   * path), "inverted" (a trailing jcc CONTINUE; jmp EXIT became j!cc EXIT) or "kept". */
  how: string;
  /** Branches that took over the hole of the jmp they went to. */
  threaded: number;
}

export function makeFallthrough(s: ParsedStencil, insns: Instruction[]): FallthroughResult {
  if (!s.holes.some((h) => h.symbol === CONTINUE)) return { stencil: s, how: "none", threaded: 0 };
  const code = s.code.slice();
  const holes = [...s.holes];
  const holeOf = (ins: Instruction) => {
    if (rel32Kind(ins) === null) return undefined;
    const at = ins.offset + ins.bytes.length - 4;
    return holes.find((h) => h.offset === at && isRelJump(h));
  };

  // 1. Threading. The displacement field ends the instruction in both forms, so the hole's addend
  // (relative to the end of the field) carries over unchanged.
  const byOffset = new Map(insns.map((i) => [i.offset, i]));
  let threaded = 0;
  for (const ins of insns) {
    if (rel32Kind(ins) === null || ins.target === null || holeOf(ins) !== undefined) continue;
    const dest = byOffset.get(ins.target);
    const destHole = dest && rel32Kind(dest) === "jmp" ? holeOf(dest) : undefined;
    if (destHole === undefined) continue;
    const at = ins.offset + ins.bytes.length - 4;
    code.fill(0, at, at + 4);
    holes.push({ ...destHole, offset: at });
    threaded++;
  }

  // Destinations of the branches that stay inside the stencil.
  const internal = new Set(
    insns.filter((i) => i.target !== null && i.mnemonic.startsWith("j") && !holeOf(i))
      .map((i) => i.target),
  );

  // 2. Trimming.
  let end = insns.length;
  while (end > 0) {
    const last = insns[end - 1];
    const h = rel32Kind(last) === "jmp" ? holeOf(last) : undefined;
    if (h === undefined || internal.has(last.offset)) break;
    const unreachable = end >= 2 && isUnconditional(insns[end - 2]);
    if (h.symbol !== CONTINUE && !unreachable) break;
    end--;
  }

  // 3. Inversion.
  let how = "falls through";
  if (end >= 2) {
    const last = insns[end - 1], prev = insns[end - 2];
    const lastHole = rel32Kind(last) === "jmp" ? holeOf(last) : undefined;
    const prevHole = rel32Kind(prev) === "jcc" ? holeOf(prev) : undefined;
    if (
      lastHole !== undefined && prevHole?.symbol === CONTINUE && !internal.has(last.offset)
    ) {
      code[prev.offset + 1] ^= 1; // jcc -> the inverse condition (x86 pairs them by the low bit)
      holes[holes.indexOf(prevHole)] = {
        ...prevHole,
        symbol: lastHole.symbol,
        addend: lastHole.addend,
      };
      end--;
      how = "inverted";
    }
  }
  const size = end === insns.length ? code.length : insns[end].offset;
  const kept = holes.filter((h) => h.offset < size).sort((a, b) => a.offset - b.offset);
  if (
    insns.slice(0, end).some((i) => rel32Kind(i) === "jmp" && holeOf(i)?.symbol === CONTINUE)
  ) how = "kept";
  return { stencil: { ...s, code: code.slice(0, size), holes: kept }, how, threaded };
}
