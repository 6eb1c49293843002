import assert from "node:assert/strict";
import { compileModule } from "../../src/compiler/compiler.ts";
import { verify } from "./verify.ts";
import { programs } from "./cases.ts";

for (const p of programs) {
  Deno.test(`compile + verify stack depth: ${p.name}`, () => {
    const co = compileModule(p.ast, p.name, p.source);
    verify(co);
    assert.ok(co.stacksize >= 1);
  });
}
