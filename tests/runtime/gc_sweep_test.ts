// The sweep (src/runtime/space.ts): it visits only the marked objects (through the mark bitmap),
// frees the gaps between them for reuse, gives a dead tail back to the bump region, and releases
// the JS-side entries of dead strs and big ints while keeping the live ones.
import assert from "node:assert/strict";
import { collect, gcState, spaceStats } from "../../src/runtime/space.ts";
import { W } from "../../src/runtime/mem.ts";
import { tempPopTo, tempPush } from "../../src/runtime/roots.ts";
import { newStr, strValue } from "../../src/runtime/str.ts";
import { bigValue, newBigInt } from "../../src/runtime/int.ts";
import { listLen, newList } from "../../src/runtime/seq.ts";

Deno.test("the sweep keeps what is rooted, frees the rest and reuses its memory", () => {
  collect();
  const before = spaceStats();
  const roots = tempPush(3);
  try {
    // Three rooted objects among garbage strs, big ints and lists.
    const kept = newList(0);
    W.setRef(roots, kept);
    for (let k = 0; k < 5000; k++) {
      newStr(`s${k}`);
      newBigInt(2n ** 70n + BigInt(k));
      newList(k % 7);
      if (k === 2500) W.setRef(roots + 8, newStr("first-kept"));
    }
    const first = W.getRef(roots + 8), last = newBigInt(-(2n ** 90n));
    W.setRef(roots + 16, last);
    collect();
    const stats = spaceStats();
    assert.equal(strValue(first), "first-kept");
    assert.equal(bigValue(last), -(2n ** 90n));
    assert.equal(listLen(kept), 0);
    assert.ok(
      stats.liveBytes - before.liveBytes < 4096,
      `live grew by ${stats.liveBytes - before.liveBytes}`,
    );
    // The dead tail went back to the bump region: the heap top is near the last live object.
    assert.ok(stats.top - before.top < 1 << 20, `top moved by ${stats.top - before.top}`);
    // Their memory and their table entries are reused, and the survivors stay intact.
    const again: number[] = [];
    for (let k = 0; k < 1000; k++) again.push(newStr(`t${k}`));
    assert.equal(strValue(again[999]), "t999");
    assert.equal(strValue(first), "first-kept");
    collect();
    assert.equal(strValue(first), "first-kept");
    assert.equal(bigValue(last), -(2n ** 90n));
    assert.ok(gcState.collections >= 3);
  } finally {
    tempPopTo(roots);
  }
});
