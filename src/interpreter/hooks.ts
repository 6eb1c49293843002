// Services the interpreter needs from the runtime library, installed at start-up (runtime/setup.ts)
// so the loop does not depend on the library's module graph.
export const interpHooks = {
  /** The builtins dict (heap ref). */
  builtins: 0,
  /** The __build_class__ builtin (heap ref). */
  buildClass: 0,
  /** Called at every safepoint when set (tier 2 hotness, tests). */
  onSafepoint: null as (() => void) | null,
  /** Fast FOR_ITER for built-in iterators: 1 pushed next at `out`, 0 exhausted, -1 not handled. */
  forIterFast: null as ((it: number, out: number) => number) | null,
  newSlice: (_start: number, _stop: number, _step: number): number => 0,
  newSetFrom: (_items: number, _n: number): number => 0,
  setAdd: (_set: number, _item: number): void => {},
  listExtend: (_list: number, _iterable: number): void => {},
  setUpdate: (_set: number, _iterable: number): void => {},
  /** dict.update(mapping); with `merge`, duplicate keys raise TypeError naming the callee. */
  dictUpdate: (_dict: number, _mapping: number, _merge: boolean, _callee: number): void => {},
  /** [key address, value address] of every live entry of a dict. */
  dictItems: (_dict: number): [number, number][] => [],
  moduleName: (_module: number): string => "?",
  importStar: (_module: number, _globals: number): void => {},
};
