import assert from "node:assert/strict";
import { compileModule } from "../../src/compiler/compiler.ts";
import { PySyntaxError } from "../../src/frontend/errors.ts";
import { errors } from "./cases.ts";

// Messages and positions are CPython 3.11's (captured by fixtures/gen.py), except for the
// constructs Tessera does not support yet.
for (const c of errors) {
  Deno.test(`compile error: ${c.name}`, () => {
    let err: unknown = null;
    try {
      compileModule(c.ast, c.name, c.source);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof PySyntaxError, `expected PySyntaxError, got ${err}`);
    assert.equal(err.kind, "SyntaxError");
    assert.equal(err.msg, c.msg);
    assert.equal(err.lineno, c.lineno);
    if (c.offset !== null) assert.equal(err.offset, c.offset);
    assert.equal(err.filename, c.name);
    assert.equal(err.text, c.source.split("\n")[c.lineno - 1]);
  });
}
