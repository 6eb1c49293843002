// AST node definitions mirroring CPython 3.11's `ast` module exactly.
//
// Conventions:
// - Every node is a plain object `{ _type: "<CPython class name>", ...fields }` with the exact
//   field names of CPython 3.11 (see `ast.X._fields`).
// - Nodes that have positions in CPython (stmt, expr, excepthandler, arg, keyword, alias, pattern)
//   carry `lineno`, `col_offset`, `end_lineno`, `end_col_offset` (1-based lines, 0-based UTF-8
//   byte column offsets, exactly like CPython).
// - Operators / contexts are strings naming the CPython class.
// - Optional fields are `null` where Python has None; lists are arrays.

/** Source position attributes (CPython `_attributes`). */
export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** Value of a `Constant` node. */
export type PyConst =
  | { kind: "int"; value: bigint }
  | { kind: "float"; value: number }
  | { kind: "complex"; imag: number }
  | { kind: "str"; value: string }
  | { kind: "bytes"; value: Uint8Array }
  | { kind: "bool"; value: boolean }
  | { kind: "none" }
  | { kind: "ellipsis" };

export type Operator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";
export type BoolOpKind = "And" | "Or";
export type UnaryOpKind = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOp = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";
export type ExprContext = "Load" | "Store" | "Del";

// ---------------------------------------------------------------------------
// mod

export interface Module {
  _type: "Module";
  body: Stmt[];
  type_ignores: TypeIgnore[];
}
export interface Interactive {
  _type: "Interactive";
  body: Stmt[];
}
export interface Expression {
  _type: "Expression";
  body: Expr;
}
export interface FunctionType {
  _type: "FunctionType";
  argtypes: Expr[];
  returns: Expr;
}
export type Mod = Module | Interactive | Expression | FunctionType;

export interface TypeIgnore {
  _type: "TypeIgnore";
  lineno: number;
  tag: string;
}

// ---------------------------------------------------------------------------
// stmt

export interface FunctionDef extends Pos {
  _type: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}
export interface AsyncFunctionDef extends Pos {
  _type: "AsyncFunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}
export interface ClassDef extends Pos {
  _type: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}
export interface Return extends Pos {
  _type: "Return";
  value: Expr | null;
}
export interface Delete extends Pos {
  _type: "Delete";
  targets: Expr[];
}
export interface Assign extends Pos {
  _type: "Assign";
  targets: Expr[];
  value: Expr;
  type_comment: string | null;
}
export interface AugAssign extends Pos {
  _type: "AugAssign";
  target: Expr;
  op: Operator;
  value: Expr;
}
export interface AnnAssign extends Pos {
  _type: "AnnAssign";
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** 1 when the target is a simple (unparenthesized) Name, else 0. */
  simple: number;
}
export interface For extends Pos {
  _type: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface AsyncFor extends Pos {
  _type: "AsyncFor";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface While extends Pos {
  _type: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface If extends Pos {
  _type: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface With extends Pos {
  _type: "With";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}
export interface AsyncWith extends Pos {
  _type: "AsyncWith";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}
export interface Match extends Pos {
  _type: "Match";
  subject: Expr;
  cases: MatchCase[];
}
export interface Raise extends Pos {
  _type: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}
export interface Try extends Pos {
  _type: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface TryStar extends Pos {
  _type: "TryStar";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Pos {
  _type: "Assert";
  test: Expr;
  msg: Expr | null;
}
export interface Import extends Pos {
  _type: "Import";
  names: Alias[];
}
export interface ImportFrom extends Pos {
  _type: "ImportFrom";
  module: string | null;
  names: Alias[];
  level: number;
}
export interface Global extends Pos {
  _type: "Global";
  names: string[];
}
export interface Nonlocal extends Pos {
  _type: "Nonlocal";
  names: string[];
}
export interface ExprStmt extends Pos {
  _type: "Expr";
  value: Expr;
}
export interface Pass extends Pos {
  _type: "Pass";
}
export interface Break extends Pos {
  _type: "Break";
}
export interface Continue extends Pos {
  _type: "Continue";
}

export type Stmt =
  | FunctionDef
  | AsyncFunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | AsyncFor
  | While
  | If
  | With
  | AsyncWith
  | Match
  | Raise
  | Try
  | TryStar
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

// ---------------------------------------------------------------------------
// expr

export interface BoolOp extends Pos {
  _type: "BoolOp";
  op: BoolOpKind;
  values: Expr[];
}
export interface NamedExpr extends Pos {
  _type: "NamedExpr";
  target: Expr;
  value: Expr;
}
export interface BinOp extends Pos {
  _type: "BinOp";
  left: Expr;
  op: Operator;
  right: Expr;
}
export interface UnaryOp extends Pos {
  _type: "UnaryOp";
  op: UnaryOpKind;
  operand: Expr;
}
export interface Lambda extends Pos {
  _type: "Lambda";
  args: Arguments;
  body: Expr;
}
export interface IfExp extends Pos {
  _type: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Dict extends Pos {
  _type: "Dict";
  /** `null` key means `**value` unpacking. */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetExpr extends Pos {
  _type: "Set";
  elts: Expr[];
}
export interface ListComp extends Pos {
  _type: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends Pos {
  _type: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends Pos {
  _type: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends Pos {
  _type: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}
export interface Await extends Pos {
  _type: "Await";
  value: Expr;
}
export interface Yield extends Pos {
  _type: "Yield";
  value: Expr | null;
}
export interface YieldFrom extends Pos {
  _type: "YieldFrom";
  value: Expr;
}
export interface Compare extends Pos {
  _type: "Compare";
  left: Expr;
  ops: CmpOp[];
  comparators: Expr[];
}
export interface Call extends Pos {
  _type: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}
export interface FormattedValue extends Pos {
  _type: "FormattedValue";
  value: Expr;
  /** -1 (none), 115 ('s'), 114 ('r'), 97 ('a'). */
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Pos {
  _type: "JoinedStr";
  values: (Constant | FormattedValue)[];
}
export interface Constant extends Pos {
  _type: "Constant";
  value: PyConst;
  /** "u" for u-prefixed strings, else null. */
  kind: string | null;
}
export interface Attribute extends Pos {
  _type: "Attribute";
  value: Expr;
  attr: string;
  ctx: ExprContext;
}
export interface Subscript extends Pos {
  _type: "Subscript";
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}
export interface Starred extends Pos {
  _type: "Starred";
  value: Expr;
  ctx: ExprContext;
}
export interface Name extends Pos {
  _type: "Name";
  id: string;
  ctx: ExprContext;
}
export interface List extends Pos {
  _type: "List";
  elts: Expr[];
  ctx: ExprContext;
}
export interface Tuple extends Pos {
  _type: "Tuple";
  elts: Expr[];
  ctx: ExprContext;
}
export interface Slice extends Pos {
  _type: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

// ---------------------------------------------------------------------------
// misc

export interface Comprehension {
  _type: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  /** 0 or 1 */
  is_async: number;
}

export interface ExceptHandler extends Pos {
  _type: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Arguments {
  _type: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per kwonlyarg; null where there is no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults for the last N of posonlyargs + args. */
  defaults: Expr[];
}

export interface Arg extends Pos {
  _type: "arg";
  arg: string;
  annotation: Expr | null;
  type_comment: string | null;
}

export interface Keyword extends Pos {
  _type: "keyword";
  /** null for `**kwargs`. */
  arg: string | null;
  value: Expr;
}

export interface Alias extends Pos {
  _type: "alias";
  name: string;
  asname: string | null;
}

export interface WithItem {
  _type: "withitem";
  context_expr: Expr;
  optional_vars: Expr | null;
}

// match statement (declared for completeness; the parser currently rejects `match`)
export interface MatchCase {
  _type: "match_case";
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}
export interface MatchValue extends Pos {
  _type: "MatchValue";
  value: Expr;
}
export interface MatchSingleton extends Pos {
  _type: "MatchSingleton";
  value: PyConst;
}
export interface MatchSequence extends Pos {
  _type: "MatchSequence";
  patterns: Pattern[];
}
export interface MatchMapping extends Pos {
  _type: "MatchMapping";
  keys: Expr[];
  patterns: Pattern[];
  rest: string | null;
}
export interface MatchClass extends Pos {
  _type: "MatchClass";
  cls: Expr;
  patterns: Pattern[];
  kwd_attrs: string[];
  kwd_patterns: Pattern[];
}
export interface MatchStar extends Pos {
  _type: "MatchStar";
  name: string | null;
}
export interface MatchAs extends Pos {
  _type: "MatchAs";
  pattern: Pattern | null;
  name: string | null;
}
export interface MatchOr extends Pos {
  _type: "MatchOr";
  patterns: Pattern[];
}
export type Pattern =
  | MatchValue
  | MatchSingleton
  | MatchSequence
  | MatchMapping
  | MatchClass
  | MatchStar
  | MatchAs
  | MatchOr;

/** Any AST node. */
export type Node =
  | Mod
  | Stmt
  | Expr
  | Comprehension
  | ExceptHandler
  | Arguments
  | Arg
  | Keyword
  | Alias
  | WithItem
  | MatchCase
  | Pattern
  | TypeIgnore;
