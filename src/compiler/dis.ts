// Readable disassembly of code objects (debugging and --jit-dump).

import { type CodeObject, type ConstValue, INSTR_WORDS } from "./code.ts";
import { CMP_SYMBOLS, hasJump, hasLocal, hasName, NB_SYMBOLS, Op, OP_NAMES } from "./opcodes.ts";

/** repr-like rendering of a constant. */
export function constRepr(c: ConstValue): string {
  switch (c.kind) {
    case "int":
      return c.value.toString();
    case "float": {
      const v = c.value;
      if (Number.isNaN(v)) return "nan";
      if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
      if (Number.isInteger(v) && Math.abs(v) < 1e16) {
        return (Object.is(v, -0) ? "-" : "") + Math.abs(v).toFixed(1);
      }
      return String(v);
    }
    case "complex":
      return `${c.imag}j`;
    case "str":
      return JSON.stringify(c.value).replace(/^"|"$/g, "'");
    case "bytes":
      return "b" + JSON.stringify(String.fromCharCode(...c.value)).replace(/^"|"$/g, "'");
    case "bool":
      return c.value ? "True" : "False";
    case "none":
      return "None";
    case "ellipsis":
      return "Ellipsis";
    case "tuple":
      return "(" + c.items.map(constRepr).join(", ") + (c.items.length === 1 ? ",)" : ")");
    case "frozenset":
      return c.items.length === 0
        ? "frozenset()"
        : `frozenset({${c.items.map(constRepr).join(", ")}})`;
    case "code":
      return `<code object ${c.code.name}, line ${c.code.firstlineno}>`;
  }
}

function argInfo(co: CodeObject, op: number, arg: number): string {
  if (op === Op.LOAD_CONST) return constRepr(co.consts[arg]);
  if (hasName(op)) return co.names[arg] ?? "?";
  if (hasLocal(op)) return co.localsplusNames[arg] ?? "?";
  if (hasJump(op)) return `to ${arg}`;
  if (op === Op.BINARY_OP) return NB_SYMBOLS[arg] ?? "?";
  if (op === Op.COMPARE_OP) return CMP_SYMBOLS[arg] ?? "?";
  if (op === Op.IS_OP) return arg ? "is not" : "is";
  if (op === Op.CONTAINS_OP) return arg ? "not in" : "in";
  if (op === Op.FORMAT_VALUE) {
    const conv = ["", "str", "repr", "ascii"][arg & 3];
    return [conv, arg & 4 ? "with format" : ""].filter((x) => x).join(", ");
  }
  if (op === Op.MAKE_FUNCTION) {
    const fl: string[] = [];
    if (arg & 1) fl.push("defaults");
    if (arg & 2) fl.push("kwdefaults");
    if (arg & 8) fl.push("closure");
    return fl.join(", ");
  }
  return "";
}

/** Disassemble one code object (and, recursively, the code objects among its constants). */
export function dis(co: CodeObject, recursive = true): string {
  const out: string[] = [];
  out.push(
    `Disassembly of <code object ${co.qualname}, file "${co.filename}", line ${co.firstlineno}>:`,
  );
  out.push(
    `  argcount=${co.argcount} posonly=${co.posonlyargcount} kwonly=${co.kwonlyargcount} ` +
      `flags=0x${co.flags.toString(16)} stacksize=${co.stacksize}`,
  );
  if (co.localsplusNames.length) {
    out.push(
      "  localsplus: " +
        co.localsplusNames.map((n, i) => `${i}:${n}(0x${co.localsplusKinds[i].toString(16)})`)
          .join(" "),
    );
  }
  const targets = new Set<number>();
  for (let k = 0; k < co.ninstrs; k++) {
    const op = co.code[k * INSTR_WORDS];
    if (hasJump(op)) targets.add(co.code[k * INSTR_WORDS + 1]);
  }
  for (const e of co.exceptionTable) targets.add(e.target);
  let lastLine = -2;
  for (let k = 0; k < co.ninstrs; k++) {
    const op = co.code[k * INSTR_WORDS];
    const arg = co.code[k * INSTR_WORDS + 1];
    const line = co.lines[k];
    const lineStr = line !== lastLine ? (line < 0 ? "--" : String(line)) : "";
    lastLine = line;
    const name = OP_NAMES[op] ?? `<${op}>`;
    const info = argInfo(co, op, arg);
    let s = `${lineStr.padStart(5)} ${targets.has(k) ? ">>" : "  "} ${String(k).padStart(4)} ` +
      name.padEnd(22) + String(arg).padStart(4);
    if (info) s += ` (${info})`;
    out.push(s.trimEnd());
  }
  if (co.exceptionTable.length) {
    out.push("ExceptionTable:");
    for (const e of co.exceptionTable) {
      out.push(
        `  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}`,
      );
    }
  }
  let text = out.join("\n") + "\n";
  if (recursive) {
    for (const c of co.consts) if (c.kind === "code") text += "\n" + dis(c.code, true);
  }
  return text;
}
