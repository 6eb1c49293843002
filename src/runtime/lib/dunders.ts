// Dunder methods of the built-in types, for explicit use (`(5).__add__(3)`, `int.__add__(5, 3)`,
// `list.__len__(xs)`, `"a".__eq__("a")`). The interpreter never calls them for operators: these
// are thin built-ins over the protocol functions (binaryOp, compareOp, lenOf, getItem...) that the
// operators use, defined on a type only where the type supports the protocol. Like CPython, a
// binary dunder returns NotImplemented for an operand its type does not handle.
import { W } from "../mem.ts";
import { tempPopTo, tempPush } from "../roots.ts";
import { setIntBig, setIntNumber } from "../int.ts";
import { intern, newStr } from "../str.ts";
import { dictGetStrAddr } from "../dict.ts";
import * as T from "../type_ids.ts";
import { type BuiltinFn, defMethod } from "../builtin_fn.ts";
import { E, newException, PyExc, typeError } from "../errors.ts";
import { getEmptyTuple } from "../seq.ts";
import {
  binaryOp,
  compareHooks,
  compareOp,
  contains,
  containsHooks,
  delItem,
  delItemHooks,
  getItem,
  getItemHooks,
  getIter,
  getIterHooks,
  iterNext,
  iterNextHooks,
  lenHooks,
  lenOf,
  reprOf,
  setItem,
  setItemHooks,
  strOf,
  truthy,
  typeName,
  unaryInvert,
  unaryNegative,
  unaryPositive,
} from "../ops.ts";
import { isSubtype, typeIndexOf, types } from "../types.ts";
import {
  NB_ADD,
  NB_AND,
  NB_DUNDERS,
  NB_FLOOR_DIVIDE,
  NB_INPLACE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  numKind,
} from "../num.ts";
import { builtinAbs, builtinPow, pyHash } from "./numlib.ts";
import { argRange, exactlyOne, intValue, noKw } from "./util.ts";

type Accept = (b: number) => boolean;

const isInt: Accept = (b) => numKind(b) === 1;
const isNumber: Accept = (b) => numKind(b) !== 0;
const anything: Accept = () => true;
const ofTypes = (...ts: number[]): Accept => (b) => ts.includes(typeIndexOf(b));
const SETS = [T.T_SET, T.T_FROZENSET];

const ALL_INT_OPS = [
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_REMAINDER,
  NB_OR,
  NB_POWER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
];
const FLOAT_OPS = [
  NB_ADD,
  NB_FLOOR_DIVIDE,
  NB_MULTIPLY,
  NB_REMAINDER,
  NB_POWER,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
];
const SET_OPS = [NB_OR, NB_AND, NB_SUBTRACT, NB_XOR];

/** [type, ops, forms ("" plain, "r" reflected, "i" in place), accepted right operands]. */
const BINARY: [number, number[], string[], Accept][] = [
  [T.T_INT, ALL_INT_OPS, ["", "r"], isInt],
  [T.T_FLOAT, FLOAT_OPS, ["", "r"], isNumber],
  // sequence concatenation and repetition raise TypeError themselves, as in CPython
  [T.T_STR, [NB_ADD, NB_REMAINDER], [""], anything],
  [T.T_STR, [NB_MULTIPLY], ["", "r"], anything],
  [T.T_LIST, [NB_ADD], ["", "i"], anything],
  [T.T_LIST, [NB_MULTIPLY], ["", "r", "i"], anything],
  [T.T_TUPLE, [NB_ADD, NB_MULTIPLY], [""], anything],
  [T.T_TUPLE, [NB_MULTIPLY], ["r"], anything],
  [T.T_SET, SET_OPS, ["", "r", "i"], ofTypes(...SETS)],
  [T.T_FROZENSET, SET_OPS, ["", "r"], ofTypes(...SETS)],
  [T.T_DICT, [NB_OR], ["", "r", "i"], ofTypes(T.T_DICT)],
];

const COMPARE_DUNDERS = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

/** Types with == and != dunders, and what they compare with (others get NotImplemented). */
const EQUALITY: [number, Accept][] = [
  [T.T_INT, isInt],
  [T.T_FLOAT, isNumber],
  [T.T_STR, ofTypes(T.T_STR)],
  [T.T_LIST, ofTypes(T.T_LIST)],
  [T.T_TUPLE, ofTypes(T.T_TUPLE)],
  [T.T_DICT, ofTypes(T.T_DICT)],
  [T.T_SET, ofTypes(...SETS)],
  [T.T_FROZENSET, ofTypes(...SETS)],
  [T.T_RANGE, ofTypes(T.T_RANGE)],
  [T.T_SLICE, ofTypes(T.T_SLICE)],
  [T.T_NONE, ofTypes(T.T_NONE)],
];

const HASHABLE = [
  T.T_INT,
  T.T_FLOAT,
  T.T_STR,
  T.T_TUPLE,
  T.T_FROZENSET,
  T.T_RANGE,
  T.T_NONE,
];

/** Built-in types whose repr/str dunders are defined here (object and type have their own). */
const REPR_TYPES = [
  T.T_INT,
  T.T_FLOAT,
  T.T_STR,
  T.T_TUPLE,
  T.T_LIST,
  T.T_DICT,
  T.T_SET,
  T.T_FROZENSET,
  T.T_RANGE,
  T.T_SLICE,
  T.T_NONE,
];

let notImplemented = 0;

/** Check that args[0] (self) is an instance of t, as a method descriptor of t does. */
function checkSelf(t: number, name: string, args: number, nargs: number): void {
  if (nargs < 1) {
    throw typeError(`descriptor '${name}' of '${types[t].name}' object needs an argument`);
  }
  if (!isSubtype(typeIndexOf(args), t)) {
    throw typeError(
      `descriptor '${name}' requires a '${types[t].name}' object but received a '${
        typeName(args)
      }'`,
    );
  }
}

/** Define dunder `name` on type t unless the type already has its own. */
function def(t: number, name: string, fn: BuiltinFn): void {
  if (dictGetStrAddr(types[t].dict, intern(name)) !== 0) return;
  defMethod(t, name, (args, nargs, kw, out) => {
    checkSelf(t, name, args, nargs);
    fn(args, nargs, kw, out);
  });
}

/** A dunder taking self and one operand: NotImplemented unless `accept(operand)`. */
function withOperand(
  name: string,
  accept: Accept,
  body: (self: number, other: number, out: number) => void,
): BuiltinFn {
  return (args, nargs, kw, out) => {
    noKw(kw, name);
    exactlyOne(name, nargs - 1);
    if (!accept(args + 8)) {
      W.setRef(out, notImplemented);
      return;
    }
    const tmp = tempPush(1);
    try {
      body(args, args + 8, tmp);
      W.copy(out, tmp);
    } finally {
      tempPopTo(tmp);
    }
  };
}

/** A dunder taking only self. */
function unary(name: string, body: (self: number, out: number) => void): BuiltinFn {
  return (args, nargs, kw, out) => {
    noKw(kw, name);
    argRange(name, nargs - 1, 0, 0);
    body(args, out);
  };
}

function defBinary(): void {
  for (const [t, ops, forms, accept] of BINARY) {
    for (const op of ops) {
      for (const form of forms) {
        const name = `__${form}${NB_DUNDERS[op]}__`;
        const body = form === "r"
          ? (s: number, o: number, out: number) => binaryOp(op, o, s, out)
          : form === "i"
          ? (s: number, o: number, out: number) => binaryOp(NB_INPLACE + op, s, o, out)
          : (s: number, o: number, out: number) => binaryOp(op, s, o, out);
        const fn = withOperand(name, accept, body);
        if (op === NB_POWER && form === "" && (t === T.T_INT || t === T.T_FLOAT)) {
          // pow(self, other, modulo)
          def(t, name, (args, nargs, kw, out) => {
            if (nargs === 3) builtinPow(args, 3, kw, out);
            else fn(args, nargs, kw, out);
          });
        } else def(t, name, fn);
      }
    }
  }
}

function defComparisons(): void {
  for (const [t, accept] of EQUALITY) {
    const ordered = t === T.T_INT || t === T.T_FLOAT || compareHooks[t] !== undefined;
    for (let op = 0; op < 6; op++) {
      if (!ordered && op !== 2 && op !== 3) continue;
      def(
        t,
        COMPARE_DUNDERS[op],
        withOperand(COMPARE_DUNDERS[op], accept, (s, o, out) => {
          compareOp(op, s, o, out);
        }),
      );
    }
  }
}

function defNumbers(): void {
  for (const t of [T.T_INT, T.T_FLOAT]) {
    def(t, "__neg__", unary("__neg__", unaryNegative));
    def(t, "__pos__", unary("__pos__", unaryPositive));
    def(t, "__abs__", unary("__abs__", (s, out) => builtinAbs(s, 1, 0, out)));
    def(t, "__bool__", unary("__bool__", (s, out) => W.setBool(out, truthy(s))));
    def(t, "__int__", unary("__int__", (s, out) => types[T.T_INT].construct!(s, 1, 0, out)));
    def(t, "__float__", unary("__float__", (s, out) => types[T.T_FLOAT].construct!(s, 1, 0, out)));
  }
  def(T.T_INT, "__invert__", unary("__invert__", unaryInvert));
  def(T.T_INT, "__index__", unary("__index__", (s, out) => setIntBig(out, BigInt(intValue(s)!))));
}

/** Container and iterator protocols, wherever the type has the hook. */
function defProtocols(t: number): void {
  if (lenHooks[t] !== undefined) {
    def(t, "__len__", unary("__len__", (s, out) => setIntNumber(out, lenOf(s))));
  }
  if (getItemHooks[t] !== undefined) {
    def(t, "__getitem__", withOperand("__getitem__", anything, getItem));
  }
  if (setItemHooks[t] !== undefined) {
    def(t, "__setitem__", (args, nargs, kw, out) => {
      noKw(kw, "__setitem__");
      argRange("__setitem__", nargs - 1, 2, 2);
      setItem(args, args + 8, args + 16);
      W.setNone(out);
    });
  }
  if (delItemHooks[t] !== undefined) {
    def(
      t,
      "__delitem__",
      withOperand("__delitem__", anything, (s, k, out) => {
        delItem(s, k);
        W.setNone(out);
      }),
    );
  }
  if (containsHooks[t] !== undefined || t === T.T_STR || t === T.T_LIST || t === T.T_TUPLE) {
    def(
      t,
      "__contains__",
      withOperand("__contains__", anything, (s, x, out) => {
        W.setBool(out, contains(s, x));
      }),
    );
  }
  if (getIterHooks[t] !== undefined || iterNextHooks[t] !== undefined) {
    def(t, "__iter__", unary("__iter__", getIter));
  }
  if (iterNextHooks[t] !== undefined) {
    def(
      t,
      "__next__",
      unary("__next__", (s, out) => {
        if (!iterNext(s, out)) throw new PyExc(newException(E.StopIteration, getEmptyTuple()));
      }),
    );
  }
}

/** Install the dunders; `ni` is the NotImplemented object. Run after every hook is installed. */
export function installDunders(ni: number): void {
  notImplemented = ni;
  defBinary();
  defComparisons();
  defNumbers();
  for (const t of HASHABLE) {
    def(t, "__hash__", unary("__hash__", (s, out) => setIntBig(out, pyHash(s))));
  }
  for (const t of REPR_TYPES) {
    def(t, "__repr__", unary("__repr__", (s, out) => W.setRef(out, newStr(reprOf(s)))));
    def(t, "__str__", unary("__str__", (s, out) => W.setRef(out, newStr(strOf(s)))));
  }
  for (let t = 0; t < T.TYPE_FIRST_DYNAMIC; t++) {
    if (types[t] !== undefined && t !== T.T_TYPE && t !== T.T_OBJECT) defProtocols(t);
  }
}
