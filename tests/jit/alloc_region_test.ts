// The allocation region native code takes objects from (src/runtime/space.ts): refilled from the
// allocator, never left with an 8-byte tail, retired into a free chunk by a collection so that the
// sweep can walk the heap, and not refilled while a collection is due.
import nodeAssert from "node:assert/strict";

const assert = (c: boolean, m?: string) => nodeAssert.ok(c, m);
const assertEquals = <T>(a: T, b: T, m?: string) => nodeAssert.equal(a, b, m);
import {
  allocate,
  collect,
  gcState,
  refillRegion,
  REGION_BYTES,
  regionAllocate,
  registerRegion,
} from "../../src/runtime/space.ts";
import { u32, u8 } from "../../src/runtime/mem.ts";
import { H_NRAW, H_NREFS } from "../../src/runtime/layout.ts";

Deno.test("native allocation region: refill, allocate, retire", () => {
  const region = { view: new Uint32Array(2), ptr: 0, end: 1 };
  registerRegion(region);
  assertEquals(regionAllocate(region, 13, 40, 0, 0), 0, "an empty region allocates nothing");
  refillRegion(region);
  const start = region.view[0];
  assert(start !== 0);
  assertEquals(region.view[1] - start, REGION_BYTES);
  // Objects come out headed and zeroed, in order, until the room is used up.
  let n = 0, last = 0;
  for (;;) {
    const a = regionAllocate(region, 13, 24, 1, 2);
    if (a === 0) break;
    assertEquals(u32[a >> 2], 13);
    assertEquals(u32[(a >> 2) + 1], 24);
    assertEquals(u8[a + H_NRAW], 1);
    assertEquals(u8[a + H_NREFS], 2);
    assertEquals(u32[(a + 16) >> 2], 0);
    if (last !== 0) assertEquals(a, last + 24);
    last = a;
    n++;
  }
  const rem = region.view[1] - region.view[0];
  assert(rem < 24 || rem - 24 === 8, `left ${rem} bytes`);
  assert(n > 0);
  // A region with room is not refilled; a collection retires it (the heap stays walkable).
  collect();
  assertEquals(region.view[0], 0);
  assertEquals(region.view[1], 0);
  refillRegion(region);
  assert(region.view[0] !== 0);
  const a = regionAllocate(region, 13, 32, 0, 0);
  assert(a !== 0);
  collect();
  // Ordinary allocation after retiring works and the region can be refilled again.
  assert(allocate(13, 40, 0, 0) !== 0);
  gcState.due = true;
  refillRegion(region);
  assertEquals(region.view[1] - region.view[0], 0, "no refill while a collection is due");
  collect();
  refillRegion(region);
  assertEquals(region.view[1] - region.view[0], REGION_BYTES);
});
