// AST -> code objects, following CPython 3.11's Python/compile.c (see opcodes.ts for the
// instruction set). Deviations from CPython are listed in src/compiler/README.md.

import type * as A from "../frontend/ast.ts";
import type { PyConst } from "../frontend/ast.ts";
import { PySyntaxError } from "../frontend/errors.ts";
import { parseModule } from "../frontend/parser.ts";
import {
  CMP_EQ,
  CMP_GE,
  CMP_GT,
  CMP_LE,
  CMP_LT,
  CMP_NE,
  MF_CLOSURE,
  MF_DEFAULTS,
  MF_KWDEFAULTS,
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE_ADD,
  NB_LSHIFT,
  NB_MATRIX_MULTIPLY,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  Op,
  Pseudo,
} from "./opcodes.ts";
import { assemble, type Instr, Label } from "./assemble.ts";
import { CodeObject, type ConstValue } from "./code.ts";
import {
  CELL,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  mangle,
  type Scope,
  SymbolTable,
} from "./symtable.ts";

interface Loc {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

type ScopeType = "module" | "class" | "function" | "lambda" | "comprehension";

type FBlockType =
  | "WHILE_LOOP"
  | "FOR_LOOP"
  | "TRY_EXCEPT"
  | "FINALLY_TRY"
  | "FINALLY_END"
  | "HANDLER_CLEANUP"
  | "POP_VALUE"
  | "EXCEPTION_HANDLER";

interface FBlock {
  type: FBlockType;
  block: Label | null;
  exit: Label | null;
  /** FINALLY_TRY: the finally body; HANDLER_CLEANUP: the `as` name. */
  datum: A.Stmt[] | string | null;
}

const STACK_USE_GUIDELINE = 30;

const BINOPS: Record<A.Operator, number> = {
  Add: NB_ADD,
  BitAnd: NB_AND,
  FloorDiv: NB_FLOOR_DIVIDE,
  LShift: NB_LSHIFT,
  MatMult: NB_MATRIX_MULTIPLY,
  Mult: NB_MULTIPLY,
  Mod: NB_REMAINDER,
  BitOr: NB_OR,
  Pow: NB_POWER,
  RShift: NB_RSHIFT,
  Sub: NB_SUBTRACT,
  Div: NB_TRUE_DIVIDE,
  BitXor: NB_XOR,
};

export function constKey(c: ConstValue): string {
  switch (c.kind) {
    case "int":
      return "i" + c.value.toString();
    case "float":
      return "f" + (Object.is(c.value, -0) ? "-0" : String(c.value));
    case "complex":
      return "c" + (Object.is(c.imag, -0) ? "-0" : String(c.imag));
    case "str":
      return "s" + c.value;
    case "bytes":
      return "b" + Array.from(c.value).join(",");
    case "bool":
      return c.value ? "T" : "F";
    case "none":
      return "N";
    case "ellipsis":
      return "E";
    case "tuple":
      return "(" + c.items.map(constKey).join("|") + ")";
    case "frozenset":
      return "{" + [...new Set(c.items.map(constKey))].sort().join("|") + "}";
    case "code":
      return "";
  }
}

/** Equal strings for constants that are equal in Python (1, 1.0 and True; (1,) and (True,)). */
function constEqKey(c: ConstValue): string {
  switch (c.kind) {
    case "int":
      return "n" + c.value.toString();
    case "bool":
      return c.value ? "n1" : "n0";
    case "float":
      return Number.isInteger(c.value) ? "n" + BigInt(c.value).toString() : "n" + String(c.value);
    case "tuple":
      return "(" + c.items.map(constEqKey).join("|") + ")";
    case "frozenset":
      return "{" + [...new Set(c.items.map(constEqKey))].sort().join("|") + "}";
    default:
      return constKey(c);
  }
}

function constTruthy(c: PyConst): boolean {
  switch (c.kind) {
    case "int":
      return c.value !== 0n;
    case "float":
      return c.value !== 0;
    case "complex":
      return c.imag !== 0;
    case "str":
      return c.value.length > 0;
    case "bytes":
      return c.value.length > 0;
    case "bool":
      return c.value;
    case "none":
      return false;
    case "ellipsis":
      return true;
  }
}

const NONE: ConstValue = { kind: "none" };

export class Unit {
  ste: Scope;
  scopeType: ScopeType;
  name: string;
  qualname = "";
  firstlineno: number;
  instrs: Instr[] = [];
  consts: ConstValue[] = [];
  constIdx = new Map<string, number>();
  names: string[] = [];
  nameIdx = new Map<string, number>();
  varnames: string[];
  varIdx = new Map<string, number>();
  cellvars: string[];
  freevars: string[];
  fblocks: FBlock[] = [];
  privateName: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  line = -1;

  constructor(ste: Scope, scopeType: ScopeType, name: string, firstlineno: number) {
    this.ste = ste;
    this.scopeType = scopeType;
    this.name = name;
    this.firstlineno = firstlineno;
    this.varnames = [...ste.varnames];
    this.varnames.forEach((n, i) => this.varIdx.set(n, i));
    const cells: string[] = [];
    const frees: string[] = [];
    for (const [name, sc] of ste.scopes) {
      if (sc === CELL) cells.push(name);
      if (sc === FREE || (ste.flagsOf(name) & 64 /* DEF_FREE_CLASS */)) frees.push(name);
    }
    cells.sort(cmpStr);
    frees.sort(cmpStr);
    if (ste.needsClassClosure) cells.unshift("__class__");
    this.cellvars = cells;
    this.freevars = frees;
  }
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Compiler {
  filename: string;
  sourceLines: string[] | null;
  st!: SymbolTable;
  u!: Unit;
  stack: Unit[] = [];
  /** Frozenset constants of this module by constKey (CPython's module-wide constant cache). */
  frozensets = new Map<string, ConstValue>();

  constructor(filename: string, sourceLines: string[] | null) {
    this.filename = filename;
    this.sourceLines = sourceLines;
  }

  // -------------------------------------------------------------------------------------
  // Errors and emission

  error(msg: string, loc: Loc | null): never {
    const lineno = loc?.lineno ?? (this.u?.line > 0 ? this.u.line : 1);
    const text = this.sourceLines ? (this.sourceLines[lineno - 1] ?? null) : null;
    throw new PySyntaxError(
      "SyntaxError",
      msg,
      this.filename,
      lineno,
      (loc?.col_offset ?? 0) + 1,
      text,
      loc?.end_lineno ?? lineno,
      (loc?.end_col_offset ?? 0) + 1,
    );
  }

  emit(op: number, arg = 0): void {
    this.u.instrs.push({ op, arg, line: this.u.line, target: null });
  }

  emitNoLine(op: number, arg = 0): void {
    this.u.instrs.push({ op, arg, line: -1, target: null });
  }

  emitJump(op: number, target: Label, noLine = false): void {
    this.u.instrs.push({ op, arg: 0, line: noLine ? -1 : this.u.line, target });
  }

  bind(label: Label): void {
    label.index = this.u.instrs.length;
  }

  addConst(c: ConstValue): number {
    const u = this.u;
    const key = constKey(c);
    if (key !== "") {
      const i = u.constIdx.get(key);
      if (i !== undefined) return i;
      u.constIdx.set(key, u.consts.length);
    }
    u.consts.push(c);
    return u.consts.length - 1;
  }

  /**
   * The frozenset constant of a set display whose items are all constants, or null. As CPython's
   * compiler caches constants for the whole module, an equal frozenset made earlier is reused
   * (with its item order).
   */
  constFrozenset(e: A.Expr): ConstValue | null {
    if (e._type !== "Set") return null;
    // The items the frozenset keeps: the first of each group of equal ones (1, 1.0, True).
    const items: ConstValue[] = [];
    const seen = new Set<string>();
    for (const x of e.elts) {
      const c = foldConst(x);
      if (c === null) return null;
      const k = constEqKey(c);
      if (seen.has(k)) continue;
      seen.add(k);
      items.push(c);
    }
    const fs: ConstValue = { kind: "frozenset", items };
    const key = constKey(fs);
    const known = this.frozensets.get(key);
    if (known !== undefined) return known;
    this.frozensets.set(key, fs);
    return fs;
  }

  /** An iterable of for / comprehensions: a set display of constants is a frozenset (fold_iter). */
  visitIter(e: A.Expr): void {
    const fs = this.constFrozenset(e);
    if (fs !== null) return this.loadConst(fs);
    this.visitExpr(e);
  }

  loadConst(c: ConstValue): void {
    this.emit(Op.LOAD_CONST, this.addConst(c));
  }

  addName(name: string): number {
    const u = this.u;
    let i = u.nameIdx.get(name);
    if (i === undefined) {
      i = u.names.length;
      u.names.push(name);
      u.nameIdx.set(name, i);
    }
    return i;
  }

  emitName(op: number, name: string): void {
    this.emit(op, this.addName(name));
  }

  varIndex(name: string): number {
    const u = this.u;
    let i = u.varIdx.get(name);
    if (i === undefined) {
      i = u.varnames.length;
      u.varnames.push(name);
      u.varIdx.set(name, i);
    }
    return i;
  }

  // -------------------------------------------------------------------------------------
  // Units

  enterScope(name: string, scopeType: ScopeType, node: unknown, lineno: number): void {
    const ste = this.st.byNode.get(node);
    if (!ste) throw new Error(`compiler: no symbol table entry for ${name}`);
    const u = new Unit(ste, scopeType, name, lineno);
    if (this.u) {
      u.privateName = this.u.privateName;
      this.stack.push(this.u);
    }
    if (scopeType === "class") u.privateName = name;
    this.u = u;
    this.setQualname();
    u.line = scopeType === "module" ? -1 : lineno;
    this.emit(Op.RESUME, 0);
    if (scopeType === "module") u.line = -1;
  }

  exitScope(): void {
    this.u = this.stack.pop()!;
  }

  setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (u.scopeType === "function" || u.scopeType === "class") {
        const m = mangle(parent.privateName, u.name);
        if (parent.ste.scopeOf(m) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (parent.scopeType === "function" || parent.scopeType === "lambda") {
          base = parent.qualname + ".<locals>";
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? base + "." + u.name : u.name;
  }

  finishUnit(): CodeObject {
    return assemble(this.u, this.filename);
  }

  // -------------------------------------------------------------------------------------
  // Entry

  compileModule(mod: A.Module): CodeObject {
    this.st = SymbolTable.build(mod, this.filename, this.sourceLines);
    this.enterScope("<module>", "module", mod, 1);
    this.body(mod.body);
    this.u.line = -1;
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
    const co = this.finishUnit();
    return co;
  }

  /** Module / class body: docstring goes to __doc__. */
  body(stmts: A.Stmt[]): void {
    let i = 0;
    const ds = docstring(stmts);
    if (ds !== null) {
      const st = stmts[0] as A.ExprStmt;
      this.u.line = st.lineno;
      this.visitExpr(st.value);
      this.nameop("__doc__", "Store", st);
      i = 1;
    }
    for (; i < stmts.length; i++) this.visitStmt(stmts[i]);
  }

  // -------------------------------------------------------------------------------------
  // Names

  nameop(name: string, ctx: A.ExprContext, loc: Loc | null): void {
    const u = this.u;
    const mangled = mangle(u.privateName, name);
    const scope = u.ste.scopeOf(mangled);
    const isFunc = u.ste.type === "function";
    let kind: "fast" | "deref" | "global" | "name" = "name";
    let derefIdx = -1;
    switch (scope) {
      case FREE:
        kind = "deref";
        derefIdx = u.cellvars.length + u.freevars.indexOf(mangled);
        break;
      case CELL:
        kind = "deref";
        derefIdx = u.cellvars.indexOf(mangled);
        break;
      case LOCAL:
        if (isFunc) kind = "fast";
        break;
      case GLOBAL_IMPLICIT:
        if (isFunc) kind = "global";
        break;
      case GLOBAL_EXPLICIT:
        kind = "global";
        break;
    }
    if (kind === "name" && u.scopeType === "module") kind = "global";
    if (kind === "deref" && derefIdx < 0) {
      throw new Error(`compiler: no cell for ${mangled} in ${u.qualname} (${loc?.lineno})`);
    }
    switch (kind) {
      case "fast": {
        const i = this.varIndex(mangled);
        this.emit(
          ctx === "Load" ? Op.LOAD_FAST : ctx === "Store" ? Op.STORE_FAST : Op.DELETE_FAST,
          i,
        );
        return;
      }
      case "deref":
        this.emit(
          ctx === "Load"
            ? (u.ste.type === "class" ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF)
            : ctx === "Store"
            ? Op.STORE_DEREF
            : Op.DELETE_DEREF,
          derefIdx,
        );
        return;
      case "global":
        this.emitName(
          ctx === "Load" ? Op.LOAD_GLOBAL : ctx === "Store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL,
          mangled,
        );
        return;
      case "name":
        this.emitName(
          ctx === "Load" ? Op.LOAD_NAME : ctx === "Store" ? Op.STORE_NAME : Op.DELETE_NAME,
          mangled,
        );
        return;
    }
  }

  // -------------------------------------------------------------------------------------
  // Frame blocks and unwinding

  pushFBlock(type: FBlockType, block: Label | null, exit: Label | null, datum: FBlock["datum"]) {
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFBlock(type: FBlockType) {
    const b = this.u.fblocks.pop();
    if (!b || b.type !== type) throw new Error(`compiler: fblock mismatch ${type}`);
  }

  unwindFBlock(info: FBlock, preserveTos: boolean): void {
    switch (info.type) {
      case "WHILE_LOOP":
      case "EXCEPTION_HANDLER":
        return;
      case "FOR_LOOP":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
      case "TRY_EXCEPT":
        this.emit(Pseudo.POP_BLOCK);
        return;
      case "FINALLY_TRY": {
        this.emit(Pseudo.POP_BLOCK);
        if (preserveTos) this.pushFBlock("POP_VALUE", null, null, null);
        const saved = this.u.line;
        this.visitStmts(info.datum as A.Stmt[]);
        this.u.line = saved;
        if (preserveTos) this.popFBlock("POP_VALUE");
        return;
      }
      case "FINALLY_END":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Pseudo.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        return;
      case "HANDLER_CLEANUP": {
        const name = info.datum as string | null;
        if (name !== null) this.emit(Pseudo.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Pseudo.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        if (name !== null) {
          this.loadConst(NONE);
          this.nameop(name, "Store", null);
          this.nameop(name, "Del", null);
        }
        return;
      }
      case "POP_VALUE":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
    }
  }

  /** Unwind fblocks up to (not including) the innermost loop if `wantLoop`; returns it. */
  unwindFBlockStack(preserveTos: boolean, wantLoop: boolean): FBlock | null {
    const fbs = this.u.fblocks;
    if (fbs.length === 0) return null;
    const top = fbs[fbs.length - 1];
    if (wantLoop && (top.type === "WHILE_LOOP" || top.type === "FOR_LOOP")) return top;
    fbs.pop();
    this.unwindFBlock(top, preserveTos);
    const r = this.unwindFBlockStack(preserveTos, wantLoop);
    fbs.push(top);
    return r;
  }

  // -------------------------------------------------------------------------------------
  // Statements

  visitStmts(ss: A.Stmt[]): void {
    for (const s of ss) this.visitStmt(s);
  }

  visitStmt(s: A.Stmt): void {
    this.u.line = s.lineno;
    switch (s._type) {
      case "FunctionDef":
        return this.functionDef(s);
      case "ClassDef":
        return this.classDef(s);
      case "Return":
        return this.returnStmt(s);
      case "Delete":
        for (const t of s.targets) this.visitExpr(t);
        return;
      case "Assign":
        return this.assign(s);
      case "AugAssign":
        return this.augAssign(s);
      case "AnnAssign":
        // Annotations are not evaluated (documented deviation).
        if (s.value) {
          this.visitExpr(s.value);
          this.visitExpr(s.target);
        } else if (s.target._type !== "Name") {
          // CPython evaluates the target's subexpressions (not the annotation).
          if (s.target._type === "Attribute") {
            this.visitExpr(s.target.value);
            this.emit(Op.POP_TOP);
          } else if (s.target._type === "Subscript") {
            this.visitExpr(s.target.value);
            this.emit(Op.POP_TOP);
            this.visitExpr(s.target.slice);
            this.emit(Op.POP_TOP);
          }
        }
        return;
      case "For":
        return this.forStmt(s);
      case "While":
        return this.whileStmt(s);
      case "If":
        return this.ifStmt(s);
      case "Raise": {
        let n = 0;
        if (s.exc) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.u.line = s.lineno;
        this.emit(Op.RAISE_VARARGS, n);
        return;
      }
      case "Try":
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryExcept(s);
      case "Assert":
        return this.assertStmt(s);
      case "Import":
        return this.importStmt(s);
      case "ImportFrom":
        return this.importFrom(s);
      case "Global":
      case "Nonlocal":
      case "Pass":
        return;
      case "Expr":
        if (s.value._type === "Constant") return;
        this.visitExpr(s.value);
        this.emit(Op.POP_TOP);
        return;
      case "Break": {
        const loop = this.unwindFBlockStack(false, true);
        if (!loop) this.error("'break' outside loop", s);
        this.unwindFBlock(loop, false);
        this.emitJump(Pseudo.JUMP_ANY, loop.exit!);
        return;
      }
      case "Continue": {
        const loop = this.unwindFBlockStack(false, true);
        if (!loop) this.error("'continue' not properly in loop", s);
        this.emitJump(Pseudo.JUMP_ANY, loop.block!);
        return;
      }
      case "With":
        return this.error("'with' statements are not supported by Tessera yet", s);
      case "AsyncWith":
        return this.error("'async with' statements are not supported by Tessera yet", s);
      case "AsyncFor":
        return this.error("'async for' statements are not supported by Tessera yet", s);
      case "AsyncFunctionDef":
        return this.error("'async def' functions are not supported by Tessera yet", s);
      case "Match":
        return this.error("'match' statements are not supported by Tessera yet", s);
      case "TryStar":
        return this.error("'try/except*' statements are not supported by Tessera yet", s);
    }
  }

  returnStmt(s: A.Return): void {
    if (this.u.ste.type !== "function") this.error("'return' outside function", s);
    const value = s.value;
    const preserveTos = value !== null && value._type !== "Constant";
    if (preserveTos) this.visitExpr(value!);
    this.unwindFBlockStack(preserveTos, false);
    this.u.line = s.lineno;
    if (value === null) this.loadConst(NONE);
    else if (!preserveTos) this.loadConst((value as A.Constant).value);
    this.emit(Op.RETURN_VALUE);
  }

  assign(s: A.Assign): void {
    const n = s.targets.length;
    // `a, b = x, y` without star: evaluate then SWAP (CPython's peephole result).
    if (n === 1) {
      const t = s.targets[0];
      const v = s.value;
      if (
        (t._type === "Tuple" || t._type === "List") &&
        (v._type === "Tuple" || v._type === "List") &&
        t.elts.length === v.elts.length && t.elts.length >= 2 && t.elts.length <= 3 &&
        !t.elts.some((e) => e._type === "Starred") && !v.elts.some((e) => e._type === "Starred")
      ) {
        for (const e of v.elts) this.visitExpr(e);
        this.u.line = s.lineno;
        this.emit(Op.SWAP, v.elts.length);
        for (const e of t.elts) this.visitExpr(e);
        return;
      }
    }
    this.visitExpr(s.value);
    for (let i = 0; i < n; i++) {
      if (i < n - 1) this.emit(Op.COPY, 1);
      this.visitExpr(s.targets[i]);
    }
  }

  augAssign(s: A.AugAssign): void {
    const t = s.target;
    const op = BINOPS[s.op] + NB_INPLACE_ADD;
    switch (t._type) {
      case "Attribute": {
        this.visitExpr(t.value);
        this.emit(Op.COPY, 1);
        this.u.line = t.end_lineno;
        this.emitName(Op.LOAD_ATTR, mangle(this.u.privateName, t.attr));
        this.visitExpr(s.value);
        this.u.line = s.lineno;
        this.emit(Op.BINARY_OP, op);
        this.emit(Op.SWAP, 2);
        this.u.line = t.end_lineno;
        this.emitName(Op.STORE_ATTR, mangle(this.u.privateName, t.attr));
        return;
      }
      case "Subscript":
        this.visitExpr(t.value);
        this.visitExpr(t.slice);
        this.emit(Op.COPY, 2);
        this.emit(Op.COPY, 2);
        this.emit(Op.BINARY_SUBSCR);
        this.visitExpr(s.value);
        this.u.line = s.lineno;
        this.emit(Op.BINARY_OP, op);
        this.emit(Op.SWAP, 3);
        this.emit(Op.SWAP, 2);
        this.emit(Op.STORE_SUBSCR);
        return;
      case "Name":
        this.nameop(t.id, "Load", t);
        this.visitExpr(s.value);
        this.u.line = s.lineno;
        this.emit(Op.BINARY_OP, op);
        this.nameop(t.id, "Store", t);
        return;
      default:
        this.error(`invalid augmented assignment target`, s);
    }
  }

  forStmt(s: A.For): void {
    const start = new Label();
    const cleanup = new Label();
    const end = new Label();
    this.pushFBlock("FOR_LOOP", start, end, null);
    this.visitIter(s.iter);
    this.u.line = s.lineno;
    this.emit(Op.GET_ITER);
    this.bind(start);
    this.emitJump(Op.FOR_ITER, cleanup);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.u.line = s.lineno;
    this.emitJump(Pseudo.JUMP_ANY, start, true);
    this.bind(cleanup);
    this.popFBlock("FOR_LOOP");
    this.visitStmts(s.orelse);
    this.bind(end);
  }

  whileStmt(s: A.While): void {
    const loop = new Label();
    const anchor = new Label();
    const exit = new Label();
    this.bind(loop);
    this.pushFBlock("WHILE_LOOP", loop, exit, null);
    this.jumpIf(s.test, anchor, false);
    this.visitStmts(s.body);
    this.u.line = s.lineno;
    this.emitJump(Pseudo.JUMP_ANY, loop, true);
    this.popFBlock("WHILE_LOOP");
    this.bind(anchor);
    this.visitStmts(s.orelse);
    this.bind(exit);
  }

  ifStmt(s: A.If): void {
    const end = new Label();
    const next = s.orelse.length ? new Label() : end;
    this.jumpIf(s.test, next, false);
    this.visitStmts(s.body);
    if (s.orelse.length) {
      this.emitJump(Pseudo.JUMP_ANY, end, true);
      this.bind(next);
      this.visitStmts(s.orelse);
    }
    this.bind(end);
  }

  tryFinally(s: A.Try): void {
    const end = new Label();
    const exit = new Label();
    const cleanup = new Label();
    const body = new Label();
    this.emitJump(Pseudo.SETUP_FINALLY, end);
    this.bind(body);
    this.pushFBlock("FINALLY_TRY", body, end, s.finalbody);
    if (s.handlers.length) this.tryExcept(s);
    else this.visitStmts(s.body);
    this.emitNoLine(Pseudo.POP_BLOCK);
    this.popFBlock("FINALLY_TRY");
    this.visitStmts(s.finalbody);
    this.emitJump(Pseudo.JUMP_ANY, exit, true);
    // Exceptional path.
    this.bind(end);
    this.u.line = -1;
    this.emitJump(Pseudo.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock("FINALLY_END", end, null, null);
    this.visitStmts(s.finalbody);
    this.popFBlock("FINALLY_END");
    this.emit(Op.RERAISE, 0);
    this.bind(cleanup);
    this.popExceptAndReraise();
    this.bind(exit);
  }

  popExceptAndReraise(): void {
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 1);
  }

  tryExcept(s: A.Try): void {
    const body = new Label();
    const except = new Label();
    const end = new Label();
    const cleanup = new Label();
    this.emitJump(Pseudo.SETUP_FINALLY, except);
    this.bind(body);
    this.pushFBlock("TRY_EXCEPT", body, null, null);
    this.visitStmts(s.body);
    this.popFBlock("TRY_EXCEPT");
    this.emitNoLine(Pseudo.POP_BLOCK);
    this.visitStmts(s.orelse);
    this.emitJump(Pseudo.JUMP_ANY, end, true);
    const n = s.handlers.length;
    this.bind(except);
    this.u.line = -1;
    this.emitJump(Pseudo.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock("EXCEPTION_HANDLER", null, null, null);
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i];
      this.u.line = h.lineno;
      if (!h.type && i < n - 1) this.error("default 'except:' must be last", h);
      const nextExcept = new Label();
      if (h.type) {
        this.visitExpr(h.type);
        this.u.line = h.lineno;
        this.emit(Op.CHECK_EXC_MATCH);
        this.emitJump(Op.POP_JUMP_IF_FALSE, nextExcept);
      }
      if (h.name !== null) {
        const cleanupEnd = new Label();
        const cleanupBody = new Label();
        this.nameop(h.name, "Store", h);
        this.emitJump(Pseudo.SETUP_CLEANUP, cleanupEnd);
        this.bind(cleanupBody);
        this.pushFBlock("HANDLER_CLEANUP", cleanupBody, null, h.name);
        this.visitStmts(h.body);
        this.popFBlock("HANDLER_CLEANUP");
        this.u.line = -1;
        this.emit(Pseudo.POP_BLOCK);
        this.emit(Pseudo.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.loadConst(NONE);
        this.nameop(h.name, "Store", h);
        this.nameop(h.name, "Del", h);
        this.emitJump(Pseudo.JUMP_ANY, end);
        this.bind(cleanupEnd);
        this.loadConst(NONE);
        this.nameop(h.name, "Store", h);
        this.nameop(h.name, "Del", h);
        this.emit(Op.RERAISE, 1);
      } else {
        const cleanupBody = new Label();
        this.emit(Op.POP_TOP);
        this.bind(cleanupBody);
        this.pushFBlock("HANDLER_CLEANUP", cleanupBody, null, null);
        this.visitStmts(h.body);
        this.popFBlock("HANDLER_CLEANUP");
        this.u.line = -1;
        this.emit(Pseudo.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.emitJump(Pseudo.JUMP_ANY, end);
      }
      this.bind(nextExcept);
    }
    this.popFBlock("EXCEPTION_HANDLER");
    this.u.line = -1;
    this.emit(Op.RERAISE, 0);
    this.bind(cleanup);
    this.popExceptAndReraise();
    this.bind(end);
  }

  assertStmt(s: A.Assert): void {
    const end = new Label();
    this.jumpIf(s.test, end, true);
    this.u.line = s.lineno;
    this.emit(Op.LOAD_ASSERTION_ERROR);
    if (s.msg) {
      this.emit(Op.PUSH_NULL);
      this.visitExpr(s.msg);
      this.u.line = s.lineno;
      this.emit(Op.CALL, 1);
    }
    this.emit(Op.RAISE_VARARGS, 1);
    this.bind(end);
  }

  importStmt(s: A.Import): void {
    for (const a of s.names) {
      this.u.line = s.lineno;
      this.loadConst({ kind: "int", value: 0n });
      this.loadConst(NONE);
      this.emitName(Op.IMPORT_NAME, a.name);
      if (a.asname !== null) {
        let dot = a.name.indexOf(".");
        if (dot >= 0) {
          for (;;) {
            const pos = dot + 1;
            dot = a.name.indexOf(".", pos);
            const attr = a.name.slice(pos, dot < 0 ? undefined : dot);
            this.emitName(Op.IMPORT_FROM, attr);
            if (dot < 0) break;
            this.emit(Op.SWAP, 2);
            this.emit(Op.POP_TOP);
          }
          this.nameop(a.asname, "Store", a);
          this.emit(Op.POP_TOP);
        } else {
          this.nameop(a.asname, "Store", a);
        }
      } else {
        const dot = a.name.indexOf(".");
        this.nameop(dot >= 0 ? a.name.slice(0, dot) : a.name, "Store", a);
      }
    }
  }

  importFrom(s: A.ImportFrom): void {
    this.loadConst({ kind: "int", value: BigInt(s.level) });
    this.loadConst({
      kind: "tuple",
      items: s.names.map((a) => ({ kind: "str", value: a.name }) as ConstValue),
    });
    this.emitName(Op.IMPORT_NAME, s.module ?? "");
    for (const a of s.names) {
      if (a.name === "*") {
        this.emit(Op.IMPORT_STAR);
        return;
      }
      this.emitName(Op.IMPORT_FROM, a.name);
      this.nameop(a.asname ?? a.name, "Store", a);
    }
    this.emit(Op.POP_TOP);
  }

  // -------------------------------------------------------------------------------------
  // Functions and classes

  decorators(decs: A.Expr[]): void {
    for (const d of decs) {
      this.visitExpr(d);
      this.emit(Op.PUSH_NULL);
    }
  }

  applyDecorators(decs: A.Expr[]): void {
    for (let i = decs.length - 1; i >= 0; i--) {
      this.u.line = decs[i].lineno;
      this.emit(Op.CALL, 1);
    }
  }

  defaultArguments(args: A.Arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      const folded = args.defaults.map(foldConst);
      if (folded.every((c) => c !== null)) {
        this.loadConst({ kind: "tuple", items: folded as ConstValue[] });
      } else {
        for (const d of args.defaults) this.visitExpr(d);
        this.emit(Op.BUILD_TUPLE, args.defaults.length);
      }
      flags |= MF_DEFAULTS;
    }
    let n = 0;
    for (let i = 0; i < args.kwonlyargs.length; i++) {
      const d = args.kw_defaults[i];
      if (d) {
        this.loadConst({ kind: "str", value: mangle(this.u.privateName, args.kwonlyargs[i].arg) });
        this.visitExpr(d);
        n++;
      }
    }
    if (n) {
      this.emit(Op.BUILD_MAP, n);
      flags |= MF_KWDEFAULTS;
    }
    return flags;
  }

  /** Emits the closure (if any), LOAD_CONST code and MAKE_FUNCTION. */
  makeClosure(co: CodeObject, flags: number, inner: Unit): void {
    const u = this.u;
    if (inner.freevars.length) {
      for (const name of inner.freevars) {
        let idx: number;
        const isCell = (u.scopeType === "class" && name === "__class__") ||
          u.ste.scopeOf(name) === CELL;
        if (isCell) idx = u.cellvars.indexOf(name);
        else idx = u.cellvars.length + u.freevars.indexOf(name);
        if (idx < 0 || (!isCell && u.freevars.indexOf(name) < 0)) {
          throw new Error(`compiler: closure variable ${name} not found in ${u.qualname}`);
        }
        this.emit(Op.LOAD_CLOSURE, idx);
      }
      this.emit(Op.BUILD_TUPLE, inner.freevars.length);
      flags |= MF_CLOSURE;
    }
    this.loadConst({ kind: "code", code: co });
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  functionDef(s: A.FunctionDef): void {
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    this.u.line = s.lineno;
    const flags = this.defaultArguments(s.args);
    this.enterScope(s.name, "function", s, firstlineno);
    const u = this.u;
    const ds = docstring(s.body);
    this.addConst(ds !== null ? { kind: "str", value: ds } : NONE);
    u.argcount = s.args.posonlyargs.length + s.args.args.length;
    u.posonlyargcount = s.args.posonlyargs.length;
    u.kwonlyargcount = s.args.kwonlyargs.length;
    for (let i = ds !== null ? 1 : 0; i < s.body.length; i++) this.visitStmt(s.body[i]);
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
    const co = this.finishUnit();
    this.exitScope();
    this.u.line = s.lineno;
    this.makeClosure(co, flags, u);
    this.applyDecorators(s.decorator_list);
    this.u.line = s.lineno;
    this.nameop(s.name, "Store", s);
  }

  lambda(e: A.Lambda): void {
    const flags = this.defaultArguments(e.args);
    this.enterScope("<lambda>", "lambda", e, e.lineno);
    const u = this.u;
    this.addConst(NONE);
    u.argcount = e.args.posonlyargs.length + e.args.args.length;
    u.posonlyargcount = e.args.posonlyargs.length;
    u.kwonlyargcount = e.args.kwonlyargs.length;
    this.visitExpr(e.body);
    this.emit(Op.RETURN_VALUE);
    const co = this.finishUnit();
    this.exitScope();
    this.u.line = e.lineno;
    this.makeClosure(co, flags, u);
  }

  classDef(s: A.ClassDef): void {
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    this.enterScope(s.name, "class", s, firstlineno);
    const u = this.u;
    u.line = s.lineno;
    this.emitName(Op.LOAD_NAME, "__name__");
    this.emitName(Op.STORE_NAME, "__module__");
    this.loadConst({ kind: "str", value: u.qualname });
    this.emitName(Op.STORE_NAME, "__qualname__");
    this.body(s.body);
    u.line = -1;
    if (u.ste.needsClassClosure) {
      this.emit(Op.LOAD_CLOSURE, 0);
      this.emitName(Op.STORE_NAME, "__classcell__");
    }
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
    const co = this.finishUnit();
    this.exitScope();
    this.u.line = s.lineno;
    this.emit(Op.LOAD_BUILD_CLASS);
    this.emit(Op.PUSH_NULL);
    this.makeClosure(co, 0, u);
    this.loadConst({ kind: "str", value: s.name });
    this.callHelper(2, s.bases, s.keywords, s);
    this.applyDecorators(s.decorator_list);
    this.u.line = s.lineno;
    this.nameop(s.name, "Store", s);
  }

  // -------------------------------------------------------------------------------------
  // Calls

  validateKeywords(keywords: A.Keyword[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const k = keywords[i];
      if (k.arg === null) continue;
      for (let j = i + 1; j < keywords.length; j++) {
        if (keywords[j].arg === k.arg) {
          this.error(`keyword argument repeated: ${k.arg}`, keywords[j]);
        }
      }
    }
  }

  call(e: A.Call): void {
    this.validateKeywords(e.keywords);
    const f = e.func;
    if (
      f._type === "Attribute" && f.ctx === "Load" &&
      !e.args.some((a) => a._type === "Starred") && !e.keywords.some((k) => k.arg === null) &&
      e.args.length + e.keywords.length + (e.keywords.length ? 1 : 0) < STACK_USE_GUIDELINE
    ) {
      this.visitExpr(f.value);
      const saved = this.u.line;
      this.u.line = f.end_lineno;
      this.emitName(Op.LOAD_METHOD, mangle(this.u.privateName, f.attr));
      for (const a of e.args) this.visitExpr(a);
      for (const k of e.keywords) this.visitExpr(k.value);
      this.u.line = f.end_lineno;
      const argc = e.args.length + e.keywords.length;
      if (e.keywords.length) {
        this.loadConst(kwnamesConst(e.keywords));
        this.emit(Op.CALL_KW, argc);
      } else {
        this.emit(Op.CALL, argc);
      }
      this.u.line = saved;
      return;
    }
    this.visitExpr(f);
    this.emit(Op.PUSH_NULL);
    this.callHelper(0, e.args, e.keywords, e);
  }

  /** `n` positional arguments are already on the stack (above callable and NULL). */
  callHelper(n: number, args: A.Expr[], keywords: A.Keyword[], loc: Loc): void {
    this.validateKeywords(keywords);
    const line = loc.lineno;
    const needEx = args.some((a) => a._type === "Starred") || keywords.some((k) => k.arg === null);
    if (!needEx) {
      for (const a of args) this.visitExpr(a);
      for (const k of keywords) this.visitExpr(k.value);
      this.u.line = line;
      const argc = n + args.length + keywords.length;
      if (keywords.length) {
        this.loadConst(kwnamesConst(keywords));
        this.emit(Op.CALL_KW, argc);
      } else {
        this.emit(Op.CALL, argc);
      }
      return;
    }
    // Positional arguments as a tuple.
    this.starunpack(args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true, true);
    // Keyword arguments as a dict.
    if (keywords.length) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < keywords.length; i++) {
        const kw = keywords[i];
        if (kw.arg === null) {
          if (nseen) {
            this.subkwargs(keywords, i - nseen, i);
            if (haveDict) this.emit(Op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.emit(Op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.visitExpr(kw.value);
          this.u.line = line;
          this.emit(Op.DICT_MERGE, 1);
        } else {
          nseen++;
        }
      }
      if (nseen) {
        this.subkwargs(keywords, keywords.length - nseen, keywords.length);
        if (haveDict) this.emit(Op.DICT_MERGE, 1);
      }
    }
    this.u.line = line;
    this.emit(Op.CALL_FUNCTION_EX, keywords.length ? 1 : 0);
  }

  subkwargs(keywords: A.Keyword[], begin: number, end: number): void {
    for (let i = begin; i < end; i++) {
      this.loadConst({ kind: "str", value: keywords[i].arg! });
      this.visitExpr(keywords[i].value);
    }
    this.emit(Op.BUILD_MAP, end - begin);
  }

  /**
   * Builds a list/set/tuple from elements that may contain starred items. `pushed` items are
   * already on the stack. With `forceSeq` the result is always built through a list (so a
   * tuple is always fresh).
   */
  starunpack(
    elts: A.Expr[],
    pushed: number,
    build: number,
    add: number,
    extend: number,
    tuple: boolean,
    _forceSeq = false,
  ): void {
    const n = elts.length;
    const seenStar = elts.some((e) => e._type === "Starred");
    const big = n + pushed > STACK_USE_GUIDELINE;
    if (!seenStar && !big) {
      for (const e of elts) this.visitExpr(e);
      this.emit(tuple ? Op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let built = false;
    if (big) {
      this.emit(build, pushed);
      built = true;
    }
    for (let i = 0; i < n; i++) {
      const e = elts[i];
      if (e._type === "Starred") {
        if (!built) {
          this.emit(build, i + pushed);
          built = true;
        }
        this.visitExpr(e.value);
        this.emit(extend, 1);
      } else {
        this.visitExpr(e);
        if (built) this.emit(add, 1);
      }
    }
    if (!built) this.emit(build, n + pushed);
    if (tuple) this.emit(Op.LIST_TO_TUPLE);
  }

  // -------------------------------------------------------------------------------------
  // Expressions

  visitExprs(es: A.Expr[]): void {
    for (const e of es) this.visitExpr(e);
  }

  visitExpr(e: A.Expr): void {
    const saved = this.u.line;
    this.u.line = e.lineno;
    this.visitExpr1(e);
    this.u.line = saved;
  }

  visitExpr1(e: A.Expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.visitExpr(e.value);
        this.emit(Op.COPY, 1);
        this.visitExpr(e.target);
        return;
      case "BoolOp": {
        const end = new Label();
        const jop = e.op === "And" ? Op.POP_JUMP_IF_FALSE : Op.POP_JUMP_IF_TRUE;
        const n = e.values.length;
        for (let i = 0; i < n - 1; i++) {
          this.visitExpr(e.values[i]);
          this.emit(Op.COPY, 1);
          this.emitJump(jop, end);
          this.emit(Op.POP_TOP);
        }
        this.visitExpr(e.values[n - 1]);
        this.bind(end);
        return;
      }
      case "BinOp": {
        const c = foldConst(e);
        if (c) return this.loadConst(c);
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.emit(Op.BINARY_OP, BINOPS[e.op]);
        return;
      }
      case "UnaryOp": {
        const c = foldConst(e);
        if (c) return this.loadConst(c);
        this.visitExpr(e.operand);
        this.emit(
          e.op === "Not"
            ? Op.UNARY_NOT
            : e.op === "USub"
            ? Op.UNARY_NEGATIVE
            : e.op === "UAdd"
            ? Op.UNARY_POSITIVE
            : Op.UNARY_INVERT,
        );
        return;
      }
      case "Lambda":
        return this.lambda(e);
      case "IfExp": {
        const end = new Label();
        const next = new Label();
        this.jumpIf(e.test, next, false);
        this.visitExpr(e.body);
        this.emitJump(Pseudo.JUMP_ANY, end, true);
        this.bind(next);
        this.visitExpr(e.orelse);
        this.bind(end);
        return;
      }
      case "Dict":
        return this.dict(e);
      case "Set": {
        // CPython: a display of more than two constants is BUILD_SET 0, a frozenset constant
        // and SET_UPDATE (which merges the frozenset's table: iteration order follows it).
        const fs = e.elts.length > 2 ? this.constFrozenset(e) : null;
        if (fs !== null) {
          this.emit(Op.BUILD_SET, 0);
          this.loadConst(fs);
          this.emit(Op.SET_UPDATE, 1);
          return;
        }
        return this.starunpack(e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
      }
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return this.comprehension(e);
      case "Await":
      case "Yield":
      case "YieldFrom":
        return this.error(
          `'${e._type === "Await" ? "await" : "yield"}' is not supported by Tessera yet`,
          e,
        );
      case "Compare":
        return this.compare(e);
      case "Call":
        return this.call(e);
      case "FormattedValue": {
        this.visitExpr(e.value);
        const conv = e.conversion;
        let oparg = conv === 115 ? 1 : conv === 114 ? 2 : conv === 97 ? 3 : 0;
        if (e.format_spec) {
          this.visitExpr(e.format_spec);
          oparg |= 4;
        }
        this.emit(Op.FORMAT_VALUE, oparg);
        return;
      }
      case "JoinedStr": {
        const n = e.values.length;
        if (n === 0) return this.loadConst({ kind: "str", value: "" });
        for (const v of e.values) this.visitExpr(v);
        if (n !== 1) this.emit(Op.BUILD_STRING, n);
        return;
      }
      case "Constant":
        return this.loadConst(e.value);
      case "Attribute": {
        const attr = mangle(this.u.privateName, e.attr);
        this.visitExpr(e.value);
        this.u.line = e.end_lineno;
        switch (e.ctx) {
          case "Load":
            this.emitName(Op.LOAD_ATTR, attr);
            return;
          case "Store":
            this.emitName(Op.STORE_ATTR, attr);
            return;
          case "Del":
            this.emitName(Op.DELETE_ATTR, attr);
            return;
        }
        return;
      }
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        this.u.line = e.lineno;
        this.emit(
          e.ctx === "Load"
            ? Op.BINARY_SUBSCR
            : e.ctx === "Store"
            ? Op.STORE_SUBSCR
            : Op.DELETE_SUBSCR,
        );
        return;
      case "Starred":
        if (e.ctx === "Store") {
          return this.error("starred assignment target must be in a list or tuple", e);
        }
        return this.error("can't use starred expression here", e);
      case "Slice": {
        let n = 2;
        if (e.lower) this.visitExpr(e.lower);
        else this.loadConst(NONE);
        if (e.upper) this.visitExpr(e.upper);
        else this.loadConst(NONE);
        if (e.step) {
          this.visitExpr(e.step);
          n = 3;
        }
        this.emit(Op.BUILD_SLICE, n);
        return;
      }
      case "Name":
        return this.nameop(e.id, e.ctx, e);
      case "List":
      case "Tuple":
        switch (e.ctx) {
          case "Store":
            this.unpackHelper(e.elts, e);
            for (const elt of e.elts) this.visitExpr(elt._type === "Starred" ? elt.value : elt);
            return;
          case "Del":
            for (const elt of e.elts) this.visitExpr(elt);
            return;
          case "Load":
            if (e._type === "Tuple") {
              const c = foldConst(e);
              if (c) return this.loadConst(c);
              return this.starunpack(
                e.elts,
                0,
                Op.BUILD_LIST,
                Op.LIST_APPEND,
                Op.LIST_EXTEND,
                true,
              );
            }
            if (e.elts.length > 2 && e.elts.every((x) => foldConst(x) !== null)) {
              this.emit(Op.BUILD_LIST, 0);
              this.loadConst({ kind: "tuple", items: e.elts.map((x) => foldConst(x)!) });
              this.emit(Op.LIST_EXTEND, 1);
              return;
            }
            return this.starunpack(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
        }
    }
  }

  unpackHelper(elts: A.Expr[], loc: Loc): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === "Starred" && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= (0x7fffffff >> 8)) {
          this.error("too many expressions in star-unpacking assignment", loc);
        }
        this.emit(Op.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt._type === "Starred") {
        this.error("multiple starred expressions in assignment", loc);
      }
    }
    if (!seenStar) this.emit(Op.UNPACK_SEQUENCE, n);
  }

  dict(e: A.Dict): void {
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      const k = e.keys[i];
      if (k === null) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.emit(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.emit(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.visitExpr(e.values[i]);
        this.emit(Op.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1);
        if (haveDict) this.emit(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.emit(Op.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.emit(Op.BUILD_MAP, 0);
  }

  subdict(e: A.Dict, begin: number, end: number): void {
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i]!);
      this.visitExpr(e.values[i]);
    }
    this.u.line = e.lineno;
    this.emit(Op.BUILD_MAP, end - begin);
  }

  addCompare(op: A.CmpOp): void {
    switch (op) {
      case "Eq":
        return this.emit(Op.COMPARE_OP, CMP_EQ);
      case "NotEq":
        return this.emit(Op.COMPARE_OP, CMP_NE);
      case "Lt":
        return this.emit(Op.COMPARE_OP, CMP_LT);
      case "LtE":
        return this.emit(Op.COMPARE_OP, CMP_LE);
      case "Gt":
        return this.emit(Op.COMPARE_OP, CMP_GT);
      case "GtE":
        return this.emit(Op.COMPARE_OP, CMP_GE);
      case "Is":
        return this.emit(Op.IS_OP, 0);
      case "IsNot":
        return this.emit(Op.IS_OP, 1);
      case "In":
        return this.emit(Op.CONTAINS_OP, 0);
      case "NotIn":
        return this.emit(Op.CONTAINS_OP, 1);
    }
  }

  compare(e: A.Compare): void {
    this.visitExpr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.visitExpr(e.comparators[0]);
      this.u.line = e.lineno;
      this.addCompare(e.ops[0]);
      return;
    }
    const cleanup = new Label();
    for (let i = 0; i < n; i++) {
      this.visitExpr(e.comparators[i]);
      this.u.line = e.lineno;
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      this.addCompare(e.ops[i]);
      this.emit(Op.COPY, 1);
      this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup);
      this.emit(Op.POP_TOP);
    }
    this.visitExpr(e.comparators[n]);
    this.u.line = e.lineno;
    this.addCompare(e.ops[n]);
    const end = new Label();
    this.emitJump(Pseudo.JUMP_ANY, end, true);
    this.bind(cleanup);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    this.bind(end);
  }

  /** Jump to `next` if the truth value of `e` equals `cond`; fall through otherwise. */
  jumpIf(e: A.Expr, next: Label, cond: boolean): void {
    const saved = this.u.line;
    this.u.line = e.lineno;
    this.jumpIf1(e, next, cond);
    this.u.line = saved;
  }

  jumpIf1(e: A.Expr, next: Label, cond: boolean): void {
    switch (e._type) {
      case "Constant":
        if (constTruthy(e.value) === cond) this.emitJump(Pseudo.JUMP_ANY, next);
        return;
      case "UnaryOp":
        if (e.op === "Not") return this.jumpIf(e.operand, next, !cond);
        break;
      case "BoolOp": {
        const cond2 = e.op === "Or";
        let next2 = next;
        if (cond2 !== cond) next2 = new Label();
        const n = e.values.length;
        for (let i = 0; i < n - 1; i++) this.jumpIf(e.values[i], next2, cond2);
        this.jumpIf(e.values[n - 1], next, cond);
        if (next2 !== next) this.bind(next2);
        return;
      }
      case "IfExp": {
        const end = new Label();
        const next2 = new Label();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.emitJump(Pseudo.JUMP_ANY, end, true);
        this.bind(next2);
        this.jumpIf(e.orelse, next, cond);
        this.bind(end);
        return;
      }
      case "Compare": {
        const n = e.ops.length - 1;
        if (
          n === 0 && (e.ops[0] === "Is" || e.ops[0] === "IsNot") &&
          e.comparators[0]._type === "Constant" && e.comparators[0].value.kind === "none"
        ) {
          this.visitExpr(e.left);
          this.u.line = e.lineno;
          const isNone = (e.ops[0] === "Is") === cond;
          this.emitJump(isNone ? Op.POP_JUMP_IF_NONE : Op.POP_JUMP_IF_NOT_NONE, next);
          return;
        }
        if (n > 0) {
          const cleanup = new Label();
          this.visitExpr(e.left);
          for (let i = 0; i < n; i++) {
            this.visitExpr(e.comparators[i]);
            this.u.line = e.lineno;
            this.emit(Op.SWAP, 2);
            this.emit(Op.COPY, 2);
            this.addCompare(e.ops[i]);
            this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup);
          }
          this.visitExpr(e.comparators[n]);
          this.u.line = e.lineno;
          this.addCompare(e.ops[n]);
          this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
          const end = new Label();
          this.emitJump(Pseudo.JUMP_ANY, end, true);
          this.bind(cleanup);
          this.emit(Op.POP_TOP);
          if (!cond) this.emitJump(Pseudo.JUMP_ANY, next, true);
          this.bind(end);
          return;
        }
        break;
      }
    }
    this.visitExpr(e);
    this.u.line = e.lineno;
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
  }

  // -------------------------------------------------------------------------------------
  // Comprehensions

  comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const name = e._type === "ListComp"
      ? "<listcomp>"
      : e._type === "SetComp"
      ? "<setcomp>"
      : e._type === "DictComp"
      ? "<dictcomp>"
      : "<genexpr>";
    const outermost = e.generators[0];
    this.enterScope(name, "comprehension", e, e.lineno);
    const u = this.u;
    u.line = e.lineno;
    u.argcount = 1;
    // Generator expressions are compiled eagerly as list comprehensions (documented deviation).
    this.emit(
      e._type === "SetComp" ? Op.BUILD_SET : e._type === "DictComp" ? Op.BUILD_MAP : Op.BUILD_LIST,
      0,
    );
    this.comprehensionGenerator(e, 0, 0);
    u.line = e.lineno;
    this.emit(Op.RETURN_VALUE);
    const co = this.finishUnit();
    this.exitScope();
    this.u.line = e.lineno;
    this.makeClosure(co, 0, u);
    this.emit(Op.PUSH_NULL);
    this.visitIter(outermost.iter);
    this.u.line = e.lineno;
    this.emit(Op.GET_ITER);
    this.emit(Op.CALL, 1);
    if (e._type === "GeneratorExp") this.emit(Op.GET_ITER);
  }

  comprehensionGenerator(
    e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp,
    genIndex: number,
    depth: number,
  ): void {
    const start = new Label();
    const ifCleanup = new Label();
    const anchor = new Label();
    const gen = e.generators[genIndex];
    if (genIndex === 0) {
      this.emit(Op.LOAD_FAST, this.varIndex(".0"));
    } else {
      this.visitIter(gen.iter);
      this.u.line = e.lineno;
      this.emit(Op.GET_ITER);
    }
    depth++;
    this.bind(start);
    this.emitJump(Op.FOR_ITER, anchor);
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    if (genIndex + 1 < e.generators.length) {
      this.comprehensionGenerator(e, genIndex + 1, depth);
    } else {
      switch (e._type) {
        case "ListComp":
        case "GeneratorExp":
          this.visitExpr(e.elt);
          this.emit(Op.LIST_APPEND, depth + 1);
          break;
        case "SetComp":
          this.visitExpr(e.elt);
          this.emit(Op.SET_ADD, depth + 1);
          break;
        case "DictComp":
          this.visitExpr(e.key);
          this.visitExpr(e.value);
          this.emit(Op.MAP_ADD, depth + 1);
          break;
      }
    }
    this.bind(ifCleanup);
    this.u.line = e.lineno;
    this.emitJump(Pseudo.JUMP_ANY, start, true);
    this.bind(anchor);
  }
}

function kwnamesConst(keywords: A.Keyword[]): ConstValue {
  return { kind: "tuple", items: keywords.map((k) => ({ kind: "str", value: k.arg! })) };
}

function docstring(stmts: A.Stmt[]): string | null {
  if (stmts.length === 0) return null;
  const s = stmts[0];
  if (s._type === "Expr" && s.value._type === "Constant" && s.value.value.kind === "str") {
    return s.value.value.value;
  }
  return null;
}

/** Constant folding (a small subset of CPython's AST optimizer). */
export function foldConst(e: A.Expr): ConstValue | null {
  switch (e._type) {
    case "Constant":
      return e.value;
    case "Tuple": {
      if (e.ctx !== "Load") return null;
      const items: ConstValue[] = [];
      for (const x of e.elts) {
        const c = foldConst(x);
        if (c === null) return null;
        items.push(c);
      }
      return { kind: "tuple", items };
    }
    case "UnaryOp": {
      const c = foldConst(e.operand);
      if (c === null) return null;
      if (c.kind === "int") {
        if (e.op === "USub") return { kind: "int", value: -c.value };
        if (e.op === "UAdd") return c;
        if (e.op === "Invert") return { kind: "int", value: -(c.value + 1n) };
      } else if (c.kind === "float") {
        if (e.op === "USub") return { kind: "float", value: -c.value };
        if (e.op === "UAdd") return c;
      }
      return null;
    }
    case "BinOp": {
      const l = foldConst(e.left);
      if (l === null || l.kind !== "int") return null;
      const r = foldConst(e.right);
      if (r === null || r.kind !== "int") return null;
      const a = l.value, b = r.value;
      let v: bigint;
      switch (e.op) {
        case "Add":
          v = a + b;
          break;
        case "Sub":
          v = a - b;
          break;
        case "Mult":
          v = a * b;
          break;
        case "LShift":
          if (b < 0n || b > 128n) return null;
          v = a << b;
          break;
        case "Pow":
          if (b < 0n || b > 128n) return null;
          v = a ** b;
          break;
        default:
          return null;
      }
      if (v > (1n << 128n) || v < -(1n << 128n)) return null;
      return { kind: "int", value: v };
    }
  }
  return null;
}

export function compileModule(mod: A.Module, filename: string, source?: string): CodeObject {
  const lines = source !== undefined ? source.split(/\r\n|\r|\n/) : null;
  return new Compiler(filename, lines).compileModule(mod);
}

/** Parse and compile a module. Raises PySyntaxError. */
export function compileSource(source: string, filename: string): CodeObject {
  return compileModule(parseModule(source, filename), filename, source);
}
