// Services the interpreter needs from the runtime library, installed at start-up (runtime/setup.ts)
// so the loop does not depend on the library's module graph.
/** What tier 2 offers the interpreter (installed by the JIT when it is enabled). */
export interface Tier2 {
  /** JUMP_BACKWARD counts in its cache0 up to this before calling onHotLoop. */
  threshold: number;
  /**
   * The JUMP_BACKWARD at instruction `instr` of registered code `codeIndex` is hot; the frame's
   * F_IP (= instr) and F_SP are saved. Returns true when it rewrote the instruction into
   * ENTER_EXECUTOR (the interpreter then executes that at once); otherwise it should have set a
   * back-off (a negative counter) in the instruction's cache0.
   */
  onHotLoop(codeIndex: number, instr: number, frame: number): boolean;
  /**
   * The function of registered code `codeIndex` (whose first instruction is RESUME, counting
   * calls in its cache0 like JUMP_BACKWARD) is hot; `frame` is a call of it at its RESUME (F_IP
   * = 0, F_SP saved). Returns true when it rewrote the RESUME into ENTER_EXECUTOR (head 1: the
   * executor starts after RESUME); otherwise it should have set a back-off in cache0.
   */
  onHotFunction(codeIndex: number, frame: number): boolean;
  /**
   * Run executor `id` on the current frame (F_IP = the ENTER_EXECUTOR instruction, F_SP saved).
   * A trace may push frames (inlined calls) and leave inside one: on return frameState.current
   * and frameState.top are the frame tier 1 continues in (pushed exactly as CALL_PY_EXACT_ARGS
   * would have), whose F_IP is the instruction tier 1 executes next and F_SP its stack pointer
   * (an invalidated executor just sets F_IP to the loop head).
   */
  enter(id: number, frame: number): void;
}

export const interpHooks = {
  /** Tier 2, or null when the JIT is off. */
  jit: null as Tier2 | null,
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
