// Object layout. Every heap object starts with a 16-byte header:
//
//   +0  u32  type index (into the type registry; the type's heap object is typeRef(index))
//   +4  u32  size of the object in bytes, header included (a multiple of 8)
//   +8  u8   nraw: number of raw u32 fields after the header (never traced by the GC)
//   +9  u8   nrefs: number of u32 heap-reference fields after the raw ones (0 = none)
//   +10 u8   GC mark
//   +11 u8   flags (FLAG_NOSCAN: the body is raw data, nothing to trace)
//   +12 u32  aux: per-kind (a string's hash, ...)
//
// then the raw u32 fields, the ref u32 fields, padding to 8 bytes, and value words up to the end.
// This one uniform shape lets the GC trace every kind of object without per-type code, and lets
// native code address any field at a constant offset.

export const H_TYPE = 0;
export const H_SIZE = 4;
export const H_NRAW = 8;
export const H_NREFS = 9;
export const H_MARK = 10;
export const H_FLAGS = 11;
export const H_AUX = 12;
export const HEADER_BYTES = 16;

export const FLAG_NOSCAN = 1;
/**
 * FLAG_PAIRS: the value words come in pairs [raw word, value word] and only the second word of
 * each pair is traced (set tables: [hash, key] entries whose hash is a raw 64-bit integer).
 */
export const FLAG_PAIRS = 4;

/** Byte offset of the first value word of an object with nraw + nrefs u32 fields. */
export function valuesOffset(nfields: number): number {
  return HEADER_BYTES + ((nfields * 4 + 7) & ~7);
}

// Field offsets of the built-in kinds (byte offsets from the object's start).

/** str: raw [table index, length in code points, hash, hash-valid] */
export const STR_INDEX = 16;
export const STR_LEN = 20;
export const STR_HASH = 24;
export const STR_FIELDS = 4; // nraw
/** int (big): raw [table index] */
export const BIG_INDEX = 16;
/** tuple: value words from +16; length = (size - 16) / 8 */
export const TUPLE_ITEMS = 16;
/** list: raw [len, cap], refs [items] (items: a value buffer, see VALUES_*) */
export const LIST_LEN = 16;
export const LIST_CAP = 20;
export const LIST_ITEMS = 24;
/** A list's capacity after growing from `cap` (by half, plus a few). Native code grows small
 * lists the same way (LIST_GROWN_CAP in the stencils' header, src/jit/c_header.ts). */
export function grownCapacity(cap: number): number {
  return cap + (cap >> 1) + 4;
}
/** Items buffers up to this many bytes may be grown by native code (from its allocation region;
 * larger ones exit to tier 1, which can often grow them in place). */
export const NATIVE_LIST_GROW_MAX = 8192;
/** value buffer (list items, dict entries): value words from +16 */
export const VALUES_START = 16;
/** dict / set: raw [used, filled, mask, version], refs [indices, entries] */
export const DICT_USED = 16;
export const DICT_FILLED = 20;
export const DICT_MASK = 24;
export const DICT_VERSION = 28;
export const DICT_INDICES = 32;
export const DICT_ENTRIES = 36;
/**
 * set / frozenset (set.ts): raw [fill, used, mask, finger, hash lo, hash hi, hash valid],
 * refs [table]. The table is a FLAG_PAIRS value buffer of mask + 1 entries of 16 bytes from +16:
 * [hash: raw 64-bit, key: value word]. Empty entry: hash 0, key null (lo 0); dummy: hash -1, key
 * null with lo 1.
 */
export const SET_FILL = 16;
export const SET_USED = 20;
export const SET_MASK = 24;
export const SET_FINGER = 28;
export const SET_HASH_LO = 32;
export const SET_HASH_HI = 36;
export const SET_HASH_OK = 40;
export const SET_TABLE = 44;
export const SET_BYTES = 48;
/** instance: raw [shape id], refs [overflow value buffer], inline slots from +24 */
export const INST_SHAPE = 16;
export const INST_OVERFLOW = 20;
export const INST_SLOTS = 24;
/** function: raw [code index, version], refs [globals, defaults, kwdefaults, closure, name, qualname, dict] */
export const FUNC_CODE = 16;
export const FUNC_VERSION = 20;
export const FUNC_GLOBALS = 24;
export const FUNC_DEFAULTS = 28;
export const FUNC_KWDEFAULTS = 32;
export const FUNC_CLOSURE = 36;
export const FUNC_NAME = 40;
export const FUNC_QUALNAME = 44;
export const FUNC_DICT = 48;
/** bound method: value words [func, self] from +16 */
export const METHOD_FUNC = 16;
export const METHOD_SELF = 24;
/** builtin function: raw [builtin index], refs [name], value [bound self or null] */
export const BUILTIN_INDEX = 16;
export const BUILTIN_SELF = 24;
/** type object: raw [type index], refs [dict, name] */
export const TYPE_INDEX = 16;
export const TYPE_DICT = 20;
export const TYPE_NAME = 24;
/** cell: one value word */
export const CELL_VALUE = 16;
/** range: values [start, stop, step] (small ints) */
export const RANGE_START = 16;
/** slice: values [start, stop, step] */
export const SLICE_START = 16;
/** iterators over sequences: raw [index], refs [], values [seq] -- see iter.ts */
