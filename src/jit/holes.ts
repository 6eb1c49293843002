// Holes: the places in a stencil that codegen patches, one kind per ELF relocation type clang
// emits for the stencils, and one small pure patch function per kind (unit-tested against
// hand-computed bytes in tests/jit/holes_test.ts).
//
// Notation as in the x86-64 psABI: S = symbol value, A = addend, P = address of the patched
// place, G = address of a GOT slot holding S. All arithmetic is on BigInt: addresses and addends
// are 64-bit, and llvm-readobj prints addends as unsigned 64-bit numbers.

/** The relocation types a stencil may contain. Anything else fails the stencil build. */
export const HOLE_KINDS = [
  "R_X86_64_64",
  "R_X86_64_PC32",
  "R_X86_64_PLT32",
  "R_X86_64_32",
  "R_X86_64_32S",
  "R_X86_64_GOTPCREL",
  "R_X86_64_GOTPCRELX",
  "R_X86_64_REX_GOTPCRELX",
] as const;
export type HoleKind = typeof HOLE_KINDS[number];

export function isHoleKind(s: string): s is HoleKind {
  return (HOLE_KINDS as readonly string[]).includes(s);
}

export interface Hole {
  /** Byte offset of the patched field in the stencil's code (or data). */
  readonly offset: number;
  readonly kind: HoleKind;
  /** A hole symbol (_JIT_OPARG, _JIT_CONTINUE, ..., _JIT_DATA for the stencil's own data). */
  readonly symbol: string;
  /** Signed 64-bit addend. */
  readonly addend: bigint;
}

/** One uop's stencil as recorded in stencils/generated/<target>.ts (bytes as hex). */
export interface StencilSource {
  readonly code: string;
  readonly data: string;
  readonly holes: readonly Hole[];
  readonly dataHoles: readonly Hole[];
}

const I32_MIN = -(2n ** 31n);
const I32_MAX = 2n ** 31n - 1n;

export function fitsI32(v: bigint): boolean {
  return v >= I32_MIN && v <= I32_MAX;
}

function writeLE(buf: Uint8Array, offset: number, value: bigint, bytes: number): void {
  let v = BigInt.asUintN(bytes * 8, value);
  for (let i = 0; i < bytes; i++) {
    buf[offset + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

/** R_X86_64_64: the 64-bit absolute value S + A (movabs immediates, data pointers). */
export function patchAbs64(buf: Uint8Array, offset: number, s: bigint, a: bigint): void {
  writeLE(buf, offset, s + a, 8);
}

/** R_X86_64_32: S + A zero-extended; must fit in 32 unsigned bits. */
export function patchAbs32(buf: Uint8Array, offset: number, s: bigint, a: bigint): void {
  const v = s + a;
  if (v < 0n || v > 0xffffffffn) throw new RangeError(`R_X86_64_32 value ${v} out of range`);
  writeLE(buf, offset, v, 4);
}

/** R_X86_64_32S: S + A sign-extended; must fit in a signed 32-bit field. */
export function patchAbs32S(buf: Uint8Array, offset: number, s: bigint, a: bigint): void {
  const v = s + a;
  if (!fitsI32(v)) throw new RangeError(`R_X86_64_32S value ${v} out of range`);
  writeLE(buf, offset, v, 4);
}

/** R_X86_64_PC32 and R_X86_64_PLT32: S + A - P in a signed 32-bit field (rel32 of jmp/jcc/call).
 * For PLT32 the caller passes a trampoline as S when the real target is out of range. */
export function patchRel32(
  buf: Uint8Array,
  offset: number,
  p: bigint,
  s: bigint,
  a: bigint,
): void {
  const v = s + a - p;
  if (!fitsI32(v)) throw new RangeError(`rel32 displacement ${v} out of range`);
  writeLE(buf, offset, v, 4);
}

/**
 * R_X86_64_GOTPCREL, R_X86_64_GOTPCRELX and R_X86_64_REX_GOTPCRELX: the field holds G + A - P, a
 * rip-relative reference to a GOT slot. When S is itself within rel32 range and the instruction is
 * one the psABI lets a linker relax, it is rewritten to use S directly (no load from the GOT):
 *   ff 15 call *G(%rip)  ->  67 e8 rel32   (addr32 call S)
 *   ff 25 jmp  *G(%rip)  ->  90 e9 rel32   (nop; jmp S)
 *   8b    mov  G(%rip),r ->  8d    rel32   (lea S(%rip), r)
 * The opcode bytes precede the field: buf[offset-2], buf[offset-1].
 * Returns true when relaxed (then the GOT slot is not needed).
 */
export function patchGotPcRel(
  buf: Uint8Array,
  offset: number,
  kind: "R_X86_64_GOTPCREL" | "R_X86_64_GOTPCRELX" | "R_X86_64_REX_GOTPCRELX",
  p: bigint,
  s: bigint,
  a: bigint,
  g: bigint | null,
): boolean {
  const direct = s + a - p;
  if (kind !== "R_X86_64_GOTPCREL" && offset >= 2 && fitsI32(direct)) {
    const op = buf[offset - 2], modrm = buf[offset - 1];
    if (op === 0xff && modrm === 0x15) {
      buf[offset - 2] = 0x67;
      buf[offset - 1] = 0xe8;
      writeLE(buf, offset, direct, 4);
      return true;
    }
    if (op === 0xff && modrm === 0x25) {
      buf[offset - 2] = 0x90;
      buf[offset - 1] = 0xe9;
      writeLE(buf, offset, direct, 4);
      return true;
    }
    if (op === 0x8b && (modrm & 0xc7) === 0x05) {
      buf[offset - 2] = 0x8d;
      writeLE(buf, offset, direct, 4);
      return true;
    }
  }
  if (g === null) throw new RangeError(`${kind} to ${s} needs a GOT slot`);
  patchRel32(buf, offset, p, g, a);
  return false;
}

/** Bytes of a far-jump trampoline through a GOT slot: `jmp *G(%rip)` (6 bytes). */
export const TRAMPOLINE_SIZE = 6;
export function writeTrampoline(buf: Uint8Array, offset: number, p: bigint, g: bigint): void {
  buf[offset] = 0xff;
  buf[offset + 1] = 0x25;
  patchRel32(buf, offset + 2, p + 2n, g, -4n);
}
