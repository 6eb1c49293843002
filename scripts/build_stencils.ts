// deno task build-stencils [--out DIR]
//
// Compiles one stencil per uop of src/jit/uops.ts with clang-19, reads each object with
// llvm-readobj-19, turns relocations into holes, builds the native shim (ffi/shim.c) into a
// small shared object, and writes into DIR (default stencils/generated/):
//   uops.h, uop_bodies.inc          the C generated from the uop table (stencils include them)
//   x86_64-unknown-linux-gnu.ts     code, data and holes per uop, the shim's bytes, input hashes
// The output is deterministic: no timestamps, no paths (everything is compiled from relative
// paths inside a scratch directory), keys in table order. tests/jit/stencils_fresh_test.ts
// rebuilds into a temporary DIR and compares byte for byte.
import $ from "dax-sh";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import {
  CODE_HOLES,
  generateUopBodies,
  generateUopsHeader,
  VALUE_HOLES,
} from "../src/jit/c_header.ts";
import { DATA_SYMBOL, parseStencilObject } from "../src/jit/readobj.ts";
import { makeFallthrough, parseObjdump } from "../src/jit/fallthrough.ts";
import { hashInputs, REPO_ROOT, sha256Hex } from "../src/jit/stencil_inputs.ts";
import { UOPS } from "../src/jit/uops.ts";
import { LOCAL_HOLES } from "../src/jit/uops_fused.ts";
import type { Hole } from "../src/jit/holes.ts";

const TARGET = "x86_64-unknown-linux-gnu";
const CLANG = "clang-19";
const READOBJ = "llvm-readobj-19";
const OBJDUMP = "llvm-objdump-19";

/** Stencil flags (DESIGN.md): -Os rather than -O3 because stencils are laid end to end and -O3's
 * tail duplication and alignment padding only add bytes; for this uop set both give the same
 * code. -mcmodel=medium with -mlarge-data-threshold=0 makes every extern "data" hole a 64-bit
 * movabs (R_X86_64_64). Without -fno-plt, tail calls to other stencils are rel32 jumps
 * (R_X86_64_PLT32), guards become a single conditional tail call (jcc rel32) to the exit stub, and
 * the jump to the next stencil is the last instruction, so it can be removed. */
export const STENCIL_CFLAGS = [
  `--target=${TARGET}`,
  "-Os",
  "-ffreestanding",
  "-fno-pic",
  "-mcmodel=medium",
  "-mlarge-data-threshold=0",
  "-fno-builtin",
  "-fno-stack-protector",
  "-fno-asynchronous-unwind-tables",
  "-fno-jump-tables",
  "-fno-ident",
  // Every branch gets a rel32 displacement, so src/jit/fallthrough.ts can point a guard's branch
  // straight at the exit stub instead of at a shared jump (see there).
  "-mrelax-all",
  "-Wall",
  "-Werror",
  "-c",
];

const SHIM_FLAGS = [
  `--target=${TARGET}`,
  "-O2",
  "-shared",
  "-fPIC",
  "-nostdlib",
  "-ffreestanding",
  "-fno-ident",
  "-fuse-ld=lld",
  "-Wl,--build-id=none",
  "-Wl,--strip-all",
  "-Wl,-z,noexecstack",
  "-Wall",
  "-Werror",
];

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function holeLiteral(h: Hole): string {
  return `{ offset: ${h.offset}, kind: "${h.kind}", symbol: "${h.symbol}", addend: ${h.addend}n }`;
}

function parseOutDir(args: string[]): string {
  const i = args.indexOf("--out");
  return i >= 0 ? args[i + 1] : join(REPO_ROOT, "stencils/generated");
}

async function requireTool(name: string): Promise<void> {
  if (!(await $.commandExists(name))) {
    console.error(`build-stencils: ${name} not found (apt-get install clang-19 llvm-19 lld-19)`);
    Deno.exit(1);
  }
}

async function main(): Promise<void> {
  const outDir = parseOutDir(Deno.args);
  for (const tool of [CLANG, READOBJ, OBJDUMP, "ld.lld-19"]) await requireTool(tool);
  const clangVersion = (await $`${CLANG} --version`.lines())[0];

  // A scratch tree mirroring the repository layout, so includes resolve to the freshly
  // generated headers and every path clang sees is relative.
  const work = await Deno.makeTempDir({ prefix: "tessera-stencils-" });
  try {
    await Deno.mkdir(join(work, "stencils/generated"), { recursive: true });
    await Deno.mkdir(join(work, "ffi"), { recursive: true });
    await Deno.mkdir(join(work, "obj"), { recursive: true });
    const header = generateUopsHeader();
    const bodies = generateUopBodies();
    await Deno.writeTextFile(join(work, "stencils/generated/uops.h"), header);
    await Deno.writeTextFile(join(work, "stencils/generated/uop_bodies.inc"), bodies);
    await Deno.copyFile(join(REPO_ROOT, "stencils/template.c"), join(work, "stencils/template.c"));
    await Deno.copyFile(join(REPO_ROOT, "ffi/shim.c"), join(work, "ffi/shim.c"));

    const validSymbols = new Set<string>([
      ...VALUE_HOLES,
      ...CODE_HOLES,
      ...LOCAL_HOLES,
      DATA_SYMBOL,
    ]);
    const stencils: string[] = [];
    const fallthrough: string[] = [];
    const pb = $.progress("Compiling stencils", { length: UOPS.length });
    await pb.with(async () => {
      for (const u of UOPS) {
        const obj = `obj/${u.name}.o`;
        await $`${CLANG} ${STENCIL_CFLAGS} -DTESSERA_UOP=UOP${u.name} stencils/template.c -o ${obj}`
          .cwd(work);
        const json =
          await $`${READOBJ} --elf-output-style=JSON --sections --section-data --relocations --symbols ${obj}`
            .cwd(work).text();
        const asm = await $`${OBJDUMP} -d ${obj}`.cwd(work).text();
        const parsed = parseStencilObject(json, validSymbols);
        const { stencil: s, how, threaded } = makeFallthrough(parsed, parseObjdump(asm));
        fallthrough.push(`${u.name}: ${how}${threaded ? ` (${threaded} threaded)` : ""}`);
        stencils.push(
          [
            `  "${u.name}": {`,
            `    code: "${hex(s.code)}",`,
            `    data: "${hex(s.data)}",`,
            `    holes: [${s.holes.map((h) => "\n      " + holeLiteral(h) + ",").join("")}\n    ],`,
            `    dataHoles: [${
              s.dataHoles.map((h) => "\n      " + holeLiteral(h) + ",").join("")
            }\n    ],`,
            "  },",
          ].join("\n"),
        );
        pb.increment();
      }
    });

    $.logLight("continue jump: " + fallthrough.join(", "));
    $.logStep("Linking", "ffi/shim.c -> shim.so");
    await $`${CLANG} ${SHIM_FLAGS} ffi/shim.c -o shim.so`.cwd(work);
    const shim = await Deno.readFile(join(work, "shim.so"));

    const hashes: Record<string, string> = { clang: sha256Hex(clangVersion), ...hashInputs() };
    const module = [
      "// Generated by scripts/build_stencils.ts (deno task build-stencils). Do not edit.",
      `// Compiler: ${clangVersion}`,
      'import type { StencilSource } from "../../src/jit/holes.ts";',
      "",
      `export const TARGET = "${TARGET}";`,
      "",
      "/** SHA-256 of every input of this file (see src/jit/stencil_inputs.ts). */",
      "export const INPUT_HASHES: Readonly<Record<string, string>> = {",
      ...Object.entries(hashes).map(([k, v]) => `  "${k}": "${v}",`),
      "};",
      "",
      "/** The native shim (ffi/shim.c) as a shared object. */",
      `export const SHIM_SO_BASE64 = "${Buffer.from(shim).toString("base64")}";`,
      "",
      "export const STENCILS: Readonly<Record<string, StencilSource>> = {",
      ...stencils,
      "};",
      "",
    ].join("\n");

    await Deno.mkdir(outDir, { recursive: true });
    await Deno.writeTextFile(join(outDir, "uops.h"), header);
    await Deno.writeTextFile(join(outDir, "uop_bodies.inc"), bodies);
    await Deno.writeTextFile(join(outDir, `${TARGET}.ts`), module);
    const codeBytes = stencils.reduce(
      (n, s) => n + (s.match(/code: "([0-9a-f]*)"/)![1].length / 2),
      0,
    );
    $.logStep(
      "Wrote",
      `${outDir}: ${UOPS.length} stencils (${codeBytes} code bytes), shim ${shim.length} bytes`,
    );
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

if (import.meta.main) await main();
