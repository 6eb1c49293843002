// Layouts of the built-in iterator objects, for the interpreter's FOR_ITER specialisations and
// native code. Every offset is a byte offset from the object's start.
//
// list_iterator, tuple_iterator, str_ascii_iterator, list_reverseiterator, reversed, iterator
// (the __getitem__ protocol): allocate(T, 32, 1, 0)
//   +16 u32  index (next position; for list_reverseiterator and reversed: items remaining)
//   +24 word the sequence (list / tuple / str ...), None once exhausted
// range_iterator: allocate(T_RANGE_ITER, 40, 0, 0)
//   +16 word next value, +24 word stop, +32 word step. When all three are small ints the
//   iterator yields `next` while (step > 0 ? next < stop : next > stop), then adds step. Otherwise
//   (big ranges) they are big ints; fast paths must guard W.isInt on all three.
// dict_keyiterator / dict_valueiterator / dict_itemiterator:
//   allocate(T, 32, 2, 0): +16 u32 entry index, +20 u32 len when created, +24 word the dict.
// set_iterator: allocate(T_SET_ITER, 32, 2, 0): +16 u32 next table position (set.ts: iteration
//   is table order), +20 u32 the set's used count when created (0xffffffff once it changed),
//   +24 word the set/frozenset, None once exhausted.

export const ITER_INDEX = 16;
export const ITER_SEQ = 24;
export const ITER_BYTES = 32;

export const RANGE_ITER_NEXT = 16;
export const RANGE_ITER_STOP = 24;
export const RANGE_ITER_STEP = 32;
export const RANGE_ITER_BYTES = 40;

export const DICT_ITER_INDEX = 16;
export const DICT_ITER_LEN = 20;
export const DICT_ITER_DICT = 24;
export const DICT_ITER_BYTES = 32;

export const SET_ITER_POS = 16;
export const SET_ITER_USED = 20;
export const SET_ITER_SET = 24;
export const SET_ITER_BYTES = 32;

/** range: values [start, stop, step] at +16, +24, +32 (small or big ints). */
export const RANGE_START = 16;
export const RANGE_STOP = 24;
export const RANGE_STEP = 32;
export const RANGE_BYTES = 40;

/** slice: values [start, stop, step] at +16, +24, +32. */
export const SLICE_BYTES = 40;

/** enumerate: +16 word iterator, +24 word count. */
export const ENUM_ITER = 16;
export const ENUM_COUNT = 24;
/** zip: +16 word tuple of iterators. map: +16 word function, +24 word tuple of iterators.
 * filter: +16 word function (None: truthiness), +24 word iterator. */

/** module: refs [dict, name] at +16, +20. */
export const MODULE_DICT = 16;
export const MODULE_NAME = 20;
