// Differential test: seeded random loop-heavy programs (scripts/gen_random_programs.ts) give the
// same output with the JIT off and on with everything hot at once (native, and every tenth file
// also with the uop interpreter). 30 files x 10 programs by default; a longer run:
//   TESSERA_RANDOM_FILES=300 TESSERA_RANDOM_SEED=7 deno test -A tests/jit/random_programs_test.ts
import assert from "node:assert/strict";
import { join } from "node:path";
import { randomProgramFile } from "../../scripts/gen_random_programs.ts";
import { runProgram } from "../harness/run.ts";
import { tesseraCommand } from "../harness/run.ts";

const FILES = Number(Deno.env.get("TESSERA_RANDOM_FILES") ?? "30");
const SEED = Number(Deno.env.get("TESSERA_RANDOM_SEED") ?? "1");
const PER_FILE = 10;
const PARALLEL = 4;

const MODES: Record<string, string[]> = {
  off: ["-X", "jit=0"],
  on: ["-X", "jit=1", "-X", "jit-threshold=1"],
  uops: ["-X", "jit=uops", "-X", "jit-threshold=1"],
};

Deno.test({
  name: `random programs agree with the JIT off and on (${FILES * PER_FILE} programs)`,
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "tessera-random-" });
  try {
    const jobs: (() => Promise<void>)[] = [];
    const failures: string[] = [];
    for (let f = 0; f < FILES; f++) {
      const path = join(dir, `random_${SEED}_${f}.py`);
      Deno.writeTextFileSync(path, randomProgramFile(SEED, f * PER_FILE, PER_FILE));
      jobs.push(async () => {
        const modes = f % 10 === 0 ? ["off", "on", "uops"] : ["off", "on"];
        const outs = await Promise.all(
          modes.map((m) => runProgram(tesseraCommand(MODES[m]), path, { timeoutMs: 60_000 })),
        );
        for (let k = 1; k < outs.length; k++) {
          const a = outs[0], b = outs[k];
          if (a.stdout !== b.stdout || a.code !== b.code) {
            failures.push(
              `${path} (seed ${SEED}, file ${f}) differs in mode ${modes[k]}:\n` +
                `--- off\n${a.stdout}${a.stderr}\n--- ${modes[k]}\n${b.stdout}${b.stderr}`,
            );
          }
        }
        assert.equal(outs[0].code, 0, `${path}: ${outs[0].stderr}`);
      });
    }
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }));
    assert.deepEqual(failures, [], failures.join("\n\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
