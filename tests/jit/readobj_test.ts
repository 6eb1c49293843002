// Parsing llvm-readobj's JSON and making stencils fall through, on small hand-written inputs.
import assert from "node:assert/strict";
import { parseStencilObject } from "../../src/jit/readobj.ts";
import { makeFallthrough, parseObjdump } from "../../src/jit/fallthrough.ts";

function object(code: number[], relocs: string): string {
  const sec = (i: number, name: string, type: string, flags: string[], bytes: number[], info = 0) =>
    `{"Section":{"Index":${i},"Name":{"Name":"${name}"},"Type":{"Name":"${type}"},` +
    `"Flags":{"Flags":[${flags.map((f) => `{"Name":"${f}"}`).join(",")}]},"Info":${info},` +
    `"Size":${bytes.length},"AddressAlignment":1,"SectionData":{"Bytes":[${bytes}]}}}`;
  return `[{"Sections":[${sec(0, "", "SHT_NULL", [], [])},` +
    `${sec(1, ".text", "SHT_PROGBITS", ["SHF_ALLOC", "SHF_EXECINSTR"], code)},` +
    `${sec(2, ".rela.text", "SHT_RELA", [], [], 1)}],` +
    `"Relocations":[{"SectionIndex":2,"Relocs":[${relocs}]}],"Symbols":[]}]`;
}
const reloc = (offset: number, type: string, sym: string, addend: string) =>
  `{"Relocation":{"Offset":${offset},"Type":{"Name":"${type}"},"Symbol":{"Name":"${sym}"},` +
  `"Addend":${addend}}}`;
const SYMS = new Set(["_JIT_CONTINUE", "_JIT_EXIT_TARGET", "_JIT_OPARG"]);

Deno.test("addends printed as unsigned 64-bit are read exactly as signed", () => {
  const s = parseStencilObject(
    object([0xe9, 0, 0, 0, 0], reloc(1, "R_X86_64_PLT32", "_JIT_CONTINUE", "18446744073709551612")),
    SYMS,
  );
  assert.deepEqual(s.holes, [
    { offset: 1, kind: "R_X86_64_PLT32", symbol: "_JIT_CONTINUE", addend: -4n },
  ]);
  const big = parseStencilObject(
    object([0, 0, 0, 0, 0, 0, 0, 0], reloc(0, "R_X86_64_64", "_JIT_OPARG", "9007199254740993")),
    SYMS,
  );
  assert.equal(big.holes[0].addend, 9007199254740993n); // 2^53 + 1: not representable as f64
});

Deno.test("an unknown relocation kind or symbol is a build error naming it", () => {
  assert.throws(
    () => parseStencilObject(object([0], reloc(0, "R_X86_64_TPOFF32", "_JIT_OPARG", "0")), SYMS),
    /unsupported relocation R_X86_64_TPOFF32/,
  );
  assert.throws(
    () => parseStencilObject(object([0], reloc(0, "R_X86_64_64", "memcpy", "0")), SYMS),
    /unknown symbol memcpy/,
  );
});

Deno.test("a trailing jcc CONTINUE; jmp EXIT is inverted so the stencil falls through", () => {
  const code = [0x48, 0x39, 0xc8, 0x0f, 0x84, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0];
  const s = parseStencilObject(
    object(
      code,
      reloc(5, "R_X86_64_PLT32", "_JIT_CONTINUE", "18446744073709551612") + "," +
        reloc(10, "R_X86_64_PLT32", "_JIT_EXIT_TARGET", "18446744073709551612"),
    ),
    SYMS,
  );
  const asm = [
    "       0: 48 39 c8                     \tcmpq\t%rcx, %rax",
    "       3: 0f 84 00 00 00 00            \tje\t0x9 <_JIT_ENTRY+0x9>",
    "       9: e9 00 00 00 00               \tjmp\t0xe <_JIT_ENTRY+0xe>",
  ].join("\n");
  const { stencil, how } = makeFallthrough(s, parseObjdump(asm));
  assert.equal(how, "inverted");
  assert.deepEqual([...stencil.code], [0x48, 0x39, 0xc8, 0x0f, 0x85, 0, 0, 0, 0]); // jne EXIT
  assert.deepEqual(stencil.holes, [
    { offset: 5, kind: "R_X86_64_PLT32", symbol: "_JIT_EXIT_TARGET", addend: -4n },
  ]);
});

Deno.test("a guard's branch to a shared jmp EXIT after jmp CONTINUE takes its hole; both go", () => {
  const code = [
    ...[0x48, 0x39, 0xc8], // cmpq
    ...[0x0f, 0x85, 5, 0, 0, 0], // jne 0xe (internal, rel32 as -mrelax-all emits it)
    ...[0xe9, 0, 0, 0, 0], // jmp CONTINUE
    ...[0xe9, 0, 0, 0, 0], // jmp EXIT
  ];
  const s = parseStencilObject(
    object(
      code,
      reloc(10, "R_X86_64_PLT32", "_JIT_CONTINUE", "18446744073709551612") + "," +
        reloc(15, "R_X86_64_PLT32", "_JIT_EXIT_TARGET", "18446744073709551612"),
    ),
    SYMS,
  );
  const asm = [
    "       0: 48 39 c8                     \tcmpq\t%rcx, %rax",
    "       3: 0f 85 05 00 00 00            \tjne\t0xe <_JIT_ENTRY+0xe>",
    "       9: e9 00 00 00 00               \tjmp\t0xe <_JIT_ENTRY+0xe>",
    "       e: e9 00 00 00 00               \tjmp\t0x13 <_JIT_ENTRY+0x13>",
  ].join("\n");
  const { stencil, how, threaded } = makeFallthrough(s, parseObjdump(asm));
  assert.equal(how, "falls through");
  assert.equal(threaded, 1);
  assert.deepEqual([...stencil.code], [0x48, 0x39, 0xc8, 0x0f, 0x85, 0, 0, 0, 0]); // jne EXIT
  assert.deepEqual(stencil.holes, [
    { offset: 5, kind: "R_X86_64_PLT32", symbol: "_JIT_EXIT_TARGET", addend: -4n },
  ]);
});
