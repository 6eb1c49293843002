// The copy-and-patch backend: turns a list of uop instances into machine code (DESIGN.md,
// "Copy-and-patch"). Layout and linking are pure (`layoutTrace`, `linkTrace`: bytes for a given
// load address), so tests can check them at any address; `compileTrace` maps memory, copies the
// linked image, makes it executable and returns an Executor.
//
// Image layout:  [stencil of uop 0][uop 1]...[uop n-1][exit stubs][trampolines] pad [data][GOT]
// Every uop that may exit gets an exit stub: a copy of _EXIT_TRACE that records the uop's index
// and its resume instruction. Its _JIT_EXIT_TARGET holes point there.
import { ExecMemory } from "../../ffi/exec_memory.ts";
import {
  type Hole,
  patchAbs32,
  patchAbs32S,
  patchAbs64,
  patchGotPcRel,
  TRAMPOLINE_SIZE,
  writeTrampoline,
} from "./holes.ts";
import { type Stencil, stencils as targetStencils, type StencilTable } from "./stencils.ts";
import { uopDef } from "./uops.ts";
import { localOfHole } from "./uops_fused.ts";
import { FRAME_HEADER } from "../interpreter/frame_layout.ts";

/** One uop of a trace with its operands (see OperandKind in uops.ts). */
export interface UopInstr {
  readonly uop: string;
  readonly oparg?: number;
  /** A raw 64-bit word (e.g. a NaN-boxed constant). */
  readonly operand0?: bigint;
  /** Two more 64-bit operands, for uops with several constants (fused uops). */
  readonly operand1?: bigint;
  readonly operand2?: bigint;
  /** Bytecode instruction where tier 1 resumes if this uop exits. */
  readonly target?: number;
  /** Trace index this uop jumps to (_JUMP_TO_TOP: the loop head, default 0). */
  readonly jump?: number;
  /** Native address of this uop's exit record (uops that may exit; 0/absent: none). Its exit
   * stub, or an _EXIT_TRACE itself, gets it as operand0. */
  readonly exitRecord?: bigint;
  /** Index of that exit record in the exit table (the uop interpreter uses it). */
  readonly exit?: number;
}

export interface LinkEnv {
  /** Native address of the heap base (_JIT_HEAP_BASE). */
  readonly heapBase: bigint;
  /** Native helpers stencils may call, by symbol name. */
  readonly helpers?: ReadonlyMap<string, bigint>;
}

/** A stencil copy in the image. `index` is the trace index it belongs to (for stubs: the exiting
 * uop's index). */
interface Piece {
  readonly stencil: Stencil;
  readonly instr: UopInstr;
  readonly index: number;
  readonly isStub: boolean;
  codeAt: number;
  dataAt: number;
}

export interface Layout {
  readonly pieces: readonly Piece[];
  /** Piece index of each trace uop's exit stub (or -1). */
  readonly stubOf: readonly number[];
  /** Symbols reached through a GOT slot or trampoline (helpers, GOTPCREL holes), in order. */
  readonly farSymbols: readonly string[];
  readonly trampolinesAt: number;
  readonly gotAt: number;
  readonly size: number;
}

const CODE_SYMBOLS = new Set(["_JIT_CONTINUE", "_JIT_JUMP_TARGET", "_JIT_EXIT_TARGET"]);

function checkOperands(trace: readonly UopInstr[]): void {
  if (trace.length === 0) throw new Error("empty trace");
  trace.forEach((ins, i) => {
    const def = uopDef(ins.uop);
    const need = (k: keyof UopInstr, ok: boolean) => {
      if (!ok) throw new Error(`uop ${i} (${ins.uop}) needs ${k}`);
    };
    for (const kind of def.operands) {
      if (kind === "oparg") need("oparg", Number.isInteger(ins.oparg) && ins.oparg! >= 0);
      if (kind === "operand0" && ins.uop !== "_EXIT_TRACE" && ins.uop !== "_JUMP_TO_TOP") {
        need("operand0", typeof ins.operand0 === "bigint");
      }
      if (kind === "operand1") need("operand1", typeof ins.operand1 === "bigint");
      if (kind === "operand2") need("operand2", typeof ins.operand2 === "bigint");
      if (kind === "target") need("target", Number.isInteger(ins.target) && ins.target! >= 0);
      if (kind === "jump") {
        const j = ins.jump ?? 0;
        need("jump", Number.isInteger(j) && j >= 0 && j < trace.length);
      }
    }
  });
  if (!uopDef(trace[trace.length - 1].uop).flags.terminal) {
    throw new Error(`a trace must end with a terminal uop, not ${trace[trace.length - 1].uop}`);
  }
}

const align = (n: number, a: number) => Math.ceil(n / a) * a;

export function layoutTrace(
  trace: readonly UopInstr[],
  table: StencilTable = targetStencils(),
): Layout {
  checkOperands(trace);
  const get = (name: string) => {
    const s = table.get(name);
    if (s === undefined) throw new Error(`no stencil for ${name}`);
    return s;
  };
  const pieces: Piece[] = trace.map((instr, index) => ({
    stencil: get(instr.uop),
    instr,
    index,
    isStub: false,
    codeAt: 0,
    dataAt: 0,
  }));
  const stubOf = trace.map(() => -1);
  trace.forEach((instr, index) => {
    if (uopDef(instr.uop).flags.exits && instr.uop !== "_EXIT_TRACE") {
      stubOf[index] = pieces.length;
      pieces.push({
        stencil: get("_EXIT_TRACE"),
        instr: { uop: "_EXIT_TRACE", target: instr.target, operand0: instr.exitRecord ?? 0n },
        index,
        isStub: true,
        codeAt: 0,
        dataAt: 0,
      });
    }
  });
  let at = 0;
  for (const p of pieces) {
    p.codeAt = at;
    at += p.stencil.code.length;
  }
  const far = new Set<string>();
  for (const p of pieces) {
    for (const h of p.stencil.holes.concat(p.stencil.dataHoles)) {
      const external = !CODE_SYMBOLS.has(h.symbol) && h.symbol !== "_JIT_DATA" &&
        !h.symbol.startsWith("_JIT_");
      if (h.kind.includes("GOTPCREL") || (external && h.kind === "R_X86_64_PLT32")) {
        far.add(h.symbol);
      }
    }
  }
  const farSymbols = [...far].sort();
  const trampolinesAt = at;
  at += farSymbols.length * TRAMPOLINE_SIZE;
  at = align(at, 16);
  for (const p of pieces) {
    if (p.stencil.data.length === 0) continue;
    p.dataAt = at;
    at = align(at + p.stencil.data.length, 16);
  }
  const gotAt = at;
  at += farSymbols.length * 8;
  return { pieces, stubOf, farSymbols, trampolinesAt, gotAt, size: at };
}

/** The value of `symbol` for a piece: a number for addresses, offsets and small operands (all
 * below 2^53, so exact), a bigint for raw 64-bit words and native helper addresses. Linking runs
 * for every hole of every trace, so it avoids BigInt arithmetic wherever a number is exact. */
function symbolValue(
  symbol: string,
  p: Piece,
  pi: number,
  layout: Layout,
  base: number,
  env: LinkEnv,
): number | bigint {
  const { instr } = p;
  switch (symbol) {
    case "_JIT_OPARG":
      return instr.oparg ?? 0;
    case "_JIT_OPERAND0":
      return instr.operand0 ?? instr.exitRecord ?? 0n;
    case "_JIT_OPERAND1":
      return instr.operand1 ?? 0n;
    case "_JIT_OPERAND2":
      return instr.operand2 ?? 0n;
    case "_JIT_TARGET":
      return instr.target ?? 0;
    case "_JIT_UOP_INDEX":
      return p.index;
    case "_JIT_HEAP_BASE":
      return env.heapBase;
    case "_JIT_LOCAL_A":
    case "_JIT_LOCAL_B":
    case "_JIT_LOCAL_D":
      return FRAME_HEADER + 8 * localOfHole(symbol, instr.oparg ?? 0);
    case "_JIT_DATA":
      return base + p.dataAt;
    case "_JIT_CONTINUE": {
      const next = layout.pieces[pi + 1];
      if (p.isStub || next === undefined || next.isStub) {
        throw new Error(`${instr.uop} at ${p.index} continues past the end of the trace`);
      }
      return base + next.codeAt;
    }
    case "_JIT_JUMP_TARGET":
      return base + layout.pieces[instr.jump ?? 0].codeAt;
    case "_JIT_EXIT_TARGET": {
      const stub = layout.stubOf[p.index];
      if (p.isStub || stub < 0) throw new Error(`${instr.uop} at ${p.index} has no exit stub`);
      return base + layout.pieces[stub].codeAt;
    }
  }
  const helper = env.helpers?.get(symbol);
  if (helper === undefined) throw new Error(`unresolved stencil symbol ${symbol}`);
  return helper;
}

const TWO_32 = 2 ** 32;
const fitsInt32 = (v: number) => v >= -(2 ** 31) && v < 2 ** 31;

/** Patches one hole at image offset `at` (the pure BigInt functions of holes.ts define each kind;
 * these are the same computations on numbers where they are exact). */
function patchHole(
  image: Uint8Array,
  view: DataView,
  at: number,
  h: Hole,
  base: number,
  s: number | bigint,
  layout: Layout,
): void {
  const p = base + at;
  const a = Number(h.addend);
  switch (h.kind) {
    case "R_X86_64_64": {
      const v = typeof s === "number" ? s + a : NaN;
      if (Number.isSafeInteger(v) && v >= 0) {
        view.setUint32(at, v >>> 0, true);
        view.setUint32(at + 4, Math.floor(v / TWO_32), true);
      } else {
        view.setBigUint64(at, BigInt.asUintN(64, BigInt(s) + h.addend), true);
      }
      return;
    }
    case "R_X86_64_32":
      return patchAbs32(image, at, BigInt(s), h.addend);
    case "R_X86_64_32S": {
      const v = Number(s) + a;
      if (typeof s !== "number" || !fitsInt32(v)) {
        return patchAbs32S(image, at, BigInt(s), h.addend);
      }
      view.setInt32(at, v, true);
      return;
    }
    case "R_X86_64_PC32":
    case "R_X86_64_PLT32": {
      let target = Number(s);
      if (h.kind === "R_X86_64_PLT32" && !fitsInt32(target + a - p)) {
        // Out of rel32 range (a helper far from the code): go through a trampoline.
        const far = layout.farSymbols.indexOf(h.symbol);
        if (far >= 0) target = base + layout.trampolinesAt + far * TRAMPOLINE_SIZE;
      }
      const d = target + a - p;
      if (!fitsInt32(d)) throw new RangeError(`rel32 displacement ${d} out of range`);
      view.setInt32(at, d, true);
      return;
    }
    case "R_X86_64_GOTPCREL":
    case "R_X86_64_GOTPCRELX":
    case "R_X86_64_REX_GOTPCRELX": {
      const far = layout.farSymbols.indexOf(h.symbol);
      const got = BigInt(base + layout.gotAt + 8 * far);
      patchGotPcRel(image, at, h.kind, BigInt(p), BigInt(s), h.addend, got);
      return;
    }
  }
}

/** Links the trace for load address `base`: the complete image, ready to copy. */
export function linkTrace(layout: Layout, base: bigint, env: LinkEnv): Uint8Array<ArrayBuffer> {
  const image = new Uint8Array(layout.size);
  const view = new DataView(image.buffer);
  const baseN = Number(base); // a user-space address: below 2^47
  const farValues = new Map<string, bigint>();
  const pieces = layout.pieces;
  for (let pi = 0; pi < pieces.length; pi++) {
    const p = pieces[pi];
    image.set(p.stencil.code, p.codeAt);
    if (p.stencil.data.length > 0) image.set(p.stencil.data, p.dataAt);
    const value = (sym: string) => {
      const v = symbolValue(sym, p, pi, layout, baseN, env);
      if (layout.farSymbols.length > 0 && layout.farSymbols.includes(sym)) {
        farValues.set(sym, BigInt(v));
      }
      return v;
    };
    for (const h of p.stencil.holes) {
      patchHole(image, view, p.codeAt + h.offset, h, baseN, value(h.symbol), layout);
    }
    for (const h of p.stencil.dataHoles) {
      patchHole(image, view, p.dataAt + h.offset, h, baseN, value(h.symbol), layout);
    }
  }
  layout.farSymbols.forEach((sym, i) => {
    const slot = layout.gotAt + 8 * i;
    patchAbs64(image, slot, farValues.get(sym) ?? 0n, 0n);
    const t = layout.trampolinesAt + i * TRAMPOLINE_SIZE;
    writeTrampoline(image, t, base + BigInt(t), base + BigInt(slot));
  });
  return image;
}

/** Machine code for one trace. */
export class Executor {
  readonly #memory: ExecMemory;
  /** Native address of the first uop, passed to the shim's enter() (a BigInt made once). */
  readonly entry: bigint;
  /** Bytes of code and data (the mapping is rounded up to whole pages). */
  readonly size: number;
  readonly uopCount: number;
  readonly #image: Uint8Array | null;

  constructor(memory: ExecMemory, size: number, uopCount: number, image: Uint8Array | null = null) {
    this.#memory = memory;
    this.#image = image;
    this.entry = memory.address;
    this.size = size;
    this.uopCount = uopCount;
  }

  /** The linked image (a copy kept for --jit-dump), empty when not kept. */
  bytes(): Uint8Array {
    return this.#image ?? new Uint8Array(0);
  }
  get address(): bigint {
    return this.#memory.address;
  }
  get mappedSize(): number {
    return this.#memory.size;
  }
  get freed(): boolean {
    return this.#memory.state === "freed";
  }
  /** Unmaps the code. No frame may still be running it. */
  free(): void {
    this.#memory.free();
  }
}

export interface CompileHooks {
  /** Called after the image is copied and before it is made executable (tests inspect maps). */
  beforeProtect?(memory: ExecMemory): void;
  /** Keep a copy of the linked image (for --jit-dump). */
  keepImage?: boolean;
}

export function compileTrace(
  trace: readonly UopInstr[],
  env: LinkEnv,
  hooks: CompileHooks = {},
): Executor {
  const layout = layoutTrace(trace);
  const memory = new ExecMemory(layout.size);
  let image: Uint8Array<ArrayBuffer>;
  try {
    image = linkTrace(layout, memory.address, env);
    memory.write(0, image);
    hooks.beforeProtect?.(memory);
    memory.protect();
  } catch (e) {
    memory.free();
    throw e;
  }
  return new Executor(memory, layout.size, trace.length, hooks.keepImage ? image : null);
}
