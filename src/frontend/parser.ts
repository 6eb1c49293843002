// Recursive-descent parser for Python 3.11 producing a CPython-compatible AST (see ast.ts).

import type {
  Alias,
  Arg,
  Arguments,
  CmpOp,
  Comprehension,
  Constant,
  ExceptHandler,
  Expr,
  ExprContext,
  FormattedValue,
  JoinedStr,
  Keyword,
  Module,
  Operator,
  PyConst,
  Stmt,
  WithItem,
} from "./ast.ts";
import { PySyntaxError } from "./errors.ts";
import { T, type Token, tokenize, type Tokenized } from "./tokenizer.ts";
import { lookupUnicodeName } from "./unicode_names.ts";

/** Thrown when the source nests too deeply for the parser (CPython: RecursionError). */
export class PyParserRecursionError extends Error {
  constructor() {
    super("maximum recursion depth exceeded during compilation");
    this.name = "PyParserRecursionError";
  }
}

const MAX_DEPTH = 3000;

const KEYWORDS = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

const AUGOPS: Record<string, Operator> = {
  "+=": "Add",
  "-=": "Sub",
  "*=": "Mult",
  "@=": "MatMult",
  "/=": "Div",
  "%=": "Mod",
  "**=": "Pow",
  "<<=": "LShift",
  ">>=": "RShift",
  "|=": "BitOr",
  "^=": "BitXor",
  "&=": "BitAnd",
  "//=": "FloorDiv",
};

const CMPOPS: Record<string, CmpOp> = {
  "==": "Eq",
  "!=": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
};

// deno-lint-ignore no-explicit-any
type AnyNode = any;

/** Index of the first token of a node. */
type StartPos = number;

/** Parse a module. Throws PySyntaxError. */
export function parseModule(source: string, filename: string): Module {
  const tk = tokenize(source, filename);
  const p = new Parser(tk, filename, tk.lines);
  return p.run(() => p.file());
}

/** Name of an expression for error messages (CPython's _PyPegen_get_expr_name). */
export function exprName(e: Expr): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v.kind === "none") return "None";
      if (v.kind === "bool") return v.value ? "True" : "False";
      if (v.kind === "ellipsis") return "ellipsis";
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    default:
      return "expression";
  }
}

const utf8 = new TextEncoder();

class Parser {
  toks: Token[];
  p = 0;
  maxP = 0;
  depth = 0;
  filename: string;
  lines: string[];
  tk: Tokenized;
  asciiLine: (boolean | undefined)[] = [];
  fstringDepth = 0;

  constructor(tk: Tokenized, filename: string, lines: string[]) {
    this.tk = tk;
    this.toks = tk.tokens;
    this.filename = filename;
    this.lines = lines;
  }

  // ------------------------------------------------------------------ errors

  run<R>(f: () => R): R {
    try {
      return f();
    } catch (e) {
      throw this.finalError(e);
    }
  }

  finalError(e: unknown): unknown {
    if (!(e instanceof PySyntaxError)) return e;
    const tk = this.tk;
    const furthest = this.toks[Math.min(this.maxP, this.toks.length - 1)];
    if (furthest.type === T.ERROR && tk.error) return tk.error;
    if (furthest.type === T.EOF_IN_PAREN) return this.unclosedParen();
    if ((e as ErrWithFlags).noOverride) return e;
    if (tk.error) return tk.error;
    const last = tk.tokens[tk.tokens.length - 1];
    if (last.type === T.EOF_IN_PAREN && tk.openParens.length > 0) {
      const op = tk.openParens[tk.openParens.length - 1];
      if (furthest.line > op.line) return this.unclosedParen();
    }
    return e;
  }

  unclosedParen(): PySyntaxError {
    const op = this.tk.openParens[this.tk.openParens.length - 1];
    const err = new PySyntaxError(
      "SyntaxError",
      `'${op.ch}' was never closed`,
      this.filename,
      op.line,
      op.col + 1,
      this.lineText(op.line),
      op.line,
      0,
    );
    (err as ErrWithFlags).noOverride = true;
    return err;
  }

  lineText(ln: number): string | null {
    const l = this.lines[ln - 1];
    return l === undefined ? null : l;
  }

  /** Generic "invalid syntax" at the furthest token seen. */
  invalid(): PySyntaxError {
    const t = this.toks[Math.min(this.maxP, this.toks.length - 1)];
    if (t.type === T.ERROR && this.tk.error) return this.tk.error;
    if (t.type === T.EOF_IN_PAREN) return this.unclosedParen();
    if (t.type === T.INDENT || t.type === T.DEDENT) {
      const err = new PySyntaxError(
        "IndentationError",
        t.type === T.INDENT ? "unexpected indent" : "unexpected unindent",
        this.filename,
        t.line,
        t.endCol,
        this.lineText(t.line),
        t.line,
        -1,
      );
      (err as ErrWithFlags).noOverride = true;
      return err;
    }
    if (t.type === T.ENDMARKER) {
      return this.errTok(t, "unexpected EOF while parsing");
    }
    return this.errTok(t, "invalid syntax");
  }

  errTok(t: Token, msg: string, kind: "SyntaxError" | "IndentationError" = "SyntaxError") {
    return new PySyntaxError(
      kind,
      msg,
      this.filename,
      t.line,
      t.col + 1,
      this.lineText(t.line),
      t.endLine,
      t.endCol + 1,
    );
  }

  /** Error located at a node (or range of nodes). */
  errNode(a: AnyNode, msg: string, b?: AnyNode): PySyntaxError {
    const e = b ?? a;
    return new PySyntaxError(
      "SyntaxError",
      msg,
      this.filename,
      a.lineno,
      this.charCol(a.lineno, a.col_offset) + 1,
      this.lineText(a.lineno),
      e.end_lineno,
      this.charCol(e.end_lineno, e.end_col_offset) + 1,
    );
  }

  // ------------------------------------------------------------------ positions

  bcol(line: number, col: number): number {
    let a = this.asciiLine[line];
    const text = this.lines[line - 1];
    if (text === undefined) return col;
    if (a === undefined) {
      a = true;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) >= 128) {
          a = false;
          break;
        }
      }
      this.asciiLine[line] = a;
    }
    if (a) return col;
    return utf8.encode(text.slice(0, col)).length;
  }

  charCol(line: number, bcol: number): number {
    const text = this.lines[line - 1];
    if (text === undefined || this.asciiLine[line] !== false) return bcol;
    const bytes = utf8.encode(text);
    return new TextDecoder().decode(bytes.slice(0, bcol)).length;
  }

  startOf(t: Token): StartPos {
    return t.idx;
  }

  setStart(node: AnyNode, s: StartPos): void {
    const t = this.toks[s];
    node.lineno = t.line;
    node.col_offset = this.bcol(t.line, t.col);
  }

  /** Fill position fields from start to the end of the previous token. */
  fin<N>(node: N, s: StartPos): N {
    const prev = this.toks[this.p - 1];
    const n = node as AnyNode;
    const t = this.toks[s];
    n.lineno = t.line;
    n.col_offset = this.bcol(t.line, t.col);
    n.end_lineno = prev.endLine;
    n.end_col_offset = this.bcol(prev.endLine, prev.endCol);
    return node;
  }

  span<N>(node: N, a: AnyNode, b: AnyNode): N {
    const n = node as AnyNode;
    n.lineno = a.lineno;
    n.col_offset = a.col_offset;
    n.end_lineno = b.end_lineno;
    n.end_col_offset = b.end_col_offset;
    return node;
  }

  // ------------------------------------------------------------------ token helpers

  peek(k = 0): Token {
    const i = Math.min(this.p + k, this.toks.length - 1);
    if (i > this.maxP) this.maxP = i;
    return this.toks[i];
  }

  next(): Token {
    const t = this.peek();
    if (t.type === T.ERROR || t.type === T.EOF_IN_PAREN) throw this.invalid();
    this.p++;
    return t;
  }

  isOp(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === T.OP && t.value === v;
  }

  isKw(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === T.NAME && t.value === v;
  }

  isName(k = 0): boolean {
    const t = this.peek(k);
    return t.type === T.NAME && !KEYWORDS.has(t.value);
  }

  eatOp(v: string): boolean {
    if (this.isOp(v)) {
      this.p++;
      return true;
    }
    return false;
  }

  eatKw(v: string): boolean {
    if (this.isKw(v)) {
      this.p++;
      return true;
    }
    return false;
  }

  expectOp(v: string): Token {
    if (!this.isOp(v)) throw this.invalid();
    return this.next();
  }

  /** Forced token: "expected 'X'". */
  forceOp(v: string): Token {
    if (!this.isOp(v)) {
      const t = this.peek();
      if (t.type === T.ERROR || t.type === T.EOF_IN_PAREN) throw this.invalid();
      throw this.errTok(t, `expected '${v}'`);
    }
    return this.next();
  }

  expectKw(v: string): Token {
    if (!this.isKw(v)) throw this.invalid();
    return this.next();
  }

  expectName(): string {
    if (!this.isName()) throw this.invalid();
    return this.next().value;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw new PyParserRecursionError();
  }

  /** Can the current token start an expression? */
  startsExpr(k = 0): boolean {
    const t = this.peek(k);
    switch (t.type) {
      case T.NAME:
        return !KEYWORDS.has(t.value) || t.value === "None" || t.value === "True" ||
          t.value === "False" || t.value === "not" || t.value === "lambda" ||
          t.value === "await";
      case T.NUMBER:
      case T.STRING:
        return true;
      case T.OP:
        return t.value === "(" || t.value === "[" || t.value === "{" || t.value === "-" ||
          t.value === "+" || t.value === "~" || t.value === "...";
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------ statements

  file(): Module {
    const body: Stmt[] = [];
    while (this.peek().type !== T.ENDMARKER) {
      this.statement(body);
    }
    return { _type: "Module", body, type_ignores: [] };
  }

  statement(out: Stmt[]): void {
    const t = this.peek();
    if (t.type === T.NAME) {
      switch (t.value) {
        case "def":
          out.push(this.funcDef([], null));
          return;
        case "if":
          out.push(this.ifStmt());
          return;
        case "class":
          out.push(this.classDef([], null));
          return;
        case "with":
          out.push(this.withStmt(null));
          return;
        case "for":
          out.push(this.forStmt(null));
          return;
        case "try":
          out.push(this.tryStmt());
          return;
        case "while":
          out.push(this.whileStmt());
          return;
        case "async": {
          const n = this.peek(1);
          if (n.type === T.NAME) {
            if (n.value === "def") {
              this.p++;
              out.push(this.funcDef([], t));
              return;
            }
            if (n.value === "for") {
              this.p++;
              out.push(this.forStmt(t));
              return;
            }
            if (n.value === "with") {
              this.p++;
              out.push(this.withStmt(t));
              return;
            }
          }
          break;
        }
      }
    } else if (t.type === T.OP && t.value === "@") {
      out.push(this.decorated());
      return;
    } else if (t.type === T.INDENT || t.type === T.DEDENT) {
      throw this.invalid();
    }
    this.simpleStmts(out);
  }

  simpleStmts(out: Stmt[]): void {
    while (true) {
      out.push(this.simpleStmt());
      if (this.eatOp(";")) {
        if (this.peek().type === T.NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.peek().type !== T.NEWLINE) throw this.invalid();
    this.p++;
  }

  simpleStmt(): Stmt {
    const t = this.peek();
    const s = this.startOf(t);
    if (t.type === T.NAME) {
      switch (t.value) {
        case "pass":
          this.p++;
          return this.fin({ _type: "Pass" } as AnyNode, s);
        case "break":
          this.p++;
          return this.fin({ _type: "Break" } as AnyNode, s);
        case "continue":
          this.p++;
          return this.fin({ _type: "Continue" } as AnyNode, s);
        case "return": {
          this.p++;
          const value = this.atStmtEnd() ? null : this.starExpressions();
          return this.fin({ _type: "Return", value } as AnyNode, s);
        }
        case "raise": {
          this.p++;
          let exc: Expr | null = null;
          let cause: Expr | null = null;
          if (!this.atStmtEnd()) {
            exc = this.expression();
            if (this.eatKw("from")) cause = this.expression();
          }
          return this.fin({ _type: "Raise", exc, cause } as AnyNode, s);
        }
        case "global":
        case "nonlocal": {
          this.p++;
          const names = [this.expectName()];
          while (this.eatOp(",")) names.push(this.expectName());
          return this.fin(
            { _type: t.value === "global" ? "Global" : "Nonlocal", names } as AnyNode,
            s,
          );
        }
        case "del":
          return this.delStmt();
        case "assert": {
          this.p++;
          const test = this.expression();
          const msg = this.eatOp(",") ? this.expression() : null;
          return this.fin({ _type: "Assert", test, msg } as AnyNode, s);
        }
        case "import":
          return this.importStmt();
        case "from":
          return this.fromImport();
      }
    }
    return this.exprStmt();
  }

  atStmtEnd(): boolean {
    const t = this.peek();
    return t.type === T.NEWLINE || (t.type === T.OP && t.value === ";");
  }

  exprStmt(): Stmt {
    const t0 = this.peek();
    const s = this.startOf(t0);
    const startP = this.p;
    const first = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
    const t = this.peek();
    if (t.type === T.OP) {
      if (t.value === "=") {
        if (
          first._type !== "Yield" && first._type !== "YieldFrom" && invalidTarget(first, "star")
        ) {
          this.checkNamedEq(first, startP);
        }
        const exprs: Expr[] = [first];
        while (this.eatOp("=")) {
          exprs.push(this.isKw("yield") ? this.yieldExpr() : this.starExpressions());
        }
        const value = exprs.pop()!;
        // validate targets
        for (let i = 0; i < exprs.length; i++) {
          const tg = exprs[i];
          if (tg._type === "Yield" || tg._type === "YieldFrom") {
            throw this.errNode(tg, "assignment to yield expression not possible");
          }
          const bad = invalidTarget(tg, "star");
          if (bad) throw this.errNode(bad, `cannot assign to ${exprName(bad)}`);
          setCtx(tg, "Store");
        }
        if (!this.atStmtEnd()) throw this.invalid();
        return this.fin(
          { _type: "Assign", targets: exprs, value, type_comment: null } as AnyNode,
          s,
        );
      }
      if (t.value === ":") {
        // annotated assignment
        if (first._type === "Tuple") {
          throw this.errNode(first, "only single target (not tuple) can be annotated");
        }
        if (first._type === "List") {
          throw this.errNode(first, "only single target (not list) can be annotated");
        }
        if (first._type !== "Name" && first._type !== "Attribute" && first._type !== "Subscript") {
          throw this.errNode(first, "illegal target for annotation");
        }
        this.p++;
        const annotation = this.expression();
        let value: Expr | null = null;
        if (this.eatOp("=")) {
          value = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
        }
        setCtx(first, "Store");
        const parenthesized = t0.type === T.OP && t0.value === "(";
        return this.fin({
          _type: "AnnAssign",
          target: first,
          annotation,
          value,
          simple: first._type === "Name" && !parenthesized ? 1 : 0,
        } as AnyNode, s);
      }
      const aug = AUGOPS[t.value];
      if (aug) {
        if (first._type !== "Name" && first._type !== "Attribute" && first._type !== "Subscript") {
          throw this.errNode(
            first,
            `'${exprName(first)}' is an illegal expression for augmented assignment`,
          );
        }
        this.p++;
        const value = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
        setCtx(first, "Store");
        return this.fin({ _type: "AugAssign", target: first, op: aug, value } as AnyNode, s);
      }
    }
    if (!this.atStmtEnd()) {
      this.checkLegacyPrint(first);
      throw this.invalid();
    }
    return this.fin({ _type: "Expr", value: first } as AnyNode, s);
  }

  /** invalid_legacy_expression: `print x` */
  checkLegacyPrint(a: Expr): void {
    if (a._type !== "Name" || (a.id !== "print" && a.id !== "exec")) return;
    if (this.isOp("(") || !this.startsExpr()) return;
    const save = this.p;
    let b: Expr | null = null;
    try {
      b = this.starExpressions();
    } catch {
      b = null;
    }
    this.p = save;
    if (b) {
      throw this.errNode(
        a,
        `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`,
        b,
      );
    }
  }

  /**
   * invalid_named_expression (`x = 1` where an expression is expected / an invalid target
   * followed by `=`). `e` is the expression just parsed starting at token index `startP`; the
   * current token is `=`.
   */
  checkNamedEq(e: Expr, startP: number): void {
    if (!this.isOp("=")) return;
    let el = e;
    if (e._type === "Tuple" && !this.isParenStart(startP, e)) {
      el = e.elts[e.elts.length - 1];
      if (!el) return;
      // find start token of the element
      startP = this.findTok(el, startP);
    }
    const st = this.toks[startP];
    const save = this.p;
    this.p++;
    let ok = false;
    try {
      this.bitwiseOr();
      ok = !this.isOp("=") && !this.isOp(":=");
    } catch {
      ok = false;
    }
    this.p = save;
    if (!ok) return;
    if (el._type === "Name") {
      const saveP = this.p;
      this.p++;
      const b = this.bitwiseOr();
      this.p = saveP;
      throw this.errNode(el, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", b);
    }
    if (el._type === "List" || el._type === "Tuple" || el._type === "GeneratorExp") return;
    if (
      st.type === T.NAME && (st.value === "True" || st.value === "False" || st.value === "None")
    ) {
      return;
    }
    if (st.type === T.OP && (st.value === "(" || st.value === "[")) {
      // a leading list/tuple/genexp atom blocks the rule
      const close = this.matchClose(startP);
      const inner = this.toks[startP + 1];
      if (st.value === "[") return;
      if (close > 0 && !(inner.type === T.OP && inner.value === ")")) {
        // (x) is a group, not a tuple, unless it contains a top-level comma or 'for'
        if (this.hasTopLevelCommaOrFor(startP, close)) return;
      } else return;
    }
    if (
      el._type === "Compare" || el._type === "BoolOp" || el._type === "IfExp" ||
      el._type === "Lambda" || el._type === "NamedExpr" || el._type === "Starred" ||
      (el._type === "UnaryOp" && el.op === "Not")
    ) return;
    throw this.errNode(
      el,
      `cannot assign to ${exprName(el)} here. Maybe you meant '==' instead of '='?`,
    );
  }

  isParenStart(startP: number, e: Expr): boolean {
    const t = this.toks[startP];
    return t.type === T.OP && t.value === "(" && this.bcol(t.line, t.col) === e.col_offset &&
      t.line === e.lineno;
  }

  findTok(e: Expr, from: number): number {
    for (let i = from; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.line === e.lineno && this.bcol(t.line, t.col) === e.col_offset) return i;
      if (t.line > e.lineno) break;
    }
    return from;
  }

  matchClose(openIdx: number): number {
    let d = 0;
    for (let i = openIdx; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.type !== T.OP) continue;
      if (t.value === "(" || t.value === "[" || t.value === "{") d++;
      else if (t.value === ")" || t.value === "]" || t.value === "}") {
        d--;
        if (d === 0) return i;
      }
    }
    return -1;
  }

  hasTopLevelCommaOrFor(open: number, close: number): boolean {
    let d = 0;
    for (let i = open + 1; i < close; i++) {
      const t = this.toks[i];
      if (t.type === T.OP) {
        if (t.value === "(" || t.value === "[" || t.value === "{") d++;
        else if (t.value === ")" || t.value === "]" || t.value === "}") d--;
        else if (d === 0 && t.value === ",") return true;
      } else if (d === 0 && t.type === T.NAME && t.value === "for") return true;
    }
    return false;
  }

  delStmt(): Stmt {
    const s = this.startOf(this.next());
    const targets: Expr[] = [];
    while (true) {
      const e = this.bitwiseOrOrStar();
      targets.push(e);
      if (!this.eatOp(",")) break;
      if (this.atStmtEnd()) break;
    }
    if (!this.atStmtEnd()) throw this.invalid();
    for (const tg of targets) {
      const bad = invalidTarget(tg, "del");
      if (bad) throw this.errNode(bad, `cannot delete ${exprName(bad)}`);
      setCtx(tg, "Del");
    }
    return this.fin({ _type: "Delete", targets } as AnyNode, s);
  }

  importStmt(): Stmt {
    const s = this.startOf(this.next());
    const names: Alias[] = [];
    do {
      const as = this.startOf(this.peek());
      let name = this.expectName();
      while (this.eatOp(".")) name += "." + this.expectName();
      const asname = this.eatKw("as") ? this.expectName() : null;
      names.push(this.fin({ _type: "alias", name, asname } as AnyNode, as));
    } while (this.eatOp(","));
    return this.fin({ _type: "Import", names } as AnyNode, s);
  }

  fromImport(): Stmt {
    const s = this.startOf(this.next());
    let level = 0;
    while (true) {
      if (this.eatOp(".")) level++;
      else if (this.eatOp("...")) level += 3;
      else break;
    }
    let module: string | null = null;
    if (!this.isKw("import")) {
      module = this.expectName();
      while (this.eatOp(".")) module += "." + this.expectName();
    }
    this.expectKw("import");
    const names: Alias[] = [];
    if (this.isOp("*")) {
      const as = this.startOf(this.next());
      names.push(this.fin({ _type: "alias", name: "*", asname: null } as AnyNode, as));
    } else {
      const paren = this.eatOp("(");
      while (true) {
        const as = this.startOf(this.peek());
        const name = this.expectName();
        const asname = this.eatKw("as") ? this.expectName() : null;
        names.push(this.fin({ _type: "alias", name, asname } as AnyNode, as));
        if (!this.eatOp(",")) break;
        if (paren && this.isOp(")")) break;
        if (!paren && this.atStmtEnd()) {
          throw this.errTok(
            this.peek(),
            "trailing comma not allowed without surrounding parentheses",
          );
        }
      }
      if (paren) this.expectOp(")");
    }
    return this.fin({ _type: "ImportFrom", module, names, level } as AnyNode, s);
  }

  // ------------------------------------------------------------------ blocks

  /** ':' then block. `what` describes the construct for IndentationError messages. */
  block(what: string, line: number): Stmt[] {
    this.forceOp(":");
    return this.blockBody(what, line);
  }

  blockBody(what: string, line: number): Stmt[] {
    const body: Stmt[] = [];
    if (this.peek().type === T.NEWLINE) {
      this.p++;
      const t = this.peek();
      if (t.type !== T.INDENT) {
        if (t.type === T.ERROR || t.type === T.EOF_IN_PAREN) throw this.invalid();
        const err = this.errTok(
          t,
          `expected an indented block after ${what} on line ${line}`,
          "IndentationError",
        );
        (err as ErrWithFlags).noOverride = false;
        throw err;
      }
      this.p++;
      this.enter();
      while (this.peek().type !== T.DEDENT) {
        if (this.peek().type === T.ENDMARKER) throw this.invalid();
        this.statement(body);
      }
      this.depth--;
      this.p++;
    } else {
      this.simpleStmts(body);
    }
    return body;
  }

  lastEnd(node: AnyNode, body: Stmt[]): void {
    const last = body[body.length - 1] as AnyNode;
    node.end_lineno = last.end_lineno;
    node.end_col_offset = last.end_col_offset;
  }

  ifStmt(): Stmt {
    const kw = this.next(); // 'if' or 'elif'
    const s = this.startOf(kw);
    const test = this.namedExpressionCond();
    const body = this.block(`'${kw.value}' statement`, kw.line);
    let orelse: Stmt[] = [];
    if (this.isKw("elif")) {
      orelse = [this.ifStmt()];
    } else if (this.isKw("else")) {
      const e = this.next();
      orelse = this.block("'else' statement", e.line);
    }
    const node: AnyNode = { _type: "If", test, body, orelse };
    this.setStart(node, s);
    this.lastEnd(node, orelse.length ? orelse : body);
    return node;
  }

  whileStmt(): Stmt {
    const kw = this.next();
    const s = this.startOf(kw);
    const test = this.namedExpressionCond();
    const body = this.block("'while' statement", kw.line);
    let orelse: Stmt[] = [];
    if (this.isKw("else")) {
      const e = this.next();
      orelse = this.block("'else' statement", e.line);
    }
    const node: AnyNode = { _type: "While", test, body, orelse };
    this.setStart(node, s);
    this.lastEnd(node, orelse.length ? orelse : body);
    return node;
  }

  forStmt(asyncTok: Token | null): Stmt {
    const kw = this.next();
    const s = this.startOf(asyncTok ?? kw);
    const target = this.starTargets();
    if (!this.isKw("in")) {
      if (this.isOp("=") || this.startsExpr() || this.isOp("*") || this.isOp(",")) {
        // try to produce a nicer error like CPython's invalid_for_target
      }
      throw this.invalid();
    }
    this.p++;
    const iter = this.starExpressions();
    const body = this.block("'for' statement", kw.line);
    let orelse: Stmt[] = [];
    if (this.isKw("else")) {
      const e = this.next();
      orelse = this.block("'else' statement", e.line);
    }
    const node: AnyNode = {
      _type: asyncTok ? "AsyncFor" : "For",
      target,
      iter,
      body,
      orelse,
      type_comment: null,
    };
    this.setStart(node, s);
    this.lastEnd(node, orelse.length ? orelse : body);
    return node;
  }

  /** star_targets for `for` loops and comprehensions (stops before `in`). */
  starTargets(): Expr {
    const t0 = this.peek();
    const s = this.startOf(t0);
    const first = this.bitwiseOrOrStar();
    let e: Expr = first;
    if (this.isOp(",")) {
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isKw("in") || this.isOp("=")) break;
        elts.push(this.bitwiseOrOrStar());
      }
      e = this.fin({ _type: "Tuple", elts, ctx: "Store" } as AnyNode, s);
    }
    const bad = invalidTarget(e, "star");
    if (bad) throw this.errNode(bad, `cannot assign to ${exprName(bad)}`);
    setCtx(e, "Store");
    return e;
  }

  bitwiseOrOrStar(): Expr {
    if (this.isOp("*")) {
      const s = this.startOf(this.next());
      const value = this.bitwiseOr();
      return this.fin({ _type: "Starred", value, ctx: "Load" } as AnyNode, s);
    }
    return this.bitwiseOr();
  }

  withStmt(asyncTok: Token | null): Stmt {
    const kw = this.next();
    const s = this.startOf(asyncTok ?? kw);
    let items: WithItem[] | null = null;
    if (this.isOp("(")) {
      const save = this.p;
      try {
        this.p++;
        const its: WithItem[] = [];
        while (true) {
          its.push(this.withItem());
          if (!this.eatOp(",")) break;
          if (this.isOp(")")) break;
        }
        this.expectOp(")");
        if (!this.isOp(":")) throw this.invalid();
        items = its;
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        this.p = save;
        items = null;
      }
    }
    if (!items) {
      items = [];
      while (true) {
        items.push(this.withItem());
        if (!this.eatOp(",")) break;
      }
    }
    const body = this.block("'with' statement", kw.line);
    const node: AnyNode = {
      _type: asyncTok ? "AsyncWith" : "With",
      items,
      body,
      type_comment: null,
    };
    this.setStart(node, s);
    this.lastEnd(node, body);
    return node;
  }

  withItem(): WithItem {
    const context_expr = this.expression();
    let optional_vars: Expr | null = null;
    if (this.eatKw("as")) {
      optional_vars = this.starTarget();
    }
    return { _type: "withitem", context_expr, optional_vars };
  }

  /** single star_target (used by `with ... as`). */
  starTarget(): Expr {
    const e = this.bitwiseOrOrStar();
    const bad = invalidTarget(e, "star");
    if (bad) throw this.errNode(bad, `cannot assign to ${exprName(bad)}`);
    setCtx(e, "Store");
    return e;
  }

  tryStmt(): Stmt {
    const kw = this.next();
    const s = this.startOf(kw);
    const body = this.block("'try' statement", kw.line);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    let star = false;
    while (this.isKw("except")) {
      const et = this.next();
      const hs = this.startOf(et);
      if (this.eatOp("*")) star = true;
      let type: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(":")) {
        type = this.expression();
        if (this.isOp(",")) {
          const save = this.p;
          this.p++;
          let ok = true;
          try {
            this.expression();
          } catch {
            ok = false;
          }
          this.p = save;
          if (ok) {
            const b = this.exprAt(save + 1);
            throw this.errNode(type, "multiple exception types must be parenthesized", b);
          }
        }
        if (this.eatKw("as")) name = this.expectName();
      }
      const hbody = this.block(star ? "'except*' statement" : "'except' statement", et.line);
      const h: AnyNode = { _type: "ExceptHandler", type, name, body: hbody };
      this.setStart(h, hs);
      this.lastEnd(h, hbody);
      handlers.push(h);
    }
    if (handlers.length && this.isKw("else")) {
      const e = this.next();
      orelse = this.block("'else' statement", e.line);
    }
    if (this.isKw("finally")) {
      const f = this.next();
      finalbody = this.block("'finally' statement", f.line);
    }
    if (!handlers.length && !finalbody.length) {
      let i = this.p;
      while (this.toks[i].type === T.DEDENT) i++;
      let t = this.toks[i];
      if (i > this.maxP) this.maxP = i;
      if (t.type === T.ERROR || t.type === T.EOF_IN_PAREN) throw this.invalid();
      if (t.type === T.ENDMARKER) {
        let k = this.p - 1;
        while (k > 0 && this.toks[k].type !== T.NEWLINE) k--;
        t = this.toks[k];
      }
      throw this.errTok(t, "expected 'except' or 'finally' block");
    }
    const node: AnyNode = {
      _type: star ? "TryStar" : "Try",
      body,
      handlers,
      orelse,
      finalbody,
    };
    this.setStart(node, s);
    this.lastEnd(
      node,
      (finalbody.length
        ? finalbody
        : orelse.length
        ? orelse
        : handlers.length
        ? handlers
        : body) as Stmt[],
    );
    return node;
  }

  exprAt(p: number): Expr {
    const save = this.p;
    this.p = p;
    try {
      return this.expression();
    } finally {
      this.p = save;
    }
  }

  decorated(): Stmt {
    const decos: Expr[] = [];
    while (this.eatOp("@")) {
      decos.push(this.namedExpression());
      if (this.peek().type !== T.NEWLINE) throw this.invalid();
      this.p++;
    }
    if (this.isKw("def")) return this.funcDef(decos, null);
    if (this.isKw("class")) return this.classDef(decos, null);
    if (this.isKw("async") && this.isKw("def", 1)) {
      const a = this.next();
      return this.funcDef(decos, a);
    }
    throw this.invalid();
  }

  funcDef(decorator_list: Expr[], asyncTok: Token | null): Stmt {
    const kw = this.next();
    const s = this.startOf(asyncTok ?? kw);
    const name = this.expectName();
    this.forceOp("(");
    const args = this.params(false);
    this.expectOp(")");
    let returns: Expr | null = null;
    if (this.eatOp("->")) returns = this.expression();
    const body = this.block("function definition", kw.line);
    const node: AnyNode = {
      _type: asyncTok ? "AsyncFunctionDef" : "FunctionDef",
      name,
      args,
      body,
      decorator_list,
      returns,
      type_comment: null,
    };
    this.setStart(node, s);
    this.lastEnd(node, body);
    return node;
  }

  classDef(decorator_list: Expr[], _a: Token | null): Stmt {
    const kw = this.next();
    const s = this.startOf(kw);
    const name = this.expectName();
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.isOp("(")) {
      const open = this.next();
      [bases, keywords] = this.callArgs(open);
      this.expectOp(")");
    }
    const body = this.block("class definition", kw.line);
    const node: AnyNode = { _type: "ClassDef", name, bases, keywords, body, decorator_list };
    this.setStart(node, s);
    this.lastEnd(node, body);
    return node;
  }

  /** Parameter list for def (lambda=false, closing ')') or lambda (closing ':'). */
  params(lambda: boolean): Arguments {
    const res: Arguments = {
      _type: "arguments",
      posonlyargs: [],
      args: [],
      vararg: null,
      kwonlyargs: [],
      kw_defaults: [],
      kwarg: null,
      defaults: [],
    };
    const close = lambda ? ":" : ")";
    let sawDefault = false;
    let sawStar = false;
    let sawSlash = false;
    let starTok: Token | null = null;
    while (!this.isOp(close)) {
      const t = this.peek();
      if (res.kwarg) {
        throw this.errTok(t, "arguments cannot follow var-keyword argument");
      }
      if (this.isOp("/")) {
        if (sawSlash) throw this.errTok(t, "/ may appear only once");
        if (sawStar) throw this.errTok(t, "/ must be ahead of *");
        if (res.args.length === 0) throw this.errTok(t, "at least one argument must precede /");
        this.p++;
        sawSlash = true;
        res.posonlyargs = res.args;
        res.args = [];
      } else if (this.isOp("*")) {
        if (sawStar) throw this.errTok(t, "* argument may appear only once");
        starTok = this.next();
        sawStar = true;
        if (this.isOp(",") || this.isOp(close)) {
          // bare star
          const nt = this.peek(this.isOp(",") ? 1 : 0);
          if (this.isOp(close) || (nt.type === T.OP && (nt.value === "**" || nt.value === close))) {
            throw this.errTok(starTok, "named arguments must follow bare *");
          }
        } else {
          res.vararg = this.param(lambda, true);
          if (this.isOp("=")) {
            throw this.errTok(this.peek(), "var-positional argument cannot have default value");
          }
        }
      } else if (this.isOp("**")) {
        this.p++;
        res.kwarg = this.param(lambda, false);
        if (this.isOp("=")) {
          throw this.errTok(this.peek(), "var-keyword argument cannot have default value");
        }
      } else {
        const a = this.param(lambda, false);
        let def: Expr | null = null;
        if (this.eatOp("=")) def = this.expression();
        if (sawStar) {
          res.kwonlyargs.push(a);
          res.kw_defaults.push(def);
        } else {
          if (def) {
            sawDefault = true;
            res.defaults.push(def);
          } else if (sawDefault) {
            throw this.errNode(a, "non-default argument follows default argument");
          }
          res.args.push(a);
        }
      }
      if (!this.eatOp(",")) break;
    }
    if (!this.isOp(close)) throw this.invalid();
    return res;
  }

  param(lambda: boolean, star: boolean): Arg {
    const t = this.peek();
    const s = this.startOf(t);
    const name = this.expectName();
    let annotation: Expr | null = null;
    if (!lambda && this.eatOp(":")) {
      annotation = star && this.isOp("*") ? this.starExpression() : this.expression();
    }
    return this.fin({ _type: "arg", arg: name, annotation, type_comment: null } as AnyNode, s);
  }

  // ------------------------------------------------------------------ expressions

  starExpressions(): Expr {
    const t = this.peek();
    const s = this.startOf(t);
    const first = this.starExpression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsExpr() && !this.isOp("*")) break;
      elts.push(this.starExpression());
    }
    return this.fin({ _type: "Tuple", elts, ctx: "Load" } as AnyNode, s);
  }

  starExpression(): Expr {
    if (this.isOp("*")) {
      const s = this.startOf(this.next());
      const value = this.bitwiseOr();
      return this.fin({ _type: "Starred", value, ctx: "Load" } as AnyNode, s);
    }
    return this.expression();
  }

  starNamedExpression(): Expr {
    if (this.isOp("*")) {
      const s = this.startOf(this.next());
      const value = this.bitwiseOr();
      return this.fin({ _type: "Starred", value, ctx: "Load" } as AnyNode, s);
    }
    return this.namedExpression();
  }

  namedExpression(): Expr {
    if (this.isName() && this.isOp(":=", 1)) {
      const t = this.next();
      const s = this.startOf(t);
      const target = this.fin({ _type: "Name", id: t.value, ctx: "Store" } as AnyNode, s);
      this.p++;
      const value = this.expression();
      return this.fin({ _type: "NamedExpr", target, value } as AnyNode, s);
    }
    const startP = this.p;
    const e = this.expression();
    if (this.isOp(":=")) {
      throw this.errNode(e, `cannot use assignment expressions with ${exprName(e)}`);
    }
    if (this.isOp("=")) this.checkNamedEq(e, startP);
    return e;
  }

  /** Condition of if/elif/while. */
  namedExpressionCond(): Expr {
    return this.namedExpression();
  }

  expression(): Expr {
    this.enter();
    try {
      if (this.isKw("lambda")) return this.lambdef();
      const startIdx = this.p;
      const t = this.peek();
      const s = this.startOf(t);
      const body = this.disjunction();
      if (this.isKw("if")) {
        this.p++;
        const test = this.disjunction();
        if (!this.eatKw("else")) {
          if (!this.isOp(":")) {
            throw this.errNode(body, "expected 'else' after 'if' expression", test);
          }
          throw this.invalid();
        }
        const orelse = this.expression();
        return this.fin({ _type: "IfExp", test, body, orelse } as AnyNode, s);
      }
      if (this.peek().level > 0 || this.toks[this.p - 1].level > 0) {
        this.checkMissingComma(body, t, startIdx);
      }
      return body;
    } finally {
      this.depth--;
    }
  }

  /** invalid_expression: `[a b]` -> "Perhaps you forgot a comma?" */
  checkMissingComma(a: Expr, first: Token, firstIdx: number): void {
    if (this.toks[this.p - 1].level === 0) return;
    if (!this.startsExpr()) return;
    if (first.type === T.NAME && this.toks[firstIdx + 1]?.type === T.STRING) return;
    if (
      first.type === T.NAME &&
      (first.value === "match" || first.value === "case" || first.value === "_")
    ) {
      return;
    }
    const save = this.p;
    let b: Expr | null = null;
    try {
      b = this.expression();
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      b = null;
    }
    this.p = save;
    if (!b) return;
    if (a._type === "Name" && (a.id === "print" || a.id === "exec")) {
      this.checkLegacyPrint(a);
      return;
    }
    throw this.errNode(a, "invalid syntax. Perhaps you forgot a comma?", b);
  }

  lambdef(): Expr {
    const s = this.startOf(this.next());
    const args = this.params(true);
    this.expectOp(":");
    const body = this.expression();
    return this.fin({ _type: "Lambda", args, body } as AnyNode, s);
  }

  disjunction(): Expr {
    const s = this.startOf(this.peek());
    const first = this.conjunction();
    if (!this.isKw("or")) return first;
    const values = [first];
    while (this.eatKw("or")) values.push(this.conjunction());
    return this.fin({ _type: "BoolOp", op: "Or", values } as AnyNode, s);
  }

  conjunction(): Expr {
    const s = this.startOf(this.peek());
    const first = this.inversion();
    if (!this.isKw("and")) return first;
    const values = [first];
    while (this.eatKw("and")) values.push(this.inversion());
    return this.fin({ _type: "BoolOp", op: "And", values } as AnyNode, s);
  }

  inversion(): Expr {
    if (this.isKw("not")) {
      this.enter();
      const s = this.startOf(this.next());
      const operand = this.inversion();
      this.depth--;
      return this.fin({ _type: "UnaryOp", op: "Not", operand } as AnyNode, s);
    }
    return this.comparison();
  }

  comparison(): Expr {
    const s = this.startOf(this.peek());
    const left = this.bitwiseOr();
    const ops: CmpOp[] = [];
    const comparators: Expr[] = [];
    while (true) {
      const t = this.peek();
      let op: CmpOp | undefined;
      if (t.type === T.OP) {
        op = CMPOPS[t.value];
        if (op) this.p++;
      } else if (t.type === T.NAME) {
        if (t.value === "in") {
          op = "In";
          this.p++;
        } else if (t.value === "not" && this.isKw("in", 1)) {
          op = "NotIn";
          this.p += 2;
        } else if (t.value === "is") {
          this.p++;
          op = this.eatKw("not") ? "IsNot" : "Is";
        }
      }
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (!ops.length) return left;
    return this.fin({ _type: "Compare", left, ops, comparators } as AnyNode, s);
  }

  binLevel(level: number): Expr {
    const s = this.p;
    const ops = BIN_LEVELS[level];
    let left = level < 5 ? this.binLevel(level + 1) : this.factor();
    while (true) {
      const t = this.peek();
      if (t.type !== T.OP) break;
      const op = ops[t.value];
      if (!op) break;
      this.p++;
      const right = level < 5 ? this.binLevel(level + 1) : this.factor();
      left = this.fin({ _type: "BinOp", left, op, right } as AnyNode, s);
    }
    return left;
  }

  bitwiseOr(): Expr {
    return this.binLevel(0);
  }

  factor(): Expr {
    const t = this.peek();
    if (t.type === T.OP && (t.value === "-" || t.value === "+" || t.value === "~")) {
      this.enter();
      const s = this.startOf(this.next());
      const operand = this.factor();
      this.depth--;
      const op = t.value === "-" ? "USub" : t.value === "+" ? "UAdd" : "Invert";
      return this.fin({ _type: "UnaryOp", op, operand } as AnyNode, s);
    }
    return this.power();
  }

  power(): Expr {
    const s = this.startOf(this.peek());
    const left = this.awaitPrimary();
    if (this.eatOp("**")) {
      const right = this.factor();
      return this.fin({ _type: "BinOp", left, op: "Pow", right } as AnyNode, s);
    }
    return left;
  }

  awaitPrimary(): Expr {
    if (this.isKw("await")) {
      const s = this.startOf(this.next());
      const value = this.primary();
      return this.fin({ _type: "Await", value } as AnyNode, s);
    }
    return this.primary();
  }

  primary(): Expr {
    const s = this.startOf(this.peek());
    let e = this.atom();
    let n = 0;
    while (true) {
      const t = this.peek();
      if (t.type !== T.OP) break;
      if (t.value === ".") {
        this.p++;
        const attr = this.expectName();
        e = this.fin({ _type: "Attribute", value: e, attr, ctx: "Load" } as AnyNode, s);
      } else if (t.value === "(") {
        const open = this.next();
        const [args, keywords] = this.callArgs(open);
        this.expectOp(")");
        e = this.fin({ _type: "Call", func: e, args, keywords } as AnyNode, s);
        // fix genexp position to span the call parentheses
        if (
          args.length === 1 && args[0]._type === "GeneratorExp" && (args[0] as AnyNode)._callParen
        ) {
          const g = args[0] as AnyNode;
          delete g._callParen;
          g.lineno = open.line;
          g.col_offset = this.bcol(open.line, open.col);
          g.end_lineno = e.end_lineno;
          g.end_col_offset = e.end_col_offset;
        }
      } else if (t.value === "[") {
        this.p++;
        const slice = this.slices();
        this.expectOp("]");
        e = this.fin({ _type: "Subscript", value: e, slice, ctx: "Load" } as AnyNode, s);
      } else break;
      if (++n > MAX_DEPTH) throw new PyParserRecursionError();
    }
    return e;
  }

  slices(): Expr {
    const s = this.startOf(this.peek());
    const first = this.sliceItem();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.sliceItem());
    }
    return this.fin({ _type: "Tuple", elts, ctx: "Load" } as AnyNode, s);
  }

  sliceItem(): Expr {
    const s = this.startOf(this.peek());
    let lower: Expr | null = null;
    if (!this.isOp(":")) {
      const e = this.isOp("*") ? this.starExpression() : this.namedExpression();
      if (!this.isOp(":")) return e;
      lower = e;
    }
    this.p++; // ':'
    let upper: Expr | null = null;
    let step: Expr | null = null;
    if (!this.isOp(":") && !this.isOp(",") && !this.isOp("]")) upper = this.expression();
    if (this.eatOp(":")) {
      if (!this.isOp(",") && !this.isOp("]")) step = this.expression();
    }
    return this.fin({ _type: "Slice", lower, upper, step } as AnyNode, s);
  }

  callArgs(open: Token): [Expr[], Keyword[]] {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKw = false;
    let sawDoubleStar = false;
    while (!this.isOp(")")) {
      const t = this.peek();
      const s = this.startOf(t);
      if (this.isOp("*")) {
        this.p++;
        const value = this.expression();
        const st = this.fin({ _type: "Starred", value, ctx: "Load" } as AnyNode, s);
        if (sawDoubleStar) {
          throw this.errTok(t, "iterable argument unpacking follows keyword argument unpacking");
        }
        args.push(st);
      } else if (this.isOp("**")) {
        this.p++;
        const value = this.expression();
        keywords.push(this.fin({ _type: "keyword", arg: null, value } as AnyNode, s));
        sawDoubleStar = true;
      } else if (t.type === T.NAME && this.isOp("=", 1)) {
        if (t.value === "True" || t.value === "False" || t.value === "None") {
          this.p += 2;
          const v = this.expression();
          const a = this.fin({ _type: "Name" } as AnyNode, s);
          throw this.errNode(a, `cannot assign to ${t.value}`, v);
        }
        if (KEYWORDS.has(t.value)) throw this.invalid();
        this.p += 2;
        const value = this.expression();
        if (this.isKw("for") || (this.isKw("async") && this.isKw("for", 1))) {
          const nm = this.fin({ _type: "Name" } as AnyNode, s);
          nm.end_lineno = t.endLine;
          nm.end_col_offset = this.bcol(t.endLine, t.endCol);
          throw this.errNode(
            nm,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            value,
          );
        }
        keywords.push(this.fin({ _type: "keyword", arg: t.value, value } as AnyNode, s));
        sawKw = true;
      } else {
        const e = this.namedExpressionArg();
        if (this.isOp("=")) {
          const eq = this.peek();
          const eqn = { lineno: eq.line, end_lineno: eq.endLine } as AnyNode;
          eqn.col_offset = this.bcol(eq.line, eq.col);
          eqn.end_col_offset = this.bcol(eq.endLine, eq.endCol);
          throw this.errNode(
            e,
            'expression cannot contain assignment, perhaps you meant "=="?',
            eqn,
          );
        }
        if (this.isKw("for") || (this.isKw("async") && this.isKw("for", 1))) {
          const generators = this.comprehensionClauses();
          const g = this.fin({ _type: "GeneratorExp", elt: e, generators } as AnyNode, s);
          if (args.length || keywords.length || this.isOp(",")) {
            if (!(this.isOp(",") && this.isOp(")", 1) && !args.length && !keywords.length)) {
              throw this.errNode(g, "Generator expression must be parenthesized");
            }
          }
          g._callParen = true;
          args.push(g);
        } else {
          if (sawDoubleStar) {
            throw this.errNode(e, "positional argument follows keyword argument unpacking");
          }
          if (sawKw) throw this.errNode(e, "positional argument follows keyword argument");
          args.push(e);
        }
      }
      if (!this.eatOp(",")) break;
    }
    if (!this.isOp(")")) {
      void open;
      throw this.invalid();
    }
    return [args, keywords];
  }

  namedExpressionArg(): Expr {
    if (this.isName() && this.isOp(":=", 1)) return this.namedExpression();
    const e = this.expression();
    if (this.isOp(":=")) {
      throw this.errNode(e, `cannot use assignment expressions with ${exprName(e)}`);
    }
    return e;
  }

  comprehensionClauses(): Comprehension[] {
    const gens: Comprehension[] = [];
    while (true) {
      let is_async = 0;
      if (this.isKw("async") && this.isKw("for", 1)) {
        this.p++;
        is_async = 1;
      }
      if (!this.eatKw("for")) break;
      const target = this.starTargets();
      this.expectKw("in");
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eatKw("if")) ifs.push(this.disjunction());
      gens.push({ _type: "comprehension", target, iter, ifs, is_async });
    }
    return gens;
  }

  yieldExpr(): Expr {
    const s = this.startOf(this.next());
    if (this.eatKw("from")) {
      const value = this.expression();
      return this.fin({ _type: "YieldFrom", value } as AnyNode, s);
    }
    let value: Expr | null = null;
    if (this.startsExpr() || this.isOp("*")) value = this.starExpressions();
    return this.fin({ _type: "Yield", value } as AnyNode, s);
  }

  atom(): Expr {
    const t = this.peek();
    const s = this.startOf(t);
    switch (t.type) {
      case T.NAME: {
        if (KEYWORDS.has(t.value)) {
          let value: PyConst;
          if (t.value === "None") value = { kind: "none" };
          else if (t.value === "True") value = { kind: "bool", value: true };
          else if (t.value === "False") value = { kind: "bool", value: false };
          else throw this.invalid();
          this.p++;
          return this.fin({ _type: "Constant", value, kind: null } as AnyNode, s);
        }
        this.p++;
        return this.fin({ _type: "Name", id: t.value, ctx: "Load" } as AnyNode, s);
      }
      case T.NUMBER:
        this.p++;
        return this.fin(
          { _type: "Constant", value: parseNumber(t.value), kind: null } as AnyNode,
          s,
        );
      case T.STRING:
        return this.strings();
      case T.OP:
        switch (t.value) {
          case "(":
            return this.parenAtom();
          case "[":
            return this.listAtom();
          case "{":
            return this.dictSetAtom();
          case "...":
            this.p++;
            return this.fin(
              { _type: "Constant", value: { kind: "ellipsis" }, kind: null } as AnyNode,
              s,
            );
        }
    }
    throw this.invalid();
  }

  parenAtom(): Expr {
    this.enter();
    const s = this.startOf(this.next());
    try {
      if (this.eatOp(")")) return this.fin({ _type: "Tuple", elts: [], ctx: "Load" } as AnyNode, s);
      if (this.isKw("yield")) {
        const y = this.yieldExpr();
        this.expectOp(")");
        return y;
      }
      const first = this.starNamedExpression();
      if (this.isKw("for") || (this.isKw("async") && this.isKw("for", 1))) {
        const generators = this.comprehensionClauses();
        this.expectOp(")");
        return this.fin({ _type: "GeneratorExp", elt: first, generators } as AnyNode, s);
      }
      if (this.eatOp(")")) {
        if (first._type === "Starred") {
          throw this.errNode(first, "cannot use starred expression here");
        }
        return first;
      }
      if (!this.isOp(",")) throw this.invalid();
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp(")")) break;
        elts.push(this.starNamedExpression());
      }
      this.expectOp(")");
      return this.fin({ _type: "Tuple", elts, ctx: "Load" } as AnyNode, s);
    } finally {
      this.depth--;
    }
  }

  listAtom(): Expr {
    this.enter();
    const s = this.startOf(this.next());
    try {
      if (this.eatOp("]")) return this.fin({ _type: "List", elts: [], ctx: "Load" } as AnyNode, s);
      const first = this.starNamedExpression();
      if (this.isKw("for") || (this.isKw("async") && this.isKw("for", 1))) {
        const generators = this.comprehensionClauses();
        this.expectOp("]");
        return this.fin({ _type: "ListComp", elt: first, generators } as AnyNode, s);
      }
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp("]")) break;
        elts.push(this.starNamedExpression());
      }
      this.expectOp("]");
      return this.fin({ _type: "List", elts, ctx: "Load" } as AnyNode, s);
    } finally {
      this.depth--;
    }
  }

  dictSetAtom(): Expr {
    this.enter();
    const s = this.startOf(this.next());
    try {
      if (this.eatOp("}")) return this.fin({ _type: "Dict", keys: [], values: [] } as AnyNode, s);
      if (this.isOp("**")) return this.dictRest(s, null, null);
      const first = this.starNamedExpression();
      if (this.eatOp(":")) {
        const v = this.expression();
        if (this.isKw("for") || (this.isKw("async") && this.isKw("for", 1))) {
          const generators = this.comprehensionClauses();
          this.expectOp("}");
          return this.fin({ _type: "DictComp", key: first, value: v, generators } as AnyNode, s);
        }
        return this.dictRest(s, first, v);
      }
      if (this.isKw("for") || (this.isKw("async") && this.isKw("for", 1))) {
        const generators = this.comprehensionClauses();
        this.expectOp("}");
        return this.fin({ _type: "SetComp", elt: first, generators } as AnyNode, s);
      }
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp("}")) break;
        elts.push(this.starNamedExpression());
      }
      this.expectOp("}");
      return this.fin({ _type: "Set", elts } as AnyNode, s);
    } finally {
      this.depth--;
    }
  }

  dictRest(s: StartPos, k: Expr | null, v: Expr | null): Expr {
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    if (v) {
      keys.push(k);
      values.push(v);
      if (!this.eatOp(",")) {
        this.expectOp("}");
        return this.fin({ _type: "Dict", keys, values } as AnyNode, s);
      }
    }
    while (!this.isOp("}")) {
      if (this.eatOp("**")) {
        keys.push(null);
        values.push(this.bitwiseOr());
      } else {
        keys.push(this.expression());
        this.expectOp(":");
        values.push(this.expression());
      }
      if (!this.eatOp(",")) break;
    }
    this.expectOp("}");
    return this.fin({ _type: "Dict", keys, values } as AnyNode, s);
  }

  // ------------------------------------------------------------------ strings

  strings(): Expr {
    const first = this.peek();
    const toks: Token[] = [];
    while (this.peek().type === T.STRING) toks.push(this.next());
    const last = toks[toks.length - 1];
    const pos = {
      lineno: first.line,
      col_offset: this.bcol(first.line, first.col),
      end_lineno: last.endLine,
      end_col_offset: this.bcol(last.endLine, last.endCol),
    };
    let bytesMode: boolean | null = null;
    let anyF = false;
    for (const t of toks) {
      const pre = prefixOf(t.value);
      const isB = pre.includes("b");
      if (bytesMode === null) bytesMode = isB;
      else if (bytesMode !== isB) {
        throw this.errNode(pos, "cannot mix bytes and nonbytes literals");
      }
      if (pre.includes("f")) anyF = true;
    }
    if (bytesMode) {
      const parts: number[] = [];
      for (const t of toks) this.decodeBytes(t, parts);
      return {
        _type: "Constant",
        value: { kind: "bytes", value: new Uint8Array(parts) },
        kind: null,
        ...pos,
      };
    }
    const kind = prefixOf(first.value).includes("u") ? "u" : null;
    if (!anyF) {
      let str = "";
      for (const t of toks) str += this.decodeStrTok(t);
      return { _type: "Constant", value: { kind: "str", value: str }, kind, ...pos };
    }
    // f-string
    const values: (Constant | FormattedValue)[] = [];
    const acc = { lit: "" };
    for (const t of toks) {
      const pre = prefixOf(t.value);
      if (!pre.includes("f")) {
        acc.lit += this.decodeStrTok(t);
        continue;
      }
      this.parseFString(t, pre, values, acc, pos, 0);
    }
    if (acc.lit) {
      values.push({
        _type: "Constant",
        value: { kind: "str", value: acc.lit },
        kind: null,
        ...pos,
      });
    }
    return { _type: "JoinedStr", values, ...pos };
  }

  decodeStrTok(t: Token): string {
    const pre = prefixOf(t.value);
    const q = quoteLen(t.value, pre.length);
    const body = t.value.slice(pre.length + q, t.value.length - q);
    if (pre.includes("r")) return body;
    return this.decodeEscapes(body, t, false);
  }

  decodeEscapes(body: string, t: Token, _f: boolean): string {
    if (body.indexOf("\\") < 0) return body;
    const out: string[] = [];
    let i = 0;
    let runStart = 0;
    const n = body.length;
    while (i < n) {
      const c = body.charCodeAt(i);
      if (c !== 92) {
        i++;
        continue;
      }
      if (i > runStart) out.push(body.slice(runStart, i));
      i++;
      if (i >= n) {
        out.push("\\");
        runStart = i;
        break;
      }
      const e = body[i];
      i++;
      switch (e) {
        case "\n":
          break;
        case "\\":
          out.push("\\");
          break;
        case "'":
          out.push("'");
          break;
        case '"':
          out.push('"');
          break;
        case "a":
          out.push("\x07");
          break;
        case "b":
          out.push("\b");
          break;
        case "f":
          out.push("\f");
          break;
        case "n":
          out.push("\n");
          break;
        case "r":
          out.push("\r");
          break;
        case "t":
          out.push("\t");
          break;
        case "v":
          out.push("\v");
          break;
        case "0":
        case "1":
        case "2":
        case "3":
        case "4":
        case "5":
        case "6":
        case "7": {
          let v = e.charCodeAt(0) - 48;
          for (let k = 0; k < 2 && i < n; k++) {
            const d = body.charCodeAt(i);
            if (d < 48 || d > 55) break;
            v = v * 8 + d - 48;
            i++;
          }
          out.push(String.fromCodePoint(v));
          break;
        }
        case "x":
        case "u":
        case "U": {
          const len = e === "x" ? 2 : e === "u" ? 4 : 8;
          const hex = body.slice(i, i + len);
          if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) {
            throw this.errTok(
              t,
              `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 2}-${
                Math.min(i + hex.length, n) - 1
              }: truncated \\${e === "x" ? "xXX" : e === "u" ? "uXXXX" : "UXXXXXXXX"} escape`,
            );
          }
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) {
            throw this.errTok(
              t,
              `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 2}-${
                i + len - 1
              }: illegal Unicode character`,
            );
          }
          out.push(String.fromCodePoint(cp));
          i += len;
          break;
        }
        case "N": {
          const close = body[i] === "{" ? body.indexOf("}", i) : -1;
          if (close < 0 || close === i + 1) {
            throw this.errTok(
              t,
              `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 2}-${
                body[i] !== "{" ? i - 1 : close < 0 ? n - 1 : i
              }: malformed \\N character escape`,
            );
          }
          const cp = lookupUnicodeName(body.slice(i + 1, close));
          if (cp === null) {
            throw this.errTok(
              t,
              `(unicode error) 'unicodeescape' codec can't decode bytes in position ${
                i - 2
              }-${close}: unknown Unicode character name`,
            );
          }
          out.push(String.fromCodePoint(cp));
          i = close + 1;
          break;
        }
        default:
          out.push("\\" + e);
      }
      runStart = i;
    }
    if (runStart < n) out.push(body.slice(runStart));
    return out.join("");
  }

  decodeBytes(t: Token, out: number[]): void {
    const pre = prefixOf(t.value);
    const q = quoteLen(t.value, pre.length);
    const body = t.value.slice(pre.length + q, t.value.length - q);
    for (let i = 0; i < body.length; i++) {
      if (body.charCodeAt(i) >= 128) {
        throw this.errTok(t, "bytes can only contain ASCII literal characters");
      }
    }
    const raw = pre.includes("r");
    if (raw) {
      for (let i = 0; i < body.length; i++) out.push(body.charCodeAt(i));
      return;
    }
    let i = 0;
    const n = body.length;
    while (i < n) {
      const c = body.charCodeAt(i);
      if (c !== 92) {
        out.push(c);
        i++;
        continue;
      }
      i++;
      if (i >= n) {
        out.push(92);
        break;
      }
      const e = body[i++];
      switch (e) {
        case "\n":
          break;
        case "\\":
          out.push(92);
          break;
        case "'":
          out.push(39);
          break;
        case '"':
          out.push(34);
          break;
        case "a":
          out.push(7);
          break;
        case "b":
          out.push(8);
          break;
        case "f":
          out.push(12);
          break;
        case "n":
          out.push(10);
          break;
        case "r":
          out.push(13);
          break;
        case "t":
          out.push(9);
          break;
        case "v":
          out.push(11);
          break;
        case "x": {
          const hex = body.slice(i, i + 2);
          if (hex.length < 2 || !/^[0-9a-fA-F]+$/.test(hex)) {
            throw this.errTok(t, `(value error) invalid \\x escape at position ${i - 2}`);
          }
          out.push(parseInt(hex, 16));
          i += 2;
          break;
        }
        default:
          if (e >= "0" && e <= "7") {
            let v = e.charCodeAt(0) - 48;
            for (let k = 0; k < 2 && i < n; k++) {
              const d = body.charCodeAt(i);
              if (d < 48 || d > 55) break;
              v = v * 8 + d - 48;
              i++;
            }
            out.push(v & 0xff);
          } else {
            out.push(92, e.charCodeAt(0));
          }
      }
    }
  }

  fstrErr(t: Token, msg: string): PySyntaxError {
    const err = this.errTok(t, msg);
    return err;
  }

  /** Parse one f-string token, appending to values. */
  parseFString(
    t: Token,
    pre: string,
    values: (Constant | FormattedValue)[],
    acc: { lit: string },
    pos: AnyNode,
    _nest: number,
  ): void {
    const q = quoteLen(t.value, pre.length);
    const bodyStart = pre.length + q;
    const bodyEnd = t.value.length - q;
    const raw = pre.includes("r");
    const idx = { i: bodyStart };
    this.fstringBody(t, raw, idx, bodyEnd, values, acc, pos, 0);
  }

  /** Returns when reaching end (or '}' when inSpec). */
  fstringBody(
    t: Token,
    raw: boolean,
    idx: { i: number },
    end: number,
    values: (Constant | FormattedValue)[],
    acc: { lit: string },
    pos: AnyNode,
    nest: number,
  ): void {
    const src = t.value;
    let litStart = idx.i;
    const flushLit = (upto: number, extra: string) => {
      const chunk = src.slice(litStart, upto);
      acc.lit += (raw ? chunk : this.decodeEscapes(chunk, t, true)) + extra;
    };
    while (idx.i < end) {
      const c = src[idx.i];
      if (c === "\\" && !raw && src[idx.i + 1] === "N" && src[idx.i + 2] === "{") {
        const close = src.indexOf("}", idx.i);
        idx.i = close < 0 ? end : close + 1;
        continue;
      }
      if (c === "{") {
        if (nest === 0 && src[idx.i + 1] === "{") {
          flushLit(idx.i, "{");
          idx.i += 2;
          litStart = idx.i;
          continue;
        }
        flushLit(idx.i, "");
        this.fstringField(t, raw, idx, end, values, acc, pos, nest);
        litStart = idx.i;
        continue;
      }
      if (c === "}") {
        if (nest > 0) {
          break;
        }
        if (src[idx.i + 1] === "}") {
          flushLit(idx.i, "}");
          idx.i += 2;
          litStart = idx.i;
          continue;
        }
        throw this.fstrErr(t, "f-string: single '}' is not allowed");
      }
      idx.i++;
    }
    flushLit(idx.i, "");
  }

  posInTok(t: Token, i: number): { line: number; col: number } {
    const v = t.value;
    let line = t.line;
    let lastNl = -1;
    for (let k = 0; k < i; k++) {
      if (v.charCodeAt(k) === 10) {
        line++;
        lastNl = k;
      }
    }
    return { line, col: lastNl < 0 ? t.col + i : i - lastNl - 1 };
  }

  fstringField(
    t: Token,
    raw: boolean,
    idx: { i: number },
    end: number,
    values: (Constant | FormattedValue)[],
    acc: { lit: string },
    pos: AnyNode,
    nest: number,
  ): void {
    const src = t.value;
    if (nest >= 2) throw this.fstrErr(t, "f-string: expressions nested too deeply");
    const braceIdx = idx.i;
    let i = braceIdx + 1;
    const stack: string[] = [];
    let quote = "";
    let exprEnd = -1;
    while (i < end) {
      const c = src[i];
      if (c === "\\") {
        throw this.fstrErr(t, "f-string expression part cannot include a backslash");
      }
      if (quote) {
        if (src.startsWith(quote, i)) {
          i += quote.length;
          quote = "";
          continue;
        }
        i++;
        continue;
      }
      if (c === "'" || c === '"') {
        if (src[i + 1] === c && src[i + 2] === c) quote = c + c + c;
        else quote = c;
        i += quote.length;
        continue;
      }
      if (c === "[" || c === "(" || c === "{") {
        stack.push(c);
        i++;
        continue;
      }
      if (c === "#") throw this.fstrErr(t, "f-string expression part cannot include '#'");
      if (stack.length === 0) {
        if (c === "}" || c === ":") break;
        if (c === "!" && src[i + 1] !== "=") break;
        if (c === "=" && src[i + 1] !== "=" && !"=!<>".includes(src[i - 1])) break;
        if (c === "=" && src[i + 1] === "=") {
          i += 2;
          continue;
        }
      }
      if (c === "]" || c === ")" || c === "}") {
        const open = stack.pop();
        if (!open) throw this.fstrErr(t, `f-string: unmatched '${c}'`);
        const want = open === "(" ? ")" : open === "[" ? "]" : "}";
        if (want !== c) {
          throw this.fstrErr(
            t,
            `f-string: closing parenthesis '${c}' does not match opening parenthesis '${open}'`,
          );
        }
      }
      i++;
    }
    if (quote) throw this.fstrErr(t, "f-string: unterminated string");
    if (i >= end) {
      if (stack.length) throw this.fstrErr(t, `f-string: unmatched '${stack[stack.length - 1]}'`);
      throw this.fstrErr(t, "f-string: expecting '}'");
    }
    exprEnd = i;
    const exprText = src.slice(braceIdx + 1, exprEnd);
    if (exprText.trim() === "") throw this.fstrErr(t, "f-string: empty expression not allowed");
    // parse expression
    const bp = this.posInTok(t, braceIdx);
    const value = this.parseFStringExpr("(" + exprText + ")", bp.line, bp.col);
    let debugText = "";
    if (src[i] === "=") {
      i++;
      debugText = src.slice(braceIdx + 1, i);
      // whitespace after '=' is part of the debug text
      while (i < end && (src[i] === " " || src[i] === "\t" || src[i] === "\n")) i++;
      debugText = src.slice(braceIdx + 1, i);
    }
    let conversion = -1;
    if (src[i] === "!") {
      i++;
      const cc = src[i];
      if (i >= end) throw this.fstrErr(t, "f-string: expecting '}'");
      if (cc !== "s" && cc !== "r" && cc !== "a") {
        throw this.fstrErr(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = cc.charCodeAt(0);
      i++;
      if (src[i] !== ":" && src[i] !== "}") throw this.fstrErr(t, "f-string: expecting '}'");
    }
    let format_spec: JoinedStr | null = null;
    if (src[i] === ":") {
      i++;
      const specVals: (Constant | FormattedValue)[] = [];
      const specAcc = { lit: "" };
      const sidx = { i };
      this.fstringBody(t, raw, sidx, end, specVals, specAcc, pos, nest + 1);
      i = sidx.i;
      if (specAcc.lit) {
        specVals.push({
          _type: "Constant",
          value: { kind: "str", value: specAcc.lit },
          kind: null,
          ...pos,
        });
      }
      format_spec = {
        _type: "JoinedStr",
        values: specVals,
        lineno: t.line,
        col_offset: this.bcol(t.line, t.col),
        end_lineno: t.endLine,
        end_col_offset: this.bcol(t.endLine, t.endCol),
      };
    }
    if (i >= end || src[i] !== "}") throw this.fstrErr(t, "f-string: expecting '}'");
    i++;
    idx.i = i;
    if (debugText) {
      acc.lit += debugText;
      if (conversion === -1 && !format_spec) conversion = 114;
    }
    if (acc.lit) {
      values.push({
        _type: "Constant",
        value: { kind: "str", value: acc.lit },
        kind: null,
        ...pos,
      });
      acc.lit = "";
    }
    values.push({ _type: "FormattedValue", value, conversion, format_spec, ...pos });
  }

  parseFStringExpr(text: string, line: number, col: number): Expr {
    const tk = tokenize(text, this.filename, { line, col, lines: this.lines });
    if (tk.error) {
      tk.error.msg = "f-string: " + tk.error.msg;
      throw tk.error;
    }
    const sub = new Parser(tk, this.filename, this.lines);
    sub.asciiLine = this.asciiLine;
    sub.depth = this.depth;
    try {
      const e = sub.isKw("yield", 1) ? (sub.next(), sub.yieldExprClose()) : sub.starExpressions();
      if (sub.peek().type !== T.ENDMARKER) throw sub.invalid();
      return e;
    } catch (err) {
      if (err instanceof PySyntaxError && !err.msg.startsWith("f-string")) {
        err.msg = "f-string: " + err.msg;
        err.message = err.msg;
      }
      throw err;
    }
  }

  yieldExprClose(): Expr {
    const y = this.yieldExpr();
    this.expectOp(")");
    return y;
  }
}

interface ErrWithFlags {
  noOverride?: boolean;
}

const OR_OPS: Record<string, Operator> = { "|": "BitOr" };
const XOR_OPS: Record<string, Operator> = { "^": "BitXor" };
const AND_OPS: Record<string, Operator> = { "&": "BitAnd" };
const SHIFT_OPS: Record<string, Operator> = { "<<": "LShift", ">>": "RShift" };
const SUM_OPS: Record<string, Operator> = { "+": "Add", "-": "Sub" };
const TERM_OPS: Record<string, Operator> = {
  "*": "Mult",
  "/": "Div",
  "//": "FloorDiv",
  "%": "Mod",
  "@": "MatMult",
};
const BIN_LEVELS = [OR_OPS, XOR_OPS, AND_OPS, SHIFT_OPS, SUM_OPS, TERM_OPS];

function prefixOf(tokText: string): string {
  let i = 0;
  while (i < tokText.length && tokText[i] !== "'" && tokText[i] !== '"') i++;
  return tokText.slice(0, i).toLowerCase();
}

function quoteLen(tokText: string, preLen: number): number {
  const q = tokText[preLen];
  return tokText.length - preLen >= 6 && tokText[preLen + 1] === q && tokText[preLen + 2] === q
    ? 3
    : 1;
}

function parseNumber(text: string): PyConst {
  const s = text.indexOf("_") >= 0 ? text.replace(/_/g, "") : text;
  const last = s.charCodeAt(s.length - 1);
  if (last === 106 || last === 74) return { kind: "complex", imag: Number(s.slice(0, -1)) };
  const c1 = s.charCodeAt(1);
  if (s.charCodeAt(0) === 48 && s.length > 1 && (c1 | 32) !== 46 && c1 !== 101 && c1 !== 69) {
    const b = c1 | 32;
    if (b === 120 || b === 111 || b === 98) {
      return { kind: "int", value: BigInt("0" + s.slice(1).toLowerCase()) };
    }
  }
  if (/[.eE]/.test(s)) return { kind: "float", value: Number(s) };
  return { kind: "int", value: BigInt(s) };
}

/** Find the first sub-expression that is not a valid assignment/deletion target. */
function invalidTarget(e: Expr, mode: "star" | "del"): Expr | null {
  switch (e._type) {
    case "Name":
    case "Attribute":
    case "Subscript":
      return null;
    case "Starred":
      if (mode === "del") return e;
      return invalidTarget(e.value, mode);
    case "Tuple":
    case "List":
      for (const x of e.elts) {
        const r = invalidTarget(x, mode);
        if (r) return r;
      }
      return null;
    default:
      return e;
  }
}

function setCtx(e: Expr, ctx: ExprContext): void {
  switch (e._type) {
    case "Name":
    case "Attribute":
    case "Subscript":
      e.ctx = ctx;
      return;
    case "Starred":
      e.ctx = ctx;
      setCtx(e.value, ctx);
      return;
    case "Tuple":
    case "List":
      e.ctx = ctx;
      for (const x of e.elts) setCtx(x, ctx);
      return;
  }
}
