// Instances of classes: a shape id (hidden class) plus attribute values in slots, the first
// `inline` ones inside the object and the rest in an overflow buffer. A guard on the shape id and a
// load at a fixed offset is an attribute read, for tier 1's inline caches and for native code.
import { u32, W } from "./mem.ts";
import { INST_OVERFLOW, INST_SHAPE, INST_SLOTS, VALUES_START } from "./layout.ts";
import { allocate } from "./space.ts";
import { Shape, shapeById, shapeWith, types, typeWatch } from "./types.ts";
import { T_VALUES } from "./type_ids.ts";

/** A new instance of type t with no attributes. */
export function newInstance(t: number): number {
  const info = types[t];
  const n = info.inlineSlots;
  const r = allocate(t, INST_SLOTS + 8 * n, 1, 1);
  u32[(r + INST_SHAPE) >> 2] = info.rootShape.id;
  return r;
}

export function inlineSlotCount(r: number): number {
  return (u32[(r >> 2) + 1] - INST_SLOTS) >> 3;
}

export function instanceShape(r: number): Shape {
  return shapeById(u32[(r + INST_SHAPE) >> 2]);
}

/** Address of slot i of instance r. */
export function slotAddr(r: number, i: number): number {
  const inline = (u32[(r >> 2) + 1] - INST_SLOTS) >> 3;
  if (i < inline) return r + INST_SLOTS + 8 * i;
  return u32[(r + INST_OVERFLOW) >> 2] + VALUES_START + 8 * (i - inline);
}

/** Address of attribute `name` (interned str ref) of instance r, or 0. */
export function instanceAttrAddr(r: number, name: number): number {
  const i = shapeById(u32[(r + INST_SHAPE) >> 2]).index.get(name);
  return i === undefined ? 0 : slotAddr(r, i);
}

/** r.name = value (value is a slot address). */
export function setInstanceAttr(r: number, name: number, value: number): void {
  const shape = shapeById(u32[(r + INST_SHAPE) >> 2]);
  const i = shape.index.get(name);
  if (i !== undefined) {
    W.copy(slotAddr(r, i), value);
    return;
  }
  const next = shapeWith(shape, name);
  const k = shape.names.length;
  const inline = (u32[(r >> 2) + 1] - INST_SLOTS) >> 3;
  if (k >= inline) {
    const t = types[u32[r >> 2]];
    if (t.inlineSlots < k + 1 && t.inlineSlots < 16) {
      t.inlineSlots = Math.min(16, k + 1);
      // Traces that allocate instances of t (sized when they were built) are rebuilt.
      if (typeWatch.onChange !== null) typeWatch.onChange(u32[r >> 2]);
    }
    const over = u32[(r + INST_OVERFLOW) >> 2];
    const have = over === 0 ? 0 : (u32[(over >> 2) + 1] - VALUES_START) >> 3;
    if (k - inline >= have) {
      const cap = Math.max(4, have * 2);
      const buf = allocate(T_VALUES, VALUES_START + 8 * cap, 0, 0);
      for (let j = 0; j < have; j++) {
        W.copy(buf + VALUES_START + 8 * j, over + VALUES_START + 8 * j);
      }
      u32[(r + INST_OVERFLOW) >> 2] = buf;
    }
  }
  u32[(r + INST_SHAPE) >> 2] = next.id;
  W.copy(slotAddr(r, k), value);
}

/** Remove attribute name; false if absent. Rebuilds the shape from the root. */
export function deleteInstanceAttr(r: number, name: number): boolean {
  const shape = shapeById(u32[(r + INST_SHAPE) >> 2]);
  const i = shape.index.get(name);
  if (i === undefined) return false;
  const names = shape.names;
  const saved: number[] = [];
  const scratch = 2048; // SCRATCH_START: no allocation happens while these are live
  for (let k = 0; k < names.length; k++) {
    if (k === i) continue;
    W.copy(scratch + 8 * saved.length, slotAddr(r, k));
    saved.push(names[k]);
  }
  let s = types[u32[r >> 2]].rootShape;
  for (const n of saved) s = shapeWith(s, n);
  u32[(r + INST_SHAPE) >> 2] = s.id;
  for (let k = 0; k < saved.length; k++) W.copy(slotAddr(r, k), scratch + 8 * k);
  return true;
}
