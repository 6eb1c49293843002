// CPython's iteration order for sets. CPython iterates a set in hash-table slot order; this
// runtime's sets are insertion ordered. For sets whose items all have deterministic hashes (ints,
// floats, bools and tuples of them) we replay CPython's insertion algorithm (linear probes of 9,
// perturbed probing, resize at 3/5 fill) over the items in insertion order, which reproduces
// CPython's order for sets built by adds (literals, set(iterable), comprehensions). Sets holding
// other items (e.g. str, whose CPython hashes are randomised per process) keep insertion order.
import { u32, W } from "../mem.ts";
import { DICT_VERSION } from "../layout.ts";
import { dictFilled, entryAddr, entryLive } from "../dict.ts";
import { T_INT, T_TUPLE } from "../type_ids.ts";
import { tupleItem, tupleLen } from "../seq.ts";
import { pyHash } from "./numlib.ts";

const cache = new Map<number, { version: number; order: Int32Array }>();

function deterministic(a: number): boolean {
  if (!W.isRef(a)) return W.isInt(a) || W.isFloat(a) || W.isBool(a);
  const r = W.getRef(a);
  const t = u32[r >> 2];
  if (t === T_INT) return true;
  if (t === T_TUPLE) {
    for (let k = 0; k < tupleLen(r); k++) if (!deterministic(tupleItem(r, k))) return false;
    return true;
  }
  return false;
}

/** Entry indices of set s in CPython's iteration order. */
export function setOrder(s: number): Int32Array {
  const version = u32[(s + DICT_VERSION) >> 2];
  const hit = cache.get(s);
  if (hit !== undefined && hit.version === version) return hit.order;
  const live: number[] = [];
  let det = true;
  for (let i = 0; i < dictFilled(s); i++) {
    if (!entryLive(s, i)) continue;
    live.push(i);
    if (det && !deterministic(entryAddr(s, i) + 8)) det = false;
  }
  const n = live.length;
  let order: Int32Array;
  if (!det || n < 2) order = Int32Array.from(live);
  else order = replay(s, live);
  if (cache.size > 1024) cache.clear();
  cache.set(s, { version, order });
  return order;
}

function replay(s: number, live: number[]): Int32Array {
  const n = live.length;
  const lo = new Uint32Array(n), hi = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const h = BigInt.asUintN(64, pyHash(entryAddr(s, live[k]) + 8));
    lo[k] = Number(h & 0xffffffffn);
    hi[k] = Number(h >> 32n);
  }
  let mask = 7;
  let table = new Int32Array(8).fill(-1);
  let fill = 0;
  const place = (k: number): void => {
    let i = lo[k] & mask;
    let plo = lo[k], phi = hi[k];
    for (;;) {
      if (table[i] === -1) {
        table[i] = k;
        return;
      }
      if (i + 9 <= mask) {
        for (let j = 1; j <= 9; j++) {
          if (table[i + j] === -1) {
            table[i + j] = k;
            return;
          }
        }
      }
      plo = ((plo >>> 5) | ((phi & 31) << 27)) >>> 0;
      phi = phi >>> 5;
      i = ((i * 5 + 1 + plo) >>> 0) & mask;
    }
  };
  for (let k = 0; k < n; k++) {
    place(k);
    fill++;
    if (fill * 5 >= mask * 3) {
      const minused = fill > 50000 ? fill * 2 : fill * 4;
      let size = 8;
      while (size <= minused) size *= 2;
      const old = table;
      table = new Int32Array(size).fill(-1);
      mask = size - 1;
      for (let j = 0; j < old.length; j++) if (old[j] !== -1) place(old[j]);
    }
  }
  const order = new Int32Array(n);
  let m = 0;
  for (let j = 0; j < table.length; j++) if (table[j] !== -1) order[m++] = live[table[j]];
  return order;
}
