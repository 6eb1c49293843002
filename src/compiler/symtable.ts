// Symbol table: scope analysis following CPython 3.11's Python/symtable.c.

import type * as A from "../frontend/ast.ts";
import { PySyntaxError } from "../frontend/errors.ts";

// Symbol flags.
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

// Scopes.
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

export type BlockType = "function" | "class" | "module";

interface Loc {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export class Scope {
  name: string;
  type: BlockType;
  node: unknown;
  lineno: number;
  /** name -> flags */
  symbols = new Map<string, number>();
  /** name -> scope (after analysis) */
  scopes = new Map<string, number>();
  /** Parameters in definition order. */
  varnames: string[] = [];
  children: Scope[] = [];
  directives = new Map<string, Loc>();
  nested = false;
  isFree = false;
  childFree = false;
  comprehension: "" | "list" | "set" | "dict" | "genexpr" = "";
  compIterTarget = false;
  compIterExpr = 0;
  varargs = false;
  varkeywords = false;
  needsClassClosure = false;
  isLambda = false;

  constructor(name: string, type: BlockType, node: unknown, lineno: number) {
    this.name = name;
    this.type = type;
    this.node = node;
    this.lineno = lineno;
  }

  flagsOf(name: string): number {
    return this.symbols.get(name) ?? 0;
  }
  scopeOf(name: string): number {
    return this.scopes.get(name) ?? 0;
  }
}

export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith("__")) return name;
  if (name.endsWith("__") || name.includes(".")) return name;
  const stripped = privateName.replace(/^_+/, "");
  if (stripped === "") return name;
  return "_" + stripped + name;
}

const COMP_NAMES: Record<string, string> = {
  ListComp: "list comprehension",
  SetComp: "set comprehension",
  DictComp: "dict comprehension",
  GeneratorExp: "generator expression",
};

export class SymbolTable {
  top!: Scope;
  /** AST node -> scope */
  byNode = new Map<unknown, Scope>();
  private cur!: Scope;
  private stack: Scope[] = [];
  private private_: string | null = null;
  private filename: string;
  private sourceLines: string[] | null;

  constructor(filename: string, sourceLines: string[] | null) {
    this.filename = filename;
    this.sourceLines = sourceLines;
  }

  static build(mod: A.Module, filename: string, sourceLines: string[] | null): SymbolTable {
    const st = new SymbolTable(filename, sourceLines);
    st.top = new Scope("top", "module", mod, 0);
    st.byNode.set(mod, st.top);
    st.cur = st.top;
    for (const s of mod.body) st.visitStmt(s);
    st.analyze();
    return st;
  }

  error(msg: string, loc: Loc | null): never {
    const lineno = loc?.lineno ?? 1;
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

  private enter(name: string, type: BlockType, node: unknown, lineno: number): Scope {
    const s = new Scope(name, type, node, lineno);
    const prev = this.cur;
    if (prev.nested || prev.type === "function") s.nested = true;
    prev.children.push(s);
    this.stack.push(prev);
    this.cur = s;
    this.byNode.set(node, s);
    return s;
  }

  private exit() {
    this.cur = this.stack.pop()!;
  }

  private addDef(name: string, flag: number, loc: Loc | null, ste: Scope = this.cur) {
    const mangled = mangle(this.private_, name);
    let val = ste.symbols.get(mangled) ?? 0;
    if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
      this.error(`duplicate argument '${name}' in function definition`, loc);
    }
    val |= flag;
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        this.error(
          `comprehension inner loop cannot rebind assignment expression target '${name}'`,
          loc,
        );
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.top.symbols.set(mangled, (this.top.symbols.get(mangled) ?? 0) | flag);
    }
  }

  private unsupported(what: string, loc: Loc): never {
    this.error(`'${what}' statements are not supported by Tessera yet`, loc);
  }

  private visitStmts(ss: A.Stmt[]) {
    for (const s of ss) this.visitStmt(s);
  }

  private visitStmt(s: A.Stmt) {
    switch (s._type) {
      case "FunctionDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.args.defaults);
        for (const d of s.args.kw_defaults) if (d) this.visitExpr(d);
        this.visitExprs(s.decorator_list);
        const lineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
        this.enter(s.name, "function", s, lineno);
        this.visitArguments(s.args);
        this.visitStmts(s.body);
        this.exit();
        break;
      }
      case "AsyncFunctionDef":
        this.error("'async def' functions are not supported by Tessera yet", s);
        break;
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.visitExprs(s.decorator_list);
        const lineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
        this.enter(s.name, "class", s, lineno);
        const saved = this.private_;
        this.private_ = s.name;
        this.visitStmts(s.body);
        this.private_ = saved;
        this.exit();
        break;
      }
      case "Return":
        if (s.value) this.visitExpr(s.value);
        break;
      case "Delete":
        this.visitExprs(s.targets);
        break;
      case "Assign":
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case "AnnAssign": {
        const t = s.target;
        if (t._type === "Name") {
          const cur = this.cur.flagsOf(mangle(this.private_, t.id));
          if (
            (cur & (DEF_GLOBAL | DEF_NONLOCAL)) && this.cur.symbols !== this.top.symbols && s.simple
          ) {
            this.error(
              cur & DEF_GLOBAL
                ? `annotated name '${t.id}' can't be global`
                : `annotated name '${t.id}' can't be nonlocal`,
              s,
            );
          }
          if (s.simple && !(cur & (DEF_GLOBAL | DEF_NONLOCAL))) {
            this.addDef(t.id, DEF_ANNOT | DEF_LOCAL, t);
          } else if (s.value) {
            this.addDef(t.id, DEF_LOCAL, t);
          }
        } else {
          this.visitExpr(t);
        }
        if (s.value) this.visitExpr(s.value);
        break;
      }
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "AsyncFor":
        this.unsupported("async for", s);
        break;
      case "While":
      case "If":
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "With":
        this.unsupported("with", s);
        break;
      case "AsyncWith":
        this.unsupported("async with", s);
        break;
      case "Match":
        this.unsupported("match", s);
        break;
      case "Raise":
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case "Try":
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.finalbody);
        break;
      case "TryStar":
        this.unsupported("try/except*", s);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s._type === "Global";
        const what = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.cur.flagsOf(mangle(this.private_, name));
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${what}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${what} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${what}`;
            else msg = `name '${name}' is assigned to before ${what} declaration`;
            this.error(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          const m = mangle(this.private_, name);
          if (!this.cur.directives.has(m)) this.cur.directives.set(m, s);
        }
        break;
      }
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
    }
  }

  private visitAlias(a: A.Alias) {
    const name = a.asname ?? a.name;
    const dot = name.indexOf(".");
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name === "*") {
      if (this.cur.type !== "module") {
        this.error("import * only allowed at module level", a);
      }
      return;
    }
    this.addDef(storeName, DEF_IMPORT, a);
  }

  private visitArguments(a: A.Arguments) {
    for (const p of a.posonlyargs) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.args) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.kwonlyargs) this.addDef(p.arg, DEF_PARAM, p);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private visitExprs(es: A.Expr[]) {
    for (const e of es) this.visitExpr(e);
  }

  private extendNamedExprScope(target: A.Name, loc: Loc) {
    const name = target.id;
    for (let i = this.stack.length; i >= 0; i--) {
      const ste = i === this.stack.length ? this.cur : this.stack[i];
      if (ste.comprehension) {
        if (ste.flagsOf(name) & DEF_COMP_ITER) {
          this.error(
            `assignment expression cannot rebind comprehension iteration variable '${name}'`,
            loc,
          );
        }
        continue;
      }
      if (ste.type === "function") {
        if (ste.flagsOf(name) & DEF_GLOBAL) this.addDef(name, DEF_GLOBAL, loc);
        else this.addDef(name, DEF_NONLOCAL, loc);
        if (!this.cur.directives.has(name)) this.cur.directives.set(name, loc);
        this.addDef(name, DEF_LOCAL, loc, ste);
        return;
      }
      if (ste.type === "module") {
        this.addDef(name, DEF_GLOBAL, loc);
        this.addDef(name, DEF_GLOBAL, loc, ste);
        return;
      }
      this.error(
        "assignment expression within a comprehension cannot be used in a class body",
        loc,
      );
    }
  }

  private visitExpr(e: A.Expr) {
    switch (e._type) {
      case "NamedExpr":
        if (this.cur.compIterExpr > 0) {
          this.error(
            "assignment expression cannot be used in a comprehension iterable expression",
            e,
          );
        }
        if (this.cur.comprehension && e.target._type === "Name") {
          this.extendNamedExprScope(e.target, e);
        }
        this.visitExpr(e.value);
        this.visitExpr(e.target);
        break;
      case "BoolOp":
        this.visitExprs(e.values);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda": {
        this.visitExprs(e.args.defaults);
        for (const d of e.args.kw_defaults) if (d) this.visitExpr(d);
        const s = this.enter("lambda", "function", e, e.lineno);
        s.isLambda = true;
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exit();
        break;
      }
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        for (const k of e.keys) if (k) this.visitExpr(k);
        this.visitExprs(e.values);
        break;
      case "Set":
        this.visitExprs(e.elts);
        break;
      case "GeneratorExp":
      case "ListComp":
      case "SetComp":
      case "DictComp":
        this.visitComprehension(e);
        break;
      case "Yield":
      case "YieldFrom":
      case "Await": {
        const kw = e._type === "Await" ? "await" : "yield";
        if (this.cur.comprehension) {
          this.error(`'${kw}' inside ${COMP_NAMES[(this.cur.node as A.Expr)._type]}`, e);
        }
        if (this.cur.type !== "function") this.error(`'${kw}' outside function`, e);
        this.error(`'${kw}' is not supported by Tessera yet`, e);
        break;
      }
      case "Compare":
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case "Call":
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        this.visitExprs(e.values);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL, e);
        if (e.ctx === "Load" && this.cur.type === "function" && e.id === "super") {
          this.addDef("__class__", USE, e);
        }
        break;
      case "List":
      case "Tuple":
        this.visitExprs(e.elts);
        break;
    }
  }

  private visitComprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp) {
    const gens = e.generators;
    const outermost = gens[0];
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    const scopeName = e._type === "GeneratorExp"
      ? "genexpr"
      : e._type === "ListComp"
      ? "listcomp"
      : e._type === "SetComp"
      ? "setcomp"
      : "dictcomp";
    if (outermost.is_async) {
      this.error("asynchronous comprehension outside of an asynchronous function", e);
    }
    const s = this.enter(scopeName, "function", e, e.lineno);
    s.comprehension = e._type === "GeneratorExp"
      ? "genexpr"
      : e._type === "ListComp"
      ? "list"
      : e._type === "SetComp"
      ? "set"
      : "dict";
    this.addDef(".0", DEF_PARAM, e);
    s.compIterTarget = true;
    this.visitExpr(outermost.target);
    s.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < gens.length; i++) {
      const g = gens[i];
      if (g.is_async) {
        this.error("asynchronous comprehension outside of an asynchronous function", e);
      }
      s.compIterTarget = true;
      this.visitExpr(g.target);
      s.compIterTarget = false;
      s.compIterExpr++;
      this.visitExpr(g.iter);
      s.compIterExpr--;
      this.visitExprs(g.ifs);
    }
    if (e._type === "DictComp") {
      this.visitExpr(e.key);
      this.visitExpr(e.value);
    } else {
      this.visitExpr(e.elt);
    }
    this.exit();
  }

  // ---------------------------------------------------------------------------------------
  // Analysis

  private analyze() {
    this.analyzeBlock(this.top, null, new Set(), new Set());
  }

  private analyzeBlock(
    ste: Scope,
    bound: Set<string> | null,
    free: Set<string>,
    global: Set<string>,
  ) {
    const local = new Set<string>();
    const scopes = new Map<string, number>();
    const newglobal = new Set<string>();
    const newfree = new Set<string>();
    const newbound = new Set<string>();
    if (ste.type === "class") {
      for (const g of global) newglobal.add(g);
      if (bound) { for (const b of bound) newbound.add(b); }
    }
    for (const [name, flags] of ste.symbols) {
      this.analyzeName(ste, scopes, name, flags, bound, local, free, global);
    }
    if (ste.type !== "class") {
      if (ste.type === "function") { for (const l of local) newbound.add(l); }
      if (bound) { for (const b of bound) newbound.add(b); }
      for (const g of global) newglobal.add(g);
    } else {
      newbound.add("__class__");
    }
    const allfree = new Set<string>();
    for (const child of ste.children) {
      const tb = new Set(newbound);
      const tf = new Set(newfree);
      const tg = new Set(newglobal);
      this.analyzeBlock(child, tb, tf, tg);
      for (const f of tf) allfree.add(f);
      if (child.isFree || child.childFree) ste.childFree = true;
    }
    for (const f of allfree) newfree.add(f);
    if (ste.type === "function") {
      for (const [name, sc] of scopes) {
        if (sc !== LOCAL || !newfree.has(name)) continue;
        scopes.set(name, CELL);
        newfree.delete(name);
      }
    } else if (ste.type === "class") {
      if (newfree.has("__class__")) {
        newfree.delete("__class__");
        ste.needsClassClosure = true;
      }
    }
    // update_symbols
    for (const [name] of ste.symbols) ste.scopes.set(name, scopes.get(name) ?? 0);
    for (const name of newfree) {
      const v = ste.symbols.get(name);
      if (v !== undefined) {
        if (ste.type === "class" && (v & (DEF_BOUND | DEF_GLOBAL))) {
          ste.symbols.set(name, v | DEF_FREE_CLASS);
        }
        continue;
      }
      if (bound && !bound.has(name)) continue;
      ste.symbols.set(name, 0);
      ste.scopes.set(name, FREE);
    }
    for (const f of newfree) free.add(f);
  }

  private analyzeName(
    ste: Scope,
    scopes: Map<string, number>,
    name: string,
    flags: number,
    bound: Set<string> | null,
    local: Set<string>,
    free: Set<string>,
    global: Set<string>,
  ) {
    if (flags & DEF_GLOBAL) {
      if (flags & DEF_NONLOCAL) {
        this.error(`name '${name}' is nonlocal and global`, ste.directives.get(name) ?? null);
      }
      scopes.set(name, GLOBAL_EXPLICIT);
      global.add(name);
      if (bound) bound.delete(name);
      return;
    }
    if (flags & DEF_NONLOCAL) {
      if (!bound) {
        this.error(
          "nonlocal declaration not allowed at module level",
          ste.directives.get(name) ?? null,
        );
      }
      if (!bound.has(name)) {
        this.error(`no binding for nonlocal '${name}' found`, ste.directives.get(name) ?? null);
      }
      scopes.set(name, FREE);
      ste.isFree = true;
      free.add(name);
      return;
    }
    if (flags & DEF_BOUND) {
      scopes.set(name, LOCAL);
      local.add(name);
      global.delete(name);
      return;
    }
    if (bound && bound.has(name)) {
      scopes.set(name, FREE);
      ste.isFree = true;
      free.add(name);
      return;
    }
    if (global.has(name)) {
      scopes.set(name, GLOBAL_IMPLICIT);
      return;
    }
    if (ste.nested) ste.isFree = true;
    scopes.set(name, GLOBAL_IMPLICIT);
  }
}

/** Human-readable scope name (for tests and debugging). */
export function scopeName(sc: number): string {
  return ["?", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"][sc] ?? "?";
}
