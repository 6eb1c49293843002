// Every relocation kind's patch function against bytes computed by hand.
import assert from "node:assert/strict";
import {
  HOLE_KINDS,
  patchAbs32,
  patchAbs32S,
  patchAbs64,
  patchGotPcRel,
  patchRel32,
  writeTrampoline,
} from "../../src/jit/holes.ts";
import { layoutTrace, linkTrace } from "../../src/jit/codegen.ts";
import type { Stencil } from "../../src/jit/stencils.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);

Deno.test("R_X86_64_64: S + A, little endian", () => {
  const buf = new Uint8Array(10);
  patchAbs64(buf, 2, 0x1122334455667788n, 0x10n);
  assert.deepEqual(buf, bytes(0, 0, 0x98, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11));
  patchAbs64(buf, 2, 0n, -1n); // addends are signed: S + A = -1 = all ones
  assert.deepEqual(buf, bytes(0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
});

Deno.test("R_X86_64_32 and R_X86_64_32S: range-checked 32-bit absolutes", () => {
  const buf = new Uint8Array(4);
  patchAbs32(buf, 0, 0x80000000n, 1n);
  assert.deepEqual(buf, bytes(0x01, 0, 0, 0x80));
  assert.throws(() => patchAbs32(buf, 0, 0n, -1n), RangeError);
  assert.throws(() => patchAbs32(buf, 0, 0x100000000n, 0n), RangeError);
  patchAbs32S(buf, 0, 0n, -2n);
  assert.deepEqual(buf, bytes(0xfe, 0xff, 0xff, 0xff));
  assert.throws(() => patchAbs32S(buf, 0, 0x80000000n, 0n), RangeError);
});

Deno.test("R_X86_64_PC32 / PLT32: S + A - P", () => {
  const buf = bytes(0xe9, 0, 0, 0, 0);
  patchRel32(buf, 1, 0x1001n, 0x2000n, -4n); // 0x2000 - 4 - 0x1001 = 0xffb
  assert.deepEqual(buf, bytes(0xe9, 0xfb, 0x0f, 0, 0));
  patchRel32(buf, 1, 0x1001n, 0x800n, -4n); // -0x805
  assert.deepEqual(buf, bytes(0xe9, 0xfb, 0xf7, 0xff, 0xff));
  assert.throws(() => patchRel32(buf, 1, 0n, 0x80000004n, -4n + 1n), RangeError);
});

Deno.test("GOTPCRELX relaxes call, jmp and mov when the target is near", () => {
  const call = bytes(0xff, 0x15, 0, 0, 0, 0);
  assert.equal(patchGotPcRel(call, 2, "R_X86_64_GOTPCRELX", 0x1002n, 0x1100n, -4n, null), true);
  assert.deepEqual(call, bytes(0x67, 0xe8, 0xfa, 0x00, 0, 0)); // addr32 call +0xfa
  const jmp = bytes(0xff, 0x25, 0, 0, 0, 0);
  assert.equal(patchGotPcRel(jmp, 2, "R_X86_64_GOTPCRELX", 0x1002n, 0x1000n, -4n, null), true);
  assert.deepEqual(jmp, bytes(0x90, 0xe9, 0xfa, 0xff, 0xff, 0xff)); // nop; jmp -6
  const mov = bytes(0x48, 0x8b, 0x05, 0, 0, 0, 0); // mov rax, [rip+G]
  assert.equal(patchGotPcRel(mov, 3, "R_X86_64_REX_GOTPCRELX", 0x2003n, 0x3000n, -4n, null), true);
  assert.deepEqual(mov, bytes(0x48, 0x8d, 0x05, 0xf9, 0x0f, 0, 0)); // lea rax, [rip+0xff9]
});

Deno.test("GOTPCREL(X) goes through the GOT slot when far or not relaxable", () => {
  const far = bytes(0xff, 0x25, 0, 0, 0, 0);
  const g = 0x1000n + 0x40n;
  assert.equal(
    patchGotPcRel(far, 2, "R_X86_64_GOTPCRELX", 0x1002n, 0x7f0000000000n, -4n, g),
    false,
  );
  assert.deepEqual(far, bytes(0xff, 0x25, 0x3a, 0, 0, 0)); // G - 4 - P = 0x3a
  const plain = bytes(0xff, 0x15, 0, 0, 0, 0);
  assert.equal(patchGotPcRel(plain, 2, "R_X86_64_GOTPCREL", 0x1002n, 0x1100n, -4n, g), false);
  assert.deepEqual(plain, bytes(0xff, 0x15, 0x3a, 0, 0, 0));
  assert.throws(
    () => patchGotPcRel(plain, 2, "R_X86_64_GOTPCREL", 0x1002n, 0x1100n, -4n, null),
    /GOT slot/,
  );
});

Deno.test("a trampoline is jmp *G(%rip)", () => {
  const buf = new Uint8Array(6);
  writeTrampoline(buf, 0, 0x1000n, 0x1010n); // G - (P + 6) = 0xa
  assert.deepEqual(buf, bytes(0xff, 0x25, 0x0a, 0, 0, 0));
});

Deno.test("codegen sends a far PLT32 call through a trampoline and GOT slot", () => {
  // A fake terminal stencil: call helper (PLT32), then jmp to the trace top (PLT32).
  const fake: Stencil = {
    code: bytes(0xe8, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0),
    data: new Uint8Array(0),
    holes: [
      { offset: 1, kind: "R_X86_64_PLT32", symbol: "tessera_helper", addend: -4n },
      { offset: 6, kind: "R_X86_64_PLT32", symbol: "_JIT_JUMP_TARGET", addend: -4n },
    ],
    dataHoles: [],
  };
  const table = new Map([["_JUMP_TO_TOP", fake]]);
  const layout = layoutTrace([{ uop: "_JUMP_TO_TOP" }], table);
  assert.deepEqual(layout.farSymbols, ["tessera_helper"]);
  assert.equal(layout.trampolinesAt, 10);
  assert.equal(layout.gotAt, 16);
  const base = 0x10000000n;
  const far = 0x7f0000000000n;
  const image = linkTrace(layout, base, {
    heapBase: 0n,
    helpers: new Map([["tessera_helper", far]]),
  });
  assert.deepEqual(image.subarray(0, 10), bytes(0xe8, 0x05, 0, 0, 0, 0xe9, 0xf6, 0xff, 0xff, 0xff));
  assert.deepEqual(image.subarray(10, 16), bytes(0xff, 0x25, 0x00, 0, 0, 0)); // G - (10 + 6) = 0
  assert.deepEqual(image.subarray(16, 24), bytes(0, 0, 0, 0, 0, 0x7f, 0, 0));
  // Near: the call goes straight to the helper.
  const near = linkTrace(layout, base, {
    heapBase: 0n,
    helpers: new Map([["tessera_helper", base + 0x100n]]),
  });
  assert.deepEqual(near.subarray(0, 5), bytes(0xe8, 0xfb, 0, 0, 0));
});

Deno.test("every hole kind has a test above", () => {
  assert.deepEqual([...HOLE_KINDS].sort(), [
    "R_X86_64_32",
    "R_X86_64_32S",
    "R_X86_64_64",
    "R_X86_64_GOTPCREL",
    "R_X86_64_GOTPCRELX",
    "R_X86_64_PC32",
    "R_X86_64_PLT32",
    "R_X86_64_REX_GOTPCRELX",
  ]);
});
