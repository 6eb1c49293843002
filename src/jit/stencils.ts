// The stencils of the running target, decoded on first use from stencils/generated/<target>.ts.
import { Buffer } from "node:buffer";
import type { Hole } from "./holes.ts";
import { SHIM_SO_BASE64, STENCILS } from "../../stencils/generated/x86_64-unknown-linux-gnu.ts";
import { loadShim, type ShimSymbols } from "../../ffi/shim.ts";

export interface Stencil {
  readonly code: Uint8Array;
  readonly data: Uint8Array;
  readonly holes: readonly Hole[];
  readonly dataHoles: readonly Hole[];
}

/** Hex digit value by character code. */
const HEX = new Uint8Array(128);
for (let d = 0; d < 16; d++) HEX["0123456789abcdef".charCodeAt(d)] = d;

/** Hex to bytes through a table (a parseInt per byte was several ms for a trace's stencils). */
function fromHex(s: string): Uint8Array {
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i < out.length; i++) {
    out[i] = (HEX[s.charCodeAt(2 * i)] << 4) | HEX[s.charCodeAt(2 * i + 1)];
  }
  return out;
}

export function jitSupported(): boolean {
  return Deno.build.os === "linux" && Deno.build.arch === "x86_64";
}

export interface StencilTable {
  get(name: string): Stencil | undefined;
}

const decoded = new Map<string, Stencil>();

/** uop name -> stencil, each decoded the first time a trace uses it (a program uses a few dozen of
 * the several hundred). */
const table: StencilTable = {
  get(name: string): Stencil | undefined {
    let d = decoded.get(name);
    if (d === undefined) {
      if (!Object.hasOwn(STENCILS, name)) return undefined;
      const s = STENCILS[name];
      d = { code: fromHex(s.code), data: fromHex(s.data), holes: s.holes, dataHoles: s.dataHoles };
      decoded.set(name, d);
    }
    return d;
  },
};

export function stencils(): StencilTable {
  return table;
}

let shim: ShimSymbols | null = null;

/** The native shim, loaded on first use. */
export function getShim(): ShimSymbols {
  if (shim === null) {
    if (!jitSupported()) throw new Error(`no stencils for ${Deno.build.os}-${Deno.build.arch}`);
    shim = loadShim(new Uint8Array(Buffer.from(SHIM_SO_BASE64, "base64")));
  }
  return shim;
}
