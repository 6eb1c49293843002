// Scratch value slots for TypeScript code that must hold values across calls that may reach a
// safepoint (re-entrant calls into Python). The region is scanned by the GC up to its top.
import { TEMP_BYTES, TEMP_START, W } from "./mem.ts";
import { markSlot, rootProviders } from "./space.ts";

let tempTop = TEMP_START;

/** Reserve `n` slots (initialised to None); returns the address of the first. */
export function tempPush(n = 1): number {
  const a = tempTop;
  if (a + 8 * n > TEMP_START + TEMP_BYTES) throw new RangeError("temp slots exhausted");
  for (let k = 0; k < n; k++) W.setNone(a + 8 * k);
  tempTop += 8 * n;
  return a;
}

/** Release slots back to address `a` (the value tempPush returned). */
export function tempPopTo(a: number): void {
  tempTop = a;
}

export function tempMark(): number {
  return tempTop;
}

rootProviders.push(() => {
  for (let a = TEMP_START; a < tempTop; a += 8) markSlot(a);
});
