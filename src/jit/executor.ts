// Executors (DESIGN.md, "Executors"): an executor owns an optimised trace, its machine code (or,
// with `-X jit=uops`, the uop list the TypeScript uop interpreter runs), its exit records and its
// validity word. `Tier2Impl` is what the interpreter calls (src/interpreter/hooks.ts):
// onHotLoop projects, optimises and compiles a trace and rewrites the hot JUMP_BACKWARD into
// ENTER_EXECUTOR; enter runs it, and when one of its exits has become hot, grows a side trace from
// there and links it into the exit record (a data write: the machine code is never touched).
import {
  isMapFailed,
  libc,
  MAP_ANONYMOUS,
  MAP_PRIVATE,
  PROT_READ,
  PROT_WRITE,
} from "../../ffi/libc.ts";
import { getHeap } from "../../ffi/heap.ts";
import { Op } from "../compiler/opcodes.ts";
import { INSTR_WORDS } from "../compiler/code.ts";
import { codes } from "../runtime/func.ts";
import { F_CODE, F_FLAGS, F_IP } from "../interpreter/frame_layout.ts";
import { CO_GENERATOR } from "../compiler/code.ts";
import { frameState } from "../interpreter/frames.ts";
import { FRAME_STACK_BYTES, FRAME_STACK_START } from "../runtime/mem.ts";
import { typeWatch } from "../runtime/types.ts";
import { opName, SOp } from "../interpreter/spec_ops.ts";
import type { Tier2 } from "../interpreter/hooks.ts";
import { compileTrace, type Executor as NativeCode, type UopInstr } from "./codegen.ts";
import {
  EXIT_HITS,
  EXIT_LINKED,
  EXIT_LINKED_ID,
  EXIT_RECORD_BYTES,
  EXIT_RECORD_WORDS,
  EXIT_TARGET,
} from "./exit_layout.ts";
import { optimize, type Pass } from "./optimizer.ts";
import { type CallContext, project, type ProjectedUop, type WalkedInstr } from "./projection.ts";
import {
  JitState,
  S32_ALLOC_END,
  S32_ALLOC_PTR,
  S32_EXIT_FRAME,
  S32_FRAME_TOP,
  S32_RECURSION_LIMIT,
} from "./state.ts";
import { type AllocRegion, refillRegion, registerRegion } from "../runtime/space.ts";
import { getShim } from "./stencils.ts";
import { interpretTrace, uopExit, type UopRuntime } from "./uop_interp.ts";
import { uopDef } from "./uops.ts";
import { countsIterations, expandFused, fusedSpec } from "./uops_fused.ts";

const U32 = getHeap().u32;

/** Exit records (exit_layout.ts) in one read-write native region. */
export class ExitTable {
  readonly address: bigint;
  readonly words: BigUint64Array;
  /** The same records as u32s (the low half of EXIT_HITS is read on every exit). */
  readonly u32: Uint32Array;
  /** 1 once a side trace was attempted from the record (or it must never grow one). */
  readonly tried: Uint8Array;
  /** 1 for an exit at its trace's first instruction, before the trace made any progress. */
  readonly atStart: Uint8Array;
  /** 1 for an exit its trace takes before doing any work (only guards and loads before it). */
  readonly idle: Uint8Array;
  /** Code index of the frame each record's exit leaves in, and that frame's inlined callers. */
  readonly code: Int32Array;
  readonly callers: (readonly CallContext[] | undefined)[] = [];
  /** The actions whose failure leaves through each record (see `exitActions`), if any. */
  readonly actions: (readonly string[] | undefined)[] = [];
  readonly capacity: number;
  #next = 0;
  #free: number[] = [];

  constructor(capacity = 1 << 15) {
    const size = capacity * EXIT_RECORD_BYTES;
    const p = libc.mmap(
      null,
      BigInt(size),
      PROT_READ | PROT_WRITE,
      MAP_PRIVATE | MAP_ANONYMOUS,
      -1,
      0n,
    );
    if (isMapFailed(p)) throw new Error("cannot map the exit records");
    this.address = BigInt(Deno.UnsafePointer.value(p));
    this.words = new BigUint64Array(Deno.UnsafePointerView.getArrayBuffer(p!, size));
    this.u32 = new Uint32Array(this.words.buffer);
    this.tried = new Uint8Array(capacity);
    this.atStart = new Uint8Array(capacity);
    this.idle = new Uint8Array(capacity);
    this.code = new Int32Array(capacity);
    this.capacity = capacity;
  }
  /** A zeroed record, or -1 when the table is full. */
  alloc(target: number): number {
    const i = this.#free.pop() ?? (this.#next < this.capacity ? this.#next++ : -1);
    if (i < 0) return -1;
    const w = i * EXIT_RECORD_WORDS;
    this.words.fill(0n, w, w + EXIT_RECORD_WORDS);
    this.words[w + EXIT_TARGET] = BigInt(target);
    this.tried[i] = 0;
    this.atStart[i] = 0;
    this.idle[i] = 0;
    this.code[i] = -1;
    this.callers[i] = undefined;
    this.actions[i] = undefined;
    return i;
  }
  release(i: number): void {
    this.words.fill(0n, i * EXIT_RECORD_WORDS, (i + 1) * EXIT_RECORD_WORDS);
    this.#free.push(i);
  }
  addressOf(i: number): bigint {
    return this.address + BigInt(i * EXIT_RECORD_BYTES);
  }
  indexOf(address: bigint): number {
    return address === 0n ? -1 : Number(address - this.address) / EXIT_RECORD_BYTES;
  }
  word(i: number, k: number): bigint {
    return this.words[i * EXIT_RECORD_WORDS + k];
  }
  setWord(i: number, k: number, v: bigint): void {
    this.words[i * EXIT_RECORD_WORDS + k] = v;
  }
  hits(i: number): number {
    return Number(this.words[i * EXIT_RECORD_WORDS + EXIT_HITS]);
  }
  /** Hits as a plain number, saturating at 2^32 - 1 (hot path: no BigInt). */
  hits32(i: number): number {
    const w = i * 2 * EXIT_RECORD_WORDS + 2 * EXIT_HITS;
    return this.u32[w + 1] !== 0 ? 0xffffffff : this.u32[w];
  }
}

export interface JitConfig {
  backend: "native" | "uops";
  /** Back-edges before a loop is compiled. */
  threshold: number;
  /** Exits taken before a side trace grows from an exit. */
  sideThreshold: number;
  passes: ReadonlySet<Pass>;
  dump: boolean;
  perf: boolean;
  /** Where --jit-dump writes (stderr by default). */
  log: (s: string) => void;
}

export interface ExecutorInfo {
  readonly id: number;
  readonly codeIndex: number;
  /** First bytecode instruction of the trace. */
  readonly start: number;
  /** The back-edge it replaced (loop traces), or -1 (side traces, function entries). */
  readonly backEdge: number;
  /** A function-entry executor: replaced the RESUME at instruction 0, starts at instruction 1. */
  readonly entry: boolean;
  /** Side traces: the key they are shared under (see #shared). */
  readonly sideKey?: string;
  readonly depth: number;
  readonly uops: readonly UopInstr[];
  readonly projected: readonly ProjectedUop[];
  native: NativeCode | null;
  valid: boolean;
  /** Record indexes of its exits (the validity word's record first). */
  readonly records: number[];
  /** Records (of other executors) linked to this one. */
  readonly linkedFrom: Set<number>;
  entries: number;
  compileMicros: number;
  /** Loop iterations (its _JUMP_TO_TOP count) at the last review, and entries then. */
  lastIterations: number;
  /** Type indexes whose version the trace relies on. */
  readonly types: readonly number[];
  /** The actions that may fail at its first instruction before it makes progress
   * (`leadActions`): an exit whose own action is one of them must not continue here. */
  readonly leadActions: readonly string[];
}

export const jitStats = {
  tracesBuilt: 0,
  sideTraces: 0,
  refused: new Map<string, number>(),
  uopsBefore: 0,
  uopsAfter: 0,
  invalidations: 0,
  executableBytes: 0,
  /** Loop executors removed because they mostly entered only to leave, and function-entry
   * executors that mostly left before doing any work. */
  removedSlow: 0,
  mappedBytes: 0,
  compileMicros: 0,
};

const MAX_EXECUTORS = 4096;
const MAX_SIDE_DEPTH = 8;
/** Entries between reviews of a loop executor: one that runs fewer than REVIEW_MIN_ITERATIONS
 * iterations in that many entries mostly enters to leave at once, which is slower than tier 1:
 * it is removed and the loop backs off (exponentially) before it is compiled again. */
const REVIEW_ENTRIES = 1024;
const REVIEW_MIN_ITERATIONS = 512;
/** Validity record word counting the loop's iterations (_JUMP_TO_TOP's operand). */
const ITERATIONS_WORD = 1;
const FRAME_STACK_END = FRAME_STACK_START + FRAME_STACK_BYTES;

export class Tier2Impl implements Tier2 {
  threshold: number;
  readonly config: JitConfig;
  readonly executors: (ExecutorInfo | null)[] = [];
  readonly exits: ExitTable;
  /** Record index -> owning executor id. */
  readonly #owner = new Map<number, number>();
  /** Failed attempts per loop (codeIndex:instr), for exponential back-off. */
  readonly #failures = new Map<string, number>();
  readonly #state: JitState | null;
  readonly #stateAddress: bigint;
  readonly #s32: Uint32Array;
  readonly #rt: UopRuntime;
  /** The allocation region native code (or the uop interpreter) allocates from. */
  readonly #region: AllocRegion;
  /** Side traces by start (code index, instruction, inlined callers): a side trace assumes only
   * tier 1's frame state at its start (and, without guards, its inlined callers), so an exit
   * to the same place in the same context may continue in it instead of growing another. */
  readonly #shared = new Map<string, number>();
  /** Executors relying on each type's version. */
  readonly #typeDeps = new Map<number, Set<number>>();
  #perfLines: string[] = [];

  constructor(config: JitConfig) {
    this.config = config;
    this.threshold = config.threshold;
    this.exits = new ExitTable();
    const heap = getHeap();
    if (config.backend === "native") {
      this.#state = new JitState(heap.baseAddress);
      this.#state.init(FRAME_STACK_END, this.exits.address);
      this.#stateAddress = this.#state.address;
      this.#s32 = this.#state.u32;
      getShim();
    } else {
      this.#state = null;
      this.#stateAddress = 0n;
      this.#s32 = new Uint32Array(16);
    }
    this.#region = this.#state !== null
      ? { view: this.#s32, ptr: S32_ALLOC_PTR, end: S32_ALLOC_END }
      : { view: new Uint32Array(2), ptr: 0, end: 1 };
    registerRegion(this.#region);
    typeWatch.onChange = (t) => {
      const deps = this.#typeDeps.get(t);
      if (deps === undefined) return;
      this.#typeDeps.delete(t);
      for (const id of deps) this.invalidate(id);
    };
    this.#rt = {
      takeExit: (rec) => {
        if (rec < 0) return null;
        const w = rec * EXIT_RECORD_WORDS;
        this.exits.words[w + EXIT_HITS] += 1n;
        const id = Number(this.exits.words[w + EXIT_LINKED_ID]) - 1;
        return id >= 0 ? this.executors[id]!.uops : null;
      },
      isValid: (address) => this.exits.word(this.exits.indexOf(address), 0) !== 0n,
      countIteration: (address) => {
        const w = Number(address - this.exits.address) / 8;
        this.exits.words[w] += 1n;
      },
      region: this.#region,
    };
  }

  // ---- Tier2

  onHotLoop(codeIndex: number, instr: number, frame: number): boolean {
    const code = codes[codeIndex].code.code;
    const ip = instr * INSTR_WORDS;
    const head = code[ip + 1];
    const key = `${codeIndex}:${instr}`;
    const ex = this.#build(codeIndex, head, instr, frame, 0, []);
    if (ex === null) {
      this.#backOff(codeIndex, instr);
      return false;
    }
    void key;
    code[ip] = SOp.ENTER_EXECUTOR;
    code[ip + 2] = ex.id;
    return true;
  }

  onHotFunction(codeIndex: number, frame: number): boolean {
    const info = codes[codeIndex];
    const code = info.code.code;
    if (
      code[0] !== Op.RESUME || (info.code.flags & CO_GENERATOR) !== 0 ||
      U32[(frame + F_FLAGS) >> 2] !== 0
    ) {
      // never: a generator, an __init__ or entry frame
      code[2] = -(1 << 26);
      return false;
    }
    const ex = this.#build(codeIndex, 1, -1, frame, 0, [], true);
    if (ex === null) {
      this.#backOff(codeIndex, 0);
      return false;
    }
    code[0] = SOp.ENTER_EXECUTOR;
    code[1] = 1;
    code[2] = ex.id;
    return true;
  }

  /** A failed or removed loop waits longer before it is compiled again (exponential). */
  #backOff(codeIndex: number, instr: number): void {
    const code = codes[codeIndex].code.code;
    const key = `${codeIndex}:${instr}`;
    const k = (this.#failures.get(key) ?? 0) + 1;
    this.#failures.set(key, k);
    code[instr * INSTR_WORDS + 2] = -Math.min(16 << Math.min(k, 20), 1 << 26);
  }

  enter(id: number, frame: number): void {
    const ex = this.executors[id];
    if (ex === undefined || ex === null || !ex.valid) {
      const ci = codes[U32[frame >> 2]].code.code;
      U32[(frame + F_IP) >> 2] = ci[U32[(frame + F_IP) >> 2] * INSTR_WORDS + 1];
      return;
    }
    let rec: number, exitFrame: number;
    refillRegion(this.#region);
    if (ex.native !== null) {
      const s32 = this.#s32;
      s32[S32_FRAME_TOP] = frameState.top;
      s32[S32_RECURSION_LIMIT] = frameState.recursionLimit;
      rec = getShim().enter(ex.native.entry, frame, this.#stateAddress);
      exitFrame = s32[S32_EXIT_FRAME];
      frameState.top = s32[S32_FRAME_TOP];
    } else {
      interpretTrace(ex.uops, frame, this.#rt);
      rec = uopExit.record;
      exitFrame = uopExit.frame;
    }
    // An exit inside an inlined call leaves its callee frames pushed: tier 1 resumes there.
    if (exitFrame !== frame) frameState.current = exitFrame;
    if (
      rec >= 0 && this.exits.tried[rec] === 0 && this.exits.hits32(rec) >= this.config.sideThreshold
    ) {
      this.#growSideTrace(rec, exitFrame);
      this.#dropIdleEntry(rec);
    }
    if (++ex.entries % REVIEW_ENTRIES === 0) this.#review(ex);
  }

  /** Removes a function-entry executor that mostly leaves, for good, before doing any work: most
   * of its starts end at exit `rec` (idle, tried, linked to nothing), so each call would pay for
   * entering native code and gain nothing over tier 1. The function backs off exponentially, as a
   * slow loop does. */
  #dropIdleEntry(rec: number): void {
    const ex = this.executors[this.#owner.get(rec) ?? -1];
    if (ex === undefined || ex === null || !ex.valid || !ex.entry) return;
    if (this.exits.idle[rec] === 0 || this.exits.tried[rec] === 0) return;
    if (this.exits.word(rec, EXIT_LINKED_ID) !== 0n) return;
    // Native starts (from tier 1 or through linked exits) count in the validity record.
    const starts = Number(this.exits.word(ex.records[0], ITERATIONS_WORD));
    if (2 * this.exits.hits(rec) < starts) return;
    jitStats.removedSlow++;
    this.invalidate(ex.id);
    this.#backOff(ex.codeIndex, 0);
  }

  /** Removes a loop executor that mostly enters to leave at once (see REVIEW_ENTRIES). */
  #review(ex: ExecutorInfo): void {
    if (!ex.valid || ex.backEdge < 0 || ex.entry) return;
    const iterations = Number(this.exits.word(ex.records[0], ITERATIONS_WORD));
    // Starts (entries from tier 1 or through linked exits) and loop iterations, less the entries
    // from tier 1: the native work those entries led to.
    const done = iterations - ex.lastIterations - REVIEW_ENTRIES;
    ex.lastIterations = iterations;
    if (done >= REVIEW_MIN_ITERATIONS) return;
    jitStats.removedSlow++;
    const { codeIndex, backEdge } = ex;
    this.invalidate(ex.id);
    this.#backOff(codeIndex, backEdge);
  }

  // ---- building

  #growSideTrace(rec: number, frame: number): void {
    const owner = this.executors[this.#owner.get(rec) ?? -1];
    if (owner === undefined || owner === null || !owner.valid) return;
    if (this.exits.word(rec, EXIT_LINKED) !== 0n || this.exits.word(rec, EXIT_LINKED_ID) !== 0n) {
      return;
    }
    const target = Number(this.exits.word(rec, EXIT_TARGET));
    const codeIndex = U32[(frame + F_CODE) >> 2];
    // An exit to a back-edge of a loop not compiled (yet): tier 1 counts it there; once the loop
    // has an executor the exit links to it (below), so it is not marked tried.
    if (codes[codeIndex].code.code[target * INSTR_WORDS] === Op.JUMP_BACKWARD) return;
    this.exits.tried[rec] = 1;
    // An exit to a loop head that has an executor continues in it directly.
    const loop = this.#executorFor(codeIndex, target);
    if (loop >= 0) {
      this.#link(rec, this.executors[loop]!);
      return;
    }
    // The frame is exactly tier 1's state at `target`: the side trace starts from there.
    const callers = this.exits.callers[rec] ?? [];
    // An action that failed (overflow, a full list, ...) fails again on the same inputs: a trace
    // that starts by repeating it would leave at once, every time (see `repeatsFailure`).
    const failed = this.exits.actions[rec] ?? [];
    const key = `${codeIndex}:${target}:${callers.map((c) => `${c.codeIndex}@${c.callInstr}`)}`;
    // An exit at the first instruction of its own trace made no progress: continuing in a shared
    // trace that starts there could cycle (its first guard failing too), so it grows its own.
    if (key !== owner.sideKey || this.exits.atStart[rec] === 0) {
      const s = this.executors[this.#shared.get(key) ?? -1];
      if (
        s !== undefined && s !== null && s.valid && s.id !== owner.id &&
        !repeatsFailure(s.leadActions, failed)
      ) {
        this.#link(rec, s);
        return;
      }
    }
    if (owner.depth + 1 > MAX_SIDE_DEPTH) {
      this.#refuse("side trace too deep");
      return;
    }
    const ex = this.#build(
      codeIndex,
      target,
      -1,
      frame,
      owner.depth + 1,
      callers,
      false,
      key,
      failed,
    );
    if (ex === null) return;
    if (!this.#shared.has(key)) this.#shared.set(key, ex.id);
    this.#link(rec, ex);
    jitStats.sideTraces++;
  }

  #link(rec: number, to: ExecutorInfo): void {
    this.exits.setWord(rec, EXIT_LINKED, to.native?.entry ?? 0n);
    this.exits.setWord(rec, EXIT_LINKED_ID, BigInt(to.id + 1));
    to.linkedFrom.add(rec);
  }

  #refuse(why: string): null {
    jitStats.refused.set(why, (jitStats.refused.get(why) ?? 0) + 1);
    return null;
  }

  #executorFor = (codeIndex: number, instr: number): number => {
    const code = codes[codeIndex].code.code;
    if (code[instr * INSTR_WORDS] !== SOp.ENTER_EXECUTOR) return -1;
    const e = this.executors[code[instr * INSTR_WORDS + 2]];
    return e !== undefined && e !== null && e.valid ? e.id : -1;
  };

  #build(
    codeIndex: number,
    start: number,
    backEdge: number,
    frame: number,
    depth: number,
    callers: readonly CallContext[],
    entry = false,
    sideKey?: string,
    failed: readonly string[] = [],
  ): ExecutorInfo | null {
    if (this.executors.length >= MAX_EXECUTORS) return this.#refuse("too many executors");
    const t0 = performance.now();
    const info = codes[codeIndex];
    const p = project({
      codeIndex,
      start,
      backEdge,
      frame,
      historyBits: Math.max(1, Math.min(8, this.threshold)),
      executorFor: this.#executorFor,
      callers,
      // a function entry knows its id before it exists: its own recursive calls link to it
      selfEntry: entry ? this.executors.length : undefined,
    });
    // Nothing useful before the first exit: not worth an executor.
    const useful = p.uops.filter((u) => !uopDef(u.uop).flags.terminal).length;
    if (useful === 0 || (p.uops.length <= 2 && !p.closed)) return this.#refuse(p.end);
    // A loop trace that neither closes the loop nor continues in another executor would enter
    // native code only to leave it on every iteration: slower than staying in tier 1.
    if (
      backEdge >= 0 && !p.closed && p.end !== "linked to a loop executor" &&
      p.end !== "linked to a function entry" &&
      p.end !== "length budget"
    ) {
      return this.#refuse(`(loop not closed) ${p.end}`);
    }
    if (!p.closed) {
      jitStats.refused.set(
        `(partial) ${p.end}`,
        (jitStats.refused.get(`(partial) ${p.end}`) ?? 0) + 1,
      );
    }
    const opt = optimize(p.uops, info.nlocalsplus, this.config.passes, p.closed, start);
    const lead = leadActions(opt.uops, start);
    if (repeatsFailure(lead, failed)) {
      return this.#refuse("side trace would repeat its failed action");
    }
    const id = this.executors.length;
    const validRec = this.exits.alloc(start);
    if (validRec < 0) return this.#refuse("out of exit records");
    this.exits.setWord(validRec, 0, 1n);
    this.exits.tried[validRec] = 1;
    const records = [validRec];
    const iterationsAddress = this.exits.addressOf(validRec) + BigInt(8 * ITERATIONS_WORD);
    const body: ProjectedUop[] = [
      {
        uop: "_CHECK_VALIDITY",
        operand0: this.exits.addressOf(validRec),
        target: start,
        instr: start,
      },
      ...opt.uops.map((u) =>
        u.uop === "_JUMP_TO_TOP"
          ? { ...u, jump: (u.jump ?? 0) + 1, operand0: iterationsAddress }
          : countsIterations(u.uop)
          ? { ...u, operand0: iterationsAddress }
          : u
      ),
    ];
    const links: [number, number][] = [];
    const uops: UopInstr[] = [];
    // Exits at the first instruction before any frame push or pop made no progress (the walk
    // never revisits an instruction in a frame: later exits at `start` are in another frame).
    let progress = false;
    // Work: anything but guards, loads and the validity check (see #dropIdleEntry).
    let work = false;
    for (const u of body) {
      const moves = movesFrame(u.uop);
      const f = uopDef(u.uop).flags;
      const idle = !work;
      if (!(f.guard || f.pure || u.uop === "_LOAD_FAST_CHECK")) work = true;
      if (!f.exits) {
        uops.push(u);
        if (moves) progress = true;
        continue;
      }
      const r = this.exits.alloc(u.target ?? 0);
      if (r < 0) {
        for (const x of records) this.exits.release(x);
        return this.#refuse("out of exit records");
      }
      records.push(r);
      this.#owner.set(r, id);
      // A used-up allocation region: only tier 1 can help (it refills before the next entry).
      if (u.uop === "_CHECK_ALLOC") this.exits.tried[r] = 1;
      const pu = u as ProjectedUop;
      this.exits.code[r] = pu.code ?? codeIndex;
      this.exits.callers[r] = pu.callers;
      const actions = exitActions(u);
      if (actions.length > 0) this.exits.actions[r] = actions;
      if (!progress && u.target === start) this.exits.atStart[r] = 1;
      if (idle) this.exits.idle[r] = 1;
      if (moves) progress = true;
      if (u.link !== undefined) links.push([r, u.link]);
      uops.push({ ...u, exit: r, exitRecord: this.exits.addressOf(r) });
    }
    let native: NativeCode | null = null;
    if (this.config.backend === "native") {
      try {
        native = compileTrace(uops, { heapBase: getHeap().baseAddress }, {
          keepImage: this.config.dump,
        });
      } catch (e) {
        for (const x of records) this.exits.release(x);
        return this.#refuse(`codegen: ${(e as Error).message}`);
      }
      jitStats.executableBytes += native.size;
      jitStats.mappedBytes += native.mappedSize;
    }
    const ex: ExecutorInfo = {
      id,
      codeIndex,
      start,
      backEdge,
      entry,
      sideKey,
      depth,
      uops,
      projected: p.uops,
      native,
      valid: true,
      records,
      linkedFrom: new Set(),
      entries: 0,
      compileMicros: Math.round((performance.now() - t0) * 1000),
      lastIterations: 0,
      types: p.types,
      leadActions: lead,
    };
    this.executors.push(ex);
    for (const t of p.types) {
      let set = this.#typeDeps.get(t);
      if (set === undefined) this.#typeDeps.set(t, set = new Set());
      set.add(id);
    }
    for (const [r, to] of links) this.#link(r, this.executors[to]!);
    jitStats.tracesBuilt++;
    jitStats.uopsBefore += p.uops.length;
    jitStats.uopsAfter += uops.length;
    jitStats.compileMicros += ex.compileMicros;
    if (this.config.dump) this.config.log(this.dump(ex, p.instrs, p.end));
    if (this.config.perf && native !== null) this.#perf(ex);
    return ex;
  }

  // ---- invalidation

  /** Makes an executor invalid: clears its validity word, unlinks every exit that leads to it,
   * restores the JUMP_BACKWARD it replaced, drops the side traces grown from its exits and frees
   * its code. Only TypeScript calls this, so no native frame is running any executor. */
  invalidate(id: number): void {
    const ex = this.executors[id];
    if (ex === undefined || ex === null || !ex.valid) return;
    jitStats.invalidations++;
    ex.valid = false;
    this.exits.setWord(ex.records[0], 0, 0n);
    for (const r of ex.linkedFrom) {
      this.exits.setWord(r, EXIT_LINKED, 0n);
      this.exits.setWord(r, EXIT_LINKED_ID, 0n);
      this.exits.tried[r] = 0;
    }
    ex.linkedFrom.clear();
    if (ex.entry) {
      const code = codes[ex.codeIndex].code.code;
      if (code[0] === SOp.ENTER_EXECUTOR && code[2] === id) {
        code[0] = Op.RESUME;
        code[1] = 0;
        code[2] = -64;
      }
    }
    if (ex.sideKey !== undefined && this.#shared.get(ex.sideKey) === id) {
      this.#shared.delete(ex.sideKey);
    }
    if (ex.backEdge >= 0) {
      const code = codes[ex.codeIndex].code.code;
      const ip = ex.backEdge * INSTR_WORDS;
      if (code[ip] === SOp.ENTER_EXECUTOR && code[ip + 2] === id) {
        code[ip] = Op.JUMP_BACKWARD;
        code[ip + 2] = -64;
      }
    }
    for (const r of ex.records.slice(1)) {
      const child = Number(this.exits.word(r, EXIT_LINKED_ID)) - 1;
      const c = child >= 0 ? this.executors[child] : null;
      if (c && c.valid && c.depth > ex.depth) this.invalidate(child);
    }
    for (const r of ex.records) {
      // the executors its exits lead to no longer hear from these records (they are reused)
      const to = Number(this.exits.word(r, EXIT_LINKED_ID)) - 1;
      if (to >= 0) this.executors[to]?.linkedFrom.delete(r);
      this.#owner.delete(r);
      this.exits.release(r);
    }
    for (const t of ex.types) this.#typeDeps.get(t)?.delete(id);
    ex.native?.free();
    ex.native = null;
    this.executors[id] = null;
  }

  invalidateAll(): void {
    for (const ex of this.executors) if (ex !== null && ex.valid) this.invalidate(ex.id);
  }

  // ---- tools

  /** Exits taken per executor (hits of its exit records). */
  exitHits(ex: ExecutorInfo): number {
    return ex.records.slice(1).reduce((n, r) => n + this.exits.hits(r), 0);
  }

  dump(ex: ExecutorInfo, instrs: readonly WalkedInstr[], end: string): string {
    const info = codes[ex.codeIndex].code;
    const out: string[] = [];
    out.push(
      `=== trace ${ex.id} (${
        ex.entry ? "function entry" : ex.backEdge >= 0 ? "loop" : `side, depth ${ex.depth}`
      }) in ` +
        `${info.qualname || info.name} (${info.filename}) from instruction ${ex.start}: ${end}`,
    );
    // Instructions of inlined callees and of callers a return continues in belong to other codes:
    // each is read from its own code, and a line names the code when it changes.
    const nameOf = (c: number) => codes[c].code.qualname || codes[c].code.name;
    const lines = [
      ...new Set(
        instrs.map(({ codeIndex, instr }) => {
          const l = codes[codeIndex].code.lines[instr];
          return l > 0 ? (codeIndex === ex.codeIndex ? `${l}` : `${nameOf(codeIndex)}:${l}`) : "";
        }).filter((l) => l !== ""),
      ),
    ];
    out.push(`source lines: ${lines.join(", ")}`);
    out.push("bytecode:");
    let inCode = ex.codeIndex;
    for (const { codeIndex, instr } of instrs) {
      if (codeIndex !== inCode) out.push(`  (in ${nameOf(codeIndex)})`);
      inCode = codeIndex;
      const c = codes[codeIndex].code.code, ip = instr * INSTR_WORDS;
      out.push(`  ${String(instr).padStart(4)} ${opName(c[ip]).padEnd(28)} ${c[ip + 1]}`);
    }
    const fmt = (u: UopInstr, k: number) => {
      const parts = [`  ${String(k).padStart(3)} ${u.uop}`];
      if (u.oparg !== undefined) parts.push(`oparg=${u.oparg}`);
      if (u.operand0 !== undefined) parts.push(`operand0=0x${u.operand0.toString(16)}`);
      if (u.operand1 !== undefined) parts.push(`operand1=0x${u.operand1.toString(16)}`);
      if (u.operand2 !== undefined) parts.push(`operand2=0x${u.operand2.toString(16)}`);
      if (u.target !== undefined) parts.push(`target=${u.target}`);
      if (u.jump !== undefined) parts.push(`jump=${u.jump}`);
      return parts.join(" ");
    };
    out.push(`uops before optimisation (${ex.projected.length}):`);
    ex.projected.forEach((u, k) => out.push(fmt(u, k)));
    out.push(`uops after optimisation (${ex.uops.length}):`);
    ex.uops.forEach((u, k) => out.push(fmt(u, k)));
    if (ex.native !== null) {
      out.push(`machine code: ${ex.native.size} bytes at 0x${ex.native.address.toString(16)}`);
      out.push(disassemble(ex.native));
    }
    return out.join("\n") + "\n";
  }

  #perf(ex: ExecutorInfo): void {
    const info = codes[ex.codeIndex].code;
    this.#perfLines.push(
      `${ex.native!.address.toString(16)} ${ex.native!.size.toString(16)} ` +
        `tessera:trace${ex.id}:${info.qualname || info.name}:${info.lines[ex.start] ?? 0}`,
    );
    try {
      Deno.writeTextFileSync(`/tmp/perf-${Deno.pid}.map`, this.#perfLines.join("\n") + "\n");
    } catch {
      // no write permission: nothing to do
    }
  }

  statsReport(): string {
    const s = jitStats;
    const out = ["JIT statistics:"];
    out.push(
      `  backend: ${this.config.backend}, threshold: ${this.threshold}, passes: ${
        [...this.config.passes].join(",") || "none"
      }`,
    );
    out.push(`  traces built: ${s.tracesBuilt} (side traces: ${s.sideTraces})`);
    const refused = [...s.refused].sort((a, b) => b[1] - a[1]);
    out.push(`  traces refused or cut short: ${refused.reduce((n, r) => n + r[1], 0)}`);
    for (const [why, n] of refused) out.push(`    ${n} x ${why}`);
    out.push(`  uops before optimisation: ${s.uopsBefore}, after: ${s.uopsAfter}`);
    out.push(
      `  invalidations: ${s.invalidations} (of which slow loops and idle entries removed: ${s.removedSlow})`,
    );
    out.push(`  executable memory: ${s.executableBytes} bytes (${s.mappedBytes} mapped)`);
    const per100 = s.uopsAfter > 0 ? (s.compileMicros / s.uopsAfter * 100).toFixed(0) : "0";
    out.push(`  compile time: ${s.compileMicros} us (${per100} us per 100 uops)`);
    for (const ex of this.executors) {
      if (ex === null) continue;
      const info = codes[ex.codeIndex].code;
      out.push(
        `  trace ${ex.id} ${info.qualname || info.name}@${ex.start}: ${ex.uops.length} uops, ` +
          `entered ${ex.entries}, exits ${this.exitHits(ex)}`,
      );
    }
    return out.join("\n") + "\n";
  }
}

// ---- exits that cannot help
//
// A side trace starts from exactly tier 1's state at its exit's target. When the exit was taken in
// an action's failure path (an int result outside the small-int range, a full list buffer, the
// recursion limit at a frame push...), rather than by a type guard whose other case the side trace
// can specialise for, a side trace that begins by running the same action on those same inputs
// fails the same way at once: every exit would run it and then leave to tier 1 anyway (and grow
// another from its own first exit, up to MAX_SIDE_DEPTH). Such a side trace is not built (nor is
// the exit linked to a shared trace that begins so): the exit stays marked tried and resumes tier
// 1 directly. A side trace that translates the instruction so that it cannot fail that way (a
// fused uop that computes an overflowing product exactly) is built as usual.

/** The actions (unfused uop names) whose failure leaves through `u`'s exit: none for guards and
 * for _EXIT_TRACE; a fused uop's are those of its components that leave through its exit record
 * (uops_fused.ts, `expandFused`), which is where its native body exits too. */
export function exitActions(u: UopInstr): string[] {
  const isAction = (name: string) => {
    const f = uopDef(name).flags;
    return f.exits && !f.guard && !f.terminal;
  };
  if (fusedSpec(u.uop) === undefined) return isAction(u.uop) ? [u.uop] : [];
  return expandFused({ ...u, exit: 0 })
    .filter((p) => p.exit !== undefined && isAction(p.uop))
    .map((p) => p.uop);
}

/** A frame push or pop (after one, the trace runs in another frame). */
function movesFrame(uop: string): boolean {
  return uop.startsWith("_PUSH_FRAME") || uop.startsWith("_POP_FRAME");
}

/** The actions that may fail at a trace's first instruction `start`: those of the exits to `start`
 * before the first frame push or pop (the walk never comes back to `start` in that frame). */
export function leadActions(uops: readonly UopInstr[], start: number): string[] {
  const out: string[] = [];
  for (const u of uops) {
    if (uopDef(u.uop).flags.exits && u.target === start) out.push(...exitActions(u));
    if (movesFrame(u.uop)) break;
  }
  return out;
}

/** Whether a trace whose leading actions are `lead` would fail as an exit whose failed actions
 * are `failed` did. */
export function repeatsFailure(lead: readonly string[], failed: readonly string[]): boolean {
  return failed.some((a) => lead.includes(a));
}

/**
 * Machine code as text: disassembled by LLVM (llvm-mc-19, which reads raw bytes; llvm-objdump needs
 * an object file) when it is installed and may run, else hex.
 */
function disassemble(code: NativeCode): string {
  const bytes = code.bytes();
  try {
    const path = Deno.makeTempFileSync({ suffix: ".txt" });
    try {
      Deno.writeTextFileSync(path, Array.from(bytes, (b) => "0x" + b.toString(16)).join(" "));
      const r = new Deno.Command("llvm-mc-19", {
        args: [
          "--disassemble",
          "--triple=x86_64-unknown-linux-gnu",
          "--output-asm-variant=0",
          path,
        ],
        stderr: "null",
      }).outputSync();
      if (r.success) {
        const text = new TextDecoder().decode(r.stdout);
        if (text.trim() !== "") {
          return `  (at 0x${code.address.toString(16)}, ${bytes.length} bytes)\n` +
            text.split("\n").filter((l) => !/^\s*\.text\s*$/.test(l)).join("\n");
        }
      }
    } finally {
      Deno.removeSync(path);
    }
  } catch {
    // not installed or not allowed to run
  }
  const lines: string[] = [];
  for (let k = 0; k < bytes.length; k += 32) {
    lines.push(
      "  " +
        Array.from(bytes.subarray(k, k + 32), (b) => b.toString(16).padStart(2, "0")).join(" "),
    );
  }
  return lines.join("\n");
}
