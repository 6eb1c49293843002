// Differential test: our parser's AST vs. CPython's (fixtures from scripts/gen_ast_fixtures.py).
import assert from "node:assert/strict";
import { parseModule } from "../../src/frontend/parser.ts";

const dir = new URL("./fixtures/", import.meta.url);

function numJ(x: number): number | string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return x;
}

/** Convert our AST into the JSON shape written by gen_ast_fixtures.py. */
export function toJson(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJson);
  if (node === null || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === "value" && (o._type === "Constant" || o._type === "MatchSingleton")) {
      const c = v as { kind: string; value?: unknown; imag?: number };
      switch (c.kind) {
        case "int":
          out[k] = { kind: "int", value: (c.value as bigint).toString() };
          break;
        case "float":
          out[k] = { kind: "float", value: numJ(c.value as number) };
          break;
        case "complex":
          out[k] = { kind: "complex", imag: numJ(c.imag!) };
          break;
        case "bytes":
          out[k] = { kind: "bytes", value: Array.from(c.value as Uint8Array) };
          break;
        default:
          out[k] = c;
      }
    } else {
      out[k] = toJson(v);
    }
  }
  return out;
}

/** Deep compare with a readable path on mismatch. */
function diff(a: unknown, b: unknown, path: string): string | null {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array vs non-array`;
    if (a.length !== b.length) return `${path}: length ${a.length} != ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) {
      const d = diff(ao[k], bo[k], `${path}.${k}${k === "_type" ? "" : `(${ao._type})`}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
}

const names: string[] = [];
for (const e of Deno.readDirSync(dir)) {
  if (e.name.endsWith(".py")) names.push(e.name.slice(0, -3));
}
names.sort();

for (const name of names) {
  Deno.test(`ast matches CPython: ${name}.py`, () => {
    const src = Deno.readTextFileSync(new URL(`${name}.py`, dir));
    const expected = JSON.parse(Deno.readTextFileSync(new URL(`${name}.json`, dir)));
    const got = toJson(parseModule(src, `${name}.py`));
    const d = diff(got, expected, "Module");
    assert.equal(d, null, d ?? "");
  });
}

Deno.test("fixture set is non-trivial", () => {
  assert.ok(names.length >= 20, `only ${names.length} fixtures`);
});
