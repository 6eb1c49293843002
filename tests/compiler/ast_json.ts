// Loads ASTs dumped by fixtures/pyast.py (CPython's own parser) into Tessera's AST shape.

import type * as A from "../../src/frontend/ast.ts";

// deno-lint-ignore no-explicit-any
function fix(v: any): any {
  if (Array.isArray(v)) return v.map(fix);
  if (v === null || typeof v !== "object") return v;
  if (typeof v.kind === "string" && v._type === undefined) {
    if (v.kind === "int") return { kind: "int", value: BigInt(v.value) };
    if (v.kind === "float" && typeof v.value === "string") {
      return {
        kind: "float",
        value: v.value === "nan" ? NaN : v.value === "inf" ? Infinity : -Infinity,
      };
    }
    if (v.kind === "bytes") return { kind: "bytes", value: Uint8Array.from(v.value) };
    return v;
  }
  // deno-lint-ignore no-explicit-any
  const out: any = {};
  for (const [k, x] of Object.entries(v)) out[k] = fix(x);
  return out;
}

export function moduleFromJson(json: unknown): A.Module {
  return fix(json) as A.Module;
}
