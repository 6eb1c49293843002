// Creation of the TypeInfos of every built-in type at its fixed index (type_ids.ts).
import { defineType } from "../types.ts";
import * as T from "../type_ids.ts";

const BUILTIN_TYPES: [string, number, number][] = [
  ["object", T.T_OBJECT, -1],
  ["type", T.T_TYPE, T.T_OBJECT],
  ["int", T.T_INT, T.T_OBJECT],
  ["bool", T.T_BOOL, T.T_INT],
  ["float", T.T_FLOAT, T.T_OBJECT],
  ["NoneType", T.T_NONE, T.T_OBJECT],
  ["str", T.T_STR, T.T_OBJECT],
  ["tuple", T.T_TUPLE, T.T_OBJECT],
  ["list", T.T_LIST, T.T_OBJECT],
  ["dict", T.T_DICT, T.T_OBJECT],
  ["set", T.T_SET, T.T_OBJECT],
  ["frozenset", T.T_FROZENSET, T.T_OBJECT],
  ["range", T.T_RANGE, T.T_OBJECT],
  ["slice", T.T_SLICE, T.T_OBJECT],
  ["function", T.T_FUNCTION, T.T_OBJECT],
  ["method", T.T_METHOD, T.T_OBJECT],
  ["builtin_function_or_method", T.T_BUILTIN, T.T_OBJECT],
  ["cell", T.T_CELL, T.T_OBJECT],
  ["code", T.T_CODE, T.T_OBJECT],
  ["module", T.T_MODULE, T.T_OBJECT],
  ["values", T.T_VALUES, T.T_OBJECT],
  ["rawbuf", T.T_RAWBUF, T.T_OBJECT],
  ["list_iterator", T.T_LIST_ITER, T.T_OBJECT],
  ["tuple_iterator", T.T_TUPLE_ITER, T.T_OBJECT],
  ["range_iterator", T.T_RANGE_ITER, T.T_OBJECT],
  ["str_ascii_iterator", T.T_STR_ITER, T.T_OBJECT],
  ["dict_keyiterator", T.T_DICT_KEYITER, T.T_OBJECT],
  ["dict_valueiterator", T.T_DICT_VALUEITER, T.T_OBJECT],
  ["dict_itemiterator", T.T_DICT_ITEMITER, T.T_OBJECT],
  ["set_iterator", T.T_SET_ITER, T.T_OBJECT],
  ["dict_keys", T.T_DICT_KEYS, T.T_OBJECT],
  ["dict_values", T.T_DICT_VALUES, T.T_OBJECT],
  ["dict_items", T.T_DICT_ITEMS, T.T_OBJECT],
  ["enumerate", T.T_ENUMERATE, T.T_OBJECT],
  ["zip", T.T_ZIP, T.T_OBJECT],
  ["reversed", T.T_REVERSED, T.T_OBJECT],
  ["map", T.T_MAP, T.T_OBJECT],
  ["filter", T.T_FILTER, T.T_OBJECT],
  ["property", T.T_PROPERTY, T.T_OBJECT],
  ["staticmethod", T.T_STATICMETHOD, T.T_OBJECT],
  ["classmethod", T.T_CLASSMETHOD, T.T_OBJECT],
  ["super", T.T_SUPER, T.T_OBJECT],
  ["NotImplementedType", T.T_NOTIMPLEMENTED, T.T_OBJECT],
  ["ellipsis", T.T_ELLIPSIS, T.T_OBJECT],
  ["iterator", T.T_CALL_ITER, T.T_OBJECT],
  ["list_reverseiterator", T.T_LIST_REVITER, T.T_OBJECT],
];

let done = false;

/** Create the TypeInfo of every built-in type (idempotent). Call before initExceptions(). */
export function initBuiltinTypes(): void {
  if (done) return;
  done = true;
  for (const [name, index, base] of BUILTIN_TYPES) defineType(name, base, index);
}
