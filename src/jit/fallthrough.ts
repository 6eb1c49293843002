// Makes stencils fall through to the next one. Codegen lays stencils end to end, so a stencil's
// jump to _JIT_CONTINUE is a jump to the very next byte and should not exist. clang puts it last
// only sometimes; with a guard it often ends a stencil with one of
//   A:  jcc CONTINUE ; jmp EXIT        (a conditional tail call to the continuation)
//   B:  jmp CONTINUE ; jmp EXIT        (a short jcc elsewhere targets the final jmp)
// A is rewritten in place as `j!cc EXIT` (same size, no other instruction moves). B is kept: its
// short jcc cannot reach an external target without growing the code, so the stencil keeps a
// jump over the final `jmp EXIT` (correct, 5 bytes longer). Internal branches are read from
// llvm-objdump's disassembly so that no rewrite strands a branch. Build time only; pure.
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

const isRelJump = (h: Hole) => h.kind === "R_X86_64_PLT32" || h.kind === "R_X86_64_PC32";

/** The rel32 hole of a `jmp rel32` (e9) or `jcc rel32` (0f 8x) instruction, if it has one. */
function jumpHole(ins: Instruction, holes: readonly Hole[]): Hole | undefined {
  const jmp = ins.bytes.length === 5 && ins.bytes[0] === 0xe9;
  const jcc = ins.bytes.length === 6 && ins.bytes[0] === 0x0f && (ins.bytes[1] & 0xf0) === 0x80;
  if (!jmp && !jcc) return undefined;
  const at = ins.offset + ins.bytes.length - 4;
  return holes.find((h) => h.offset === at && isRelJump(h));
}

export interface FallthroughResult {
  stencil: ParsedStencil;
  /** What was done: "last" | "inverted" | "none" (no continue) | "kept". */
  how: string;
}

export function makeFallthrough(s: ParsedStencil, insns: Instruction[]): FallthroughResult {
  const n = insns.length;
  const last = insns[n - 1];
  const lastHole = last && jumpHole(last, s.holes);
  if (!s.holes.some((h) => h.symbol === "_JIT_CONTINUE")) return { stencil: s, how: "none" };
  if (lastHole === undefined || last.bytes[0] !== 0xe9) return { stencil: s, how: "kept" };
  const drop = (code: Uint8Array, holes: Hole[]) => ({
    ...s,
    code: code.slice(0, last.offset),
    holes: holes.filter((h) => h !== lastHole),
  });
  if (lastHole.symbol === "_JIT_CONTINUE") {
    return { stencil: drop(s.code, [...s.holes]), how: "last" };
  }
  const prev = insns[n - 2];
  const prevHole = prev && jumpHole(prev, s.holes);
  if (prevHole?.symbol !== "_JIT_CONTINUE") return { stencil: s, how: "kept" };

  // A: nothing may branch to the final jmp, which disappears.
  if (prev.bytes[0] !== 0x0f) return { stencil: s, how: "kept" };
  const internal = insns.filter((i) =>
    i.target !== null && i.mnemonic.startsWith("j") && jumpHole(i, s.holes) === undefined
  );
  if (internal.some((i) => i.target === last.offset)) return { stencil: s, how: "kept" };
  const code = s.code.slice();
  code[prev.offset + 1] ^= 1; // jcc -> the inverse condition (x86 pairs them by the low bit)
  const retargeted: Hole = { ...prevHole, symbol: lastHole.symbol, addend: lastHole.addend };
  const holes = s.holes.map((h) => h === prevHole ? retargeted : h);
  return { stencil: drop(code, holes), how: "inverted" };
}
