// Library behaviour through the API: in-place list operations, sorting, iterators, modules,
// print and the stdout writer.
import { equal, throws } from "node:assert/strict";
import { W } from "../../src/runtime/mem.ts";
import { tempPush } from "../../src/runtime/roots.ts";
import { intern } from "../../src/runtime/str.ts";
import { dictGetStrAddr } from "../../src/runtime/dict.ts";
import { PyExc } from "../../src/runtime/errors.ts";
import { getAttr, getIter, iterNext, reprOf, setItem } from "../../src/runtime/ops.ts";
import { NB_ADD, NB_INPLACE } from "../../src/runtime/num.ts";
import { importModule, inplaceOp, newSlice, stdout } from "../../src/runtime/lib/index.ts";
import { boot, call, callSlot, f, meth, put, r, repr, t, val } from "./helpers.ts";

Deno.test("list += extends in place; slice assignment", () => {
  boot();
  const a = val([1, 2]);
  const alias = tempPush(1);
  W.copy(alias, a);
  const out = tempPush(1);
  inplaceOp(NB_INPLACE + NB_ADD, a, val(t(3, 4)), out);
  equal(reprOf(alias), "[1, 2, 3, 4]");
  equal(W.same(out, alias), true);
  const s = tempPush(3);
  put(1, s);
  put(3, s + 8);
  put(null, s + 16);
  const sl = tempPush(1);
  W.setRef(sl, newSlice(s, s + 8, s + 16));
  setItem(a, sl, val(["x", "y", "z"]));
  equal(reprOf(a), "[1, 'x', 'y', 'z', 4]");
  put(null, s);
  put(null, s + 8);
  put(2, s + 16);
  W.setRef(sl, newSlice(s, s + 8, s + 16));
  throws(() => setItem(a, sl, val([1])), PyExc);
});

Deno.test("sort is stable with key and reverse", () => {
  const b = boot();
  equal(
    r("sorted", [[t(1, "a"), t(0, "b"), t(1, "c"), t(0, "d")]]),
    "[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]",
  );
  const lst = val(["bb", "a", "ccc", "dd"]);
  const m = tempPush(1);
  getAttr(lst, intern("sort"), m);
  callSlot(m, [], { key: { slot: dictSlot(b, "len") }, reverse: true });
  equal(reprOf(lst), "['ccc', 'bb', 'dd', 'a']");
  callSlot(m, [], { key: { slot: dictSlot(b, "len") } });
  equal(reprOf(lst), "['a', 'bb', 'dd', 'ccc']");
});

function dictSlot(d: number, name: string): number {
  return dictGetStrAddr(d, intern(name));
}

Deno.test("iterators: str with astral characters, dict items, enumerate", () => {
  boot();
  equal(r("list", ["a😀b"]), "['a', '😀', 'b']");
  equal(repr(meth("a😀b", "find", ["b"])), "2");
  const it = tempPush(2);
  getIter(val({ d: [["x", 1], ["y", 2]] }), it);
  const items: string[] = [];
  while (iterNext(it, it + 8)) items.push(reprOf(it + 8));
  equal(items.join(","), "'x','y'");
  equal(
    r("list", [{ slot: call("map", [{ slot: dictSlot(boot(), "abs") }, [-1, 2, -3]]) }]),
    "[1, 2, 3]",
  );
  equal(r("list", [{ slot: call("filter", [null, [0, 1, "", "a"]]) }]), "[1, 'a']");
});

Deno.test("math module", () => {
  boot();
  const m = tempPush(1);
  W.setRef(m, importModule("math"));
  const attr = (name: string) => {
    const s = tempPush(1);
    getAttr(m, intern(name), s);
    return s;
  };
  equal(reprOf(attr("pi")), "3.141592653589793");
  equal(reprOf(callSlot(attr("sqrt"), [16])), "4.0");
  equal(reprOf(callSlot(attr("floor"), [f(-2.5)])), "-3");
  equal(
    reprOf(
      callSlot(attr("fsum"), [[
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
        f(0.1),
      ]]),
    ),
    "1.0",
  );
  equal(reprOf(callSlot(attr("factorial"), [20])), "2432902008176640000");
  equal(reprOf(callSlot(attr("gcd"), [12, 18])), "6");
  equal(reprOf(callSlot(attr("comb"), [10, 3])), "120");
  equal(reprOf(callSlot(attr("log"), [8, 2])), "3.0");
  equal(reprOf(callSlot(attr("isqrt"), [99])), "9");
  throws(() => callSlot(attr("sqrt"), [-1]), PyExc);
  throws(() => getAttr(m, intern("nope"), tempPush(1)), PyExc);
  throws(() => importModule("nosuchmodule"), PyExc);
});

Deno.test("print writes through the buffered stdout", () => {
  boot();
  stdout.capture = [];
  call("print", [1, "a", f(2.5)], { sep: "-", end: "!\n" });
  call("print", []);
  equal(stdout.capture.join(""), "1-a-2.5!\n\n");
  stdout.capture = null;
});
