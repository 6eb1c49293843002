import assert from "node:assert/strict";
import { getShim } from "../../src/jit/stencils.ts";
import { readMaps } from "./maps.ts";

Deno.test("the shim loads from a memfd and exports enter", () => {
  const shim = getShim();
  assert.equal(typeof shim.enter, "function");
  const enter = shim.enter_address();
  assert.ok(enter > 0n);
  // The code of enter() lies in a mapping of the memfd file, not of a file on disk.
  const home = readMaps().find((m) => m.start <= enter && enter < m.end);
  assert.ok(home, "enter() is mapped");
  assert.match(home.line, /memfd:tessera-shim/);
  assert.ok(home.perms.includes("x") && !home.perms.includes("w"));
});
