// The `fuse` optimizer pass (the last one; `-X jit-opt=-fuse` turns it off): rewrites runs of
// uops into the fused uops of src/jit/uops_fused.ts, so operands come straight from locals and
// constants and results go straight to a local instead of through the value stack:
//
//   [_LOAD_FAST a | _LOAD_CONST c] [_LOAD_FAST b | _LOAD_CONST c] [_GUARD_*_FLOAT]
//     _BINARY_OP_{ADD,SUB,MUL,DIV}_FLOAT | _BINARY_OP_{ADD,SUB,MUL}_INT  [_STORE_FAST d]
//   [loads] _COMPARE_OP_{INT,FLOAT}  _GUARD_IS_{TRUE,FALSE}_POP
//   [loads] [_GUARD_*_INT] _BINARY_OP_MUL_INT [load c _BINARY_OP_{ADD,SUB}_INT]
//     _LOAD_CONST m _BINARY_OP_MOD_INT [_STORE_FAST d]         (an exact int chain, intChain)
//
// A fused uop may exit only where one of its components could, with one target: a float check is
// folded in only when it tests the operands right before the operation and exits where the
// operation would (both operands pushed). Nothing is fused across the loop head (the target of
// _JUMP_TO_TOP).
import type { ProjectedUop } from "./projection.ts";
import {
  chainModOperand,
  type FusedBinary,
  type FusedIntChain,
  fusedName,
  type FusedRun,
  fusedSpec,
  indexOperand,
  localOfHole,
  packLocals,
  type Src,
} from "./uops_fused.ts";

const BINARY = /^_BINARY_OP_(ADD|SUB|MUL|DIV)_(FLOAT|INT)$/;
const COMPARE = /^_COMPARE_OP_(FLOAT|INT)$/;
const FLOAT_GUARD = /^_GUARD_(TOS|NOS|BOTH)_FLOAT$/;
const INT_GUARD = /^_GUARD_(TOS|NOS|BOTH)_INT$/;

interface Operand {
  src: Src;
  /** The load fused in (removed from the output), if any. */
  load: ProjectedUop | null;
}

/** Fuses `uops` (loop body from `loopStart`); returns the new list and loop start. */
export function fuse(
  uops: readonly ProjectedUop[],
  loopStart: number,
): { uops: ProjectedUop[]; loopStart: number } {
  const out: ProjectedUop[] = [];
  // Output entries below this index may not be taken back (the loop head is there).
  let barrier = 0;
  let newStart = 0;
  const takeable = () => out.length > barrier;

  /** Takes back the last output uop as a local/constant operand when it is one. */
  const operand = (): Operand => {
    const last = out[out.length - 1];
    if (takeable() && last.uop === "_LOAD_FAST" && last.oparg! <= 0xffff) {
      out.pop();
      return { src: "L", load: last };
    }
    if (takeable() && last.uop === "_LOAD_CONST") {
      out.pop();
      return { src: "C", load: last };
    }
    return { src: "S", load: null };
  };
  const giveBack = (...ops: Operand[]) => {
    for (const o of ops) if (o.load !== null) out.push(o.load);
  };
  /** A list index operand: a constant only when it is a non-negative small int. */
  const indexOperandOf = (o: Operand): Operand => {
    if (o.src !== "C" || indexOperand(o.load!.operand0!) !== null) return o;
    giveBack(o);
    return { src: "S", load: null };
  };

  for (let i = 0; i < uops.length; i++) {
    const u = uops[i];
    if (i === loopStart) {
      newStart = out.length;
      barrier = out.length;
    }
    const next = i + 1 < uops.length && i + 1 !== loopStart ? uops[i + 1] : null;
    const storeNext = next !== null && next.uop === "_STORE_FAST" && next.oparg! <= 0xffff
      ? next
      : null;
    /** The last output uop when it may be taken back and is this list check of the operation. */
    const listCheck = () => {
      const last = out[out.length - 1];
      return takeable() && last.uop === "_GUARD_NOS_LIST" && last.target === u.target &&
          last.code === u.code
        ? out.pop()!
        : null;
    };
    /** The last n output uops when they may be taken back and are these uops with these opargs. */
    const tail = (...want: [string, number][]) => {
      const n = want.length;
      if (out.length - n < barrier) return false;
      return want.every(([uop, arg], k) => {
        const x = out[out.length - n + k];
        return x.uop === uop && x.oparg === arg;
      });
    };
    const emit = (name: string, from: ProjectedUop, oparg: number, operand0?: bigint) =>
      out.push({
        uop: name,
        oparg,
        operand0,
        target: from.target,
        instr: u.instr,
        code: from.code,
        callers: from.callers,
        link: from.link,
      });
    const after = i + 2 < uops.length && i + 2 !== loopStart && next !== null ? uops[i + 2] : null;
    if (
      u.uop === "_ITER_CHECK_RANGE" && next !== null && next.uop === "_FOR_ITER_RANGE" &&
      after !== null && after.uop === "_STORE_FAST" && after.oparg! <= 0xffff
    ) {
      const what = "RANGE_CHECKED";
      emit(
        fusedName({ form: "move", what }),
        u,
        packLocals(0, 0, after.oparg!),
        BigInt(next.target ?? 0),
      );
      i += 2;
      continue;
    }
    if (
      u.uop === "_UNPACK_SEQUENCE_2" && storeNext !== null && after !== null &&
      after.uop === "_STORE_FAST" && after.oparg! <= 0xffff
    ) {
      emit(fusedName({ form: "move", what: "UNPACK2" }), u, packLocals(next!.oparg!, after.oparg!));
      i += 2;
      continue;
    }
    if (u.uop === "_FOR_ITER_RANGE" && storeNext !== null) {
      emit(fusedName({ form: "move", what: "RANGE" }), u, packLocals(0, 0, storeNext.oparg!));
      i++;
      continue;
    }
    if (u.uop === "_BINARY_SUBSCR_LIST_INT") {
      const check = listCheck();
      const checked = check !== null;
      if (tail(["_COPY", 2], ["_COPY", 2])) {
        out.length -= 2;
        emit(fusedName({ form: "subscr", c: "P", i: "P", checked, d: "S" }), u, 0);
        continue;
      }
      const x = indexOperandOf(operand());
      const c = x.src !== "S" ? operand() : { src: "S" as Src, load: null };
      if (c.src === "C") {
        giveBack(c);
        c.src = "S";
        c.load = null;
      }
      const branch = truthBranch(uops, i, loopStart);
      const d = branch !== null ? branch : storeNext !== null ? "L" : "S";
      const cs = c.src as "S" | "L", xs = x.src as "S" | "L" | "C";
      if (cs === "S" && xs === "S" && d === "S" && !checked) {
        out.push(u);
        continue;
      }
      emit(
        fusedName({ form: "subscr", c: cs, i: xs, checked, d }),
        u,
        packLocals(
          cs === "L" ? c.load!.oparg! : 0,
          xs === "L" ? x.load!.oparg! : 0,
          storeNext?.oparg ?? 0,
        ),
        xs === "C" ? indexOperand(x.load!.operand0!)! : undefined,
      );
      if (branch !== null) i += 2;
      else if (storeNext !== null) i++;
      continue;
    }
    if (u.uop === "_STORE_SUBSCR_LIST_INT") {
      const check = listCheck();
      const checked = check !== null;
      if (tail(["_SWAP", 3], ["_SWAP", 2])) {
        out.length -= 2;
        emit(fusedName({ form: "store", v: "R", c: "R", i: "R", checked }), u, 0);
        continue;
      }
      const x = indexOperandOf(operand());
      const c = x.src !== "S" ? operand() : { src: "S" as Src, load: null };
      if (c.src === "C") {
        giveBack(c);
        c.src = "S";
        c.load = null;
      }
      const v = c.src !== "S" ? operand() : { src: "S" as Src, load: null };
      if (v.src === "C" && x.src === "C") {
        giveBack(v);
        v.src = "S";
        v.load = null;
      }
      const vs = v.src as "S" | "L" | "C", cs = c.src as "S" | "L", xs = x.src as "S" | "L" | "C";
      if (vs === "S" && cs === "S" && xs === "S" && !checked) {
        out.push(u);
        continue;
      }
      emit(
        fusedName({ form: "store", v: vs, c: cs, i: xs, checked }),
        u,
        packLocals(
          cs === "L" ? c.load!.oparg! : 0,
          xs === "L" ? x.load!.oparg! : 0,
          vs === "L" ? v.load!.oparg! : 0,
        ),
        xs === "C" ? indexOperand(x.load!.operand0!)! : vs === "C" ? v.load!.operand0 : undefined,
      );
      continue;
    }
    if (u.uop === "_BINARY_OP_MUL_INT") {
      const chain = intChain(uops, i, loopStart);
      if (chain !== null) {
        // The * checks both its operands: a guard of them right before it is folded in.
        const last = out[out.length - 1];
        if (
          takeable() && INT_GUARD.test(last.uop) && last.target === u.target &&
          last.code === u.code
        ) {
          out.pop();
        }
        const b = operand();
        const a = b.src === "S" ? { src: "S" as Src, load: null } : operand();
        if (a.src === "C" && b.src === "C") {
          giveBack(a);
          a.src = "S";
          a.load = null;
        }
        const spec: FusedIntChain = { form: "chain", a: a.src, b: b.src, ...chain.spec };
        out.push({
          uop: fusedName(spec),
          oparg: packLocals(
            a.src === "L" ? a.load!.oparg! : 0,
            b.src === "L" ? b.load!.oparg! : 0,
            chain.store?.oparg ?? 0,
          ),
          operand0: chain.operand0,
          operand1: a.src === "C" ? a.load!.operand0 : b.src === "C" ? b.load!.operand0 : undefined,
          operand2: chain.operand2,
          target: u.target,
          instr: u.instr,
          code: u.code,
          callers: u.callers,
        });
        i = chain.last;
        continue;
      }
    }
    if (u.uop === "_BINARY_OP_FLOORDIV_INT" || u.uop === "_BINARY_OP_MOD_INT") {
      // By a constant power of two: a shift or a mask.
      const last = out[out.length - 1];
      const k = takeable() && last.uop === "_LOAD_CONST" ? powerOfTwo(last.operand0!) : -1;
      if (k >= 0) {
        out.pop();
        const a = operand();
        if (a.src === "C") giveBack(a);
        const as = a.src === "L" ? "L" : "S";
        const op = u.uop === "_BINARY_OP_MOD_INT" ? "MOD" : "FLOORDIV";
        emit(
          fusedName({ form: "pow2", op, a: as, d: storeNext !== null ? "L" : "S" }),
          u,
          packLocals(as === "L" ? a.load!.oparg! : 0, 0, storeNext?.oparg ?? 0),
          BigInt(k),
        );
        if (storeNext !== null) i++;
        continue;
      }
    }
    const bin = BINARY.exec(u.uop);
    const cmp = COMPARE.exec(u.uop);
    if (bin === null && cmp === null) {
      out.push(u);
      continue;
    }
    const kind = (bin !== null ? bin[2] : cmp![1]) as "FLOAT" | "INT";
    // A float check of the operands right before the operation, exiting where it would.
    let guard: ProjectedUop | null = null;
    const last = out[out.length - 1];
    if (
      bin !== null && kind === "FLOAT" && takeable() && FLOAT_GUARD.test(last.uop) &&
      last.target === u.target && last.code === u.code
    ) {
      guard = out.pop()!;
    }
    const b = operand();
    const a = b.src === "S" || guard !== null ? { src: "S" as Src, load: null } : operand();
    if (guard !== null) {
      // The guard tests stack words: which of the operands those are.
      const which = guard.uop.slice("_GUARD_".length, -"_FLOAT".length);
      if (which !== "NOS" && which !== "TOS" && which !== "BOTH") throw new Error(guard.uop);
      if (b.src !== "S" && which !== "NOS") {
        // It tests a loaded local/constant: leave the loads and the guard alone.
        giveBack(a, b);
        out.push(guard);
        guard = null;
        b.src = "S";
        b.load = null;
      } else {
        if (which === "NOS" || which === "BOTH") a.src = "G";
        if (which === "TOS" || which === "BOTH") b.src = "G";
      }
    }
    // Both constants: keep the first load (fold did not want this one).
    if (a.src === "C" && b.src === "C") {
      out.push(a.load!);
      a.src = "S";
      a.load = null;
    }
    const locals = (d = 0) =>
      packLocals(
        a.src === "L" ? a.load!.oparg! : 0,
        b.src === "L" ? b.load!.oparg! : 0,
        d,
      );
    const konst = () =>
      a.src === "C" ? a.load!.operand0 : b.src === "C" ? b.load!.operand0 : undefined;
    if (bin !== null) {
      const store = next !== null && next.uop === "_STORE_FAST" && next.oparg! <= 0xffff
        ? next
        : null;
      const spec: FusedBinary = {
        form: "binary",
        op: bin[1] as FusedBinary["op"],
        kind,
        a: a.src,
        b: b.src,
        d: store !== null ? "L" : "S",
      };
      const name = fusedName(spec);
      if (fusedSpec(name) === undefined || (spec.a === "S" && spec.b === "S" && spec.d === "S")) {
        giveBack(a, b);
        if (guard !== null) out.push(guard);
        out.push(u);
        continue;
      }
      const exits = guard ?? u;
      out.push({
        uop: name,
        oparg: locals(store?.oparg ?? 0),
        operand0: konst(),
        target: exits.target,
        instr: u.instr,
        code: exits.code,
        callers: exits.callers,
        link: exits.link,
      });
      if (store !== null) i++;
      continue;
    }
    // A comparison: fused only with the branch guard that pops its result.
    const branch = next !== null &&
        (next.uop === "_GUARD_IS_TRUE_POP" || next.uop === "_GUARD_IS_FALSE_POP")
      ? next
      : null;
    const all = kind === "INT" ? 7 : 15;
    const mask = branch === null
      ? 0
      : (branch.uop === "_GUARD_IS_TRUE_POP" ? u.oparg! : ~u.oparg!) & all;
    let name = fusedName({ form: "cmpbr", kind, mask, a: a.src, b: b.src });
    if (fusedSpec(name) === undefined && a.src !== "S") {
      // No variant for this pair (e.g. a constant on the left): the left operand stays a load.
      giveBack(a);
      a.src = "S";
      a.load = null;
      name = fusedName({ form: "cmpbr", kind, mask, a: a.src, b: b.src });
    }
    if (branch === null || fusedSpec(name) === undefined) {
      giveBack(a, b);
      out.push(u);
      continue;
    }
    out.push({
      uop: name,
      oparg: locals(),
      operand0: konst(),
      target: branch.target,
      instr: u.instr,
      code: branch.code,
      callers: branch.callers,
      link: branch.link,
    });
    i++;
  }
  if (loopStart >= uops.length) newStart = out.length;
  return runLoop(pairs(out, newStart));
}

// ---------------------------------------------------------------------------------------------
// Runs of one-operation range loops (FusedRun in uops_fused.ts)

/** Puts a run uop at the loop head when the loop body is the checked range step into a local d,
 * one of these operations, and the jump back:
 *   the list store of v (a constant, or a local other than d) into local a at index d (a not d,
 *   checked before the loop: the store has no list check of its own);      FILL
 *   the fused subscript of local a at d with its truthiness branch (a not d, unchecked);  SKIP
 *   a constant loaded and appended (LIST_APPEND).                          APPEND */
function runLoop(
  fused: { uops: ProjectedUop[]; loopStart: number },
): { uops: ProjectedUop[]; loopStart: number } {
  const { uops, loopStart } = fused;
  const body = uops.slice(loopStart);
  if (body.length < 3 || body[0].uop !== "_F_ITER_RANGE_STORE") return fused;
  if (body[body.length - 1].uop !== "_JUMP_TO_TOP") return fused;
  const step = body[0];
  const d = localOfHole("_JIT_LOCAL_D", step.oparg!);
  const run = (what: FusedRun["what"], oparg: number, operand1?: bigint) => {
    const u: ProjectedUop = {
      uop: fusedName({ form: "run", what }),
      oparg,
      // The loop's iteration counter: the executor sets it, as for _JUMP_TO_TOP.
      operand0: 0n,
      operand1,
      instr: step.instr,
      code: step.code,
      callers: step.callers,
    };
    return { uops: [...uops.slice(0, loopStart), u, ...body], loopStart };
  };
  if (body.length === 3) {
    const op = body[1];
    const spec = fusedSpec(op.uop);
    if (spec === undefined || spec.form === "run") return fused;
    const a = localOfHole("_JIT_LOCAL_A", op.oparg!);
    const b = localOfHole("_JIT_LOCAL_B", op.oparg!);
    if (a === d || b !== d) return fused;
    if (spec.form === "store" && !spec.checked && spec.c === "L" && spec.i === "L") {
      const value = localOfHole("_JIT_LOCAL_D", op.oparg!);
      if (spec.v === "C") return run("FILL_C", packLocals(a, 0, d), op.operand0);
      if (spec.v === "L" && value !== d) return run("FILL_L", packLocals(a, value, d));
    }
    if (
      spec.form === "subscr" && !spec.checked && spec.c === "L" && spec.i === "L" &&
      (spec.d === "BT" || spec.d === "BF")
    ) {
      return run(spec.d === "BT" ? "SKIP_BT" : "SKIP_BF", packLocals(a, 0, d));
    }
    return fused;
  }
  if (body.length === 4 && body[2].uop === "_LIST_APPEND" && body[2].oparg! <= 0xffff) {
    const load = body[1], depth = body[2].oparg!;
    // (A comprehension in 3.11 has no other local to append: a constant only.)
    if (load.uop === "_LOAD_CONST") return run("APPEND_C", packLocals(depth, 0, d), load.operand0);
  }
  return fused;
}

// ---------------------------------------------------------------------------------------------
// List subscript + truthiness branch (FusedSubscr d = BT / BF in uops_fused.ts)

/** "BT" / "BF" when the subscript at `i` is followed by `_GUARD_TOS_BOOL` and the branch guard
 * that pops the item (trace goes on when True / False), neither of them the loop head; else null.
 * The fused uop exits at the subscript (tier 1 redoes it), so the guards' own targets are not
 * needed. */
function truthBranch(
  uops: readonly ProjectedUop[],
  i: number,
  loopStart: number,
): "BT" | "BF" | null {
  if (i + 2 >= uops.length || i + 1 === loopStart || i + 2 === loopStart) return null;
  if (uops[i + 1].uop !== "_GUARD_TOS_BOOL") return null;
  const br = uops[i + 2].uop;
  return br === "_GUARD_IS_TRUE_POP" ? "BT" : br === "_GUARD_IS_FALSE_POP" ? "BF" : null;
}

/** Second sweep: adjacent loads and stores of locals and constants. */
function pairs(
  uops: readonly ProjectedUop[],
  loopStart: number,
): { uops: ProjectedUop[]; loopStart: number } {
  const out: ProjectedUop[] = [];
  let newStart = 0;
  for (let i = 0; i < uops.length; i++) {
    const u = uops[i];
    if (i === loopStart) newStart = out.length;
    const next = i + 1 < uops.length && i + 1 !== loopStart ? uops[i + 1] : null;
    const local = (x: ProjectedUop) => x.uop === "_LOAD_FAST" && x.oparg! <= 0xffff;
    let what: "LL" | "LC" | "MOVE" | "CONST" | null = null;
    if (next !== null && (local(u) || u.uop === "_LOAD_CONST")) {
      if (next.uop === "_STORE_FAST" && next.oparg! <= 0xffff) {
        what = u.uop === "_LOAD_CONST" ? "CONST" : "MOVE";
      } else if (local(u) && local(next)) what = "LL";
      else if (local(u) && next.uop === "_LOAD_CONST") what = "LC";
    }
    if (what === null) {
      out.push(u);
      continue;
    }
    const a = u.uop === "_LOAD_FAST" ? u.oparg! : 0;
    out.push({
      uop: fusedName({ form: "move", what }),
      oparg: packLocals(
        a,
        what === "LL" ? next!.oparg! : 0,
        what === "MOVE" || what === "CONST" ? next!.oparg! : 0,
      ),
      operand0: what === "CONST" ? u.operand0 : what === "LC" ? next!.operand0 : undefined,
      instr: u.instr,
    });
    i++;
  }
  if (loopStart >= uops.length) newStart = out.length;
  return { uops: out, loopStart: newStart };
}

/** k when the word is the small int 2**k (0 <= k <= 46), else -1. */
function powerOfTwo(w: bigint): number {
  if (w >> 48n !== 0xfff9n) return -1;
  const v = w & 0xffffffffffffn;
  if (v === 0n || v >= 1n << 47n || (v & (v - 1n)) !== 0n) return -1;
  return v.toString(2).length - 1;
}

/** The small-int value of a constant word, or null. */
function smallInt(w: bigint | undefined): bigint | null {
  return w !== undefined && w >> 48n === 0xfff9n ? BigInt.asIntN(48, w) : null;
}

/**
 * The rest of an exact int chain (uops_fused.ts, FusedIntChain) after the _BINARY_OP_MUL_INT at
 * `i`: an optional `load c; _BINARY_OP_{ADD,SUB}_INT`, then `_LOAD_CONST m; _BINARY_OP_MOD_INT`
 * with m a non-zero small int, and an optional _STORE_FAST. The int guards of the + and the % were
 * removed as proven, or the chain is not taken; nothing is fused across the loop head. Returns the
 * spec's c/op/d, operand0 and operand2, the store, and the index of the last uop taken.
 */
function intChain(
  uops: readonly ProjectedUop[],
  i: number,
  loopStart: number,
): {
  spec: Pick<FusedIntChain, "c" | "op" | "d">;
  operand0: bigint;
  operand2: bigint | undefined;
  store: ProjectedUop | null;
  last: number;
} | null {
  const at = (k: number) => k < uops.length && k !== loopStart ? uops[k] : null;
  const mul = uops[i];
  let j = i + 1;
  let c: FusedIntChain["c"] = "N", op: FusedIntChain["op"] = "ADD";
  let operand2: bigint | undefined;
  let opTarget = mul.target!;
  const load = at(j), add = at(j + 1);
  if (
    load !== null && add !== null &&
    (add.uop === "_BINARY_OP_ADD_INT" || add.uop === "_BINARY_OP_SUB_INT")
  ) {
    if (load.uop === "_LOAD_CONST" && smallInt(load.operand0) !== null) {
      c = "C";
      operand2 = load.operand0;
    } else if (load.uop === "_LOAD_FAST") {
      c = "L";
      operand2 = BigInt(load.oparg!);
    } else return null;
    op = add.uop === "_BINARY_OP_ADD_INT" ? "ADD" : "SUB";
    opTarget = add.target!;
    j += 2;
  }
  const mload = at(j), mod = at(j + 1);
  if (mload === null || mod === null || mload.uop !== "_LOAD_CONST") return null;
  if (mod.uop !== "_BINARY_OP_MOD_INT") return null;
  const m = smallInt(mload.operand0);
  if (m === null || m === 0n) return null;
  const operand0 = chainModOperand(
    mload.operand0!,
    c === "N" ? 0 : opTarget - mul.target!,
    mod.target! - mul.target!,
  );
  if (operand0 === null) return null;
  const next = at(j + 2);
  const store = next !== null && next.uop === "_STORE_FAST" && next.oparg! <= 0xffff ? next : null;
  return {
    spec: { c, op, d: store !== null ? "L" : "S" },
    operand0,
    operand2,
    store,
    last: store !== null ? j + 2 : j + 1,
  };
}
