// Start-up of the runtime: built-in types, exception classes, the builtins dict, the library, and
// the interpreter's hooks, in dependency order.
import { newDict } from "./dict.ts";
import { initExceptions } from "./errors.ts";
import { markRef, rootProviders } from "./space.ts";
import { getEmptyTuple } from "./seq.ts";
import { initBuiltinTypes, installLibrary } from "./lib/index.ts";
import { initInterpreter } from "../interpreter/interp.ts";
import { installClassSupport } from "../interpreter/classes.ts";
import { interpHooks } from "../interpreter/hooks.ts";
import { wireInterpreter } from "./interp_wiring.ts";
import { invalidateType, types } from "./types.ts";

let initialised = false;

/** Initialise everything once; returns the builtins dict. */
export function initRuntime(): number {
  if (initialised) return interpHooks.builtins;
  initialised = true;
  initBuiltinTypes();
  initExceptions();
  const builtins = newDict();
  interpHooks.builtins = builtins;
  const empty = getEmptyTuple();
  rootProviders.push(() => {
    markRef(interpHooks.builtins);
    markRef(interpHooks.buildClass);
    markRef(empty);
  });
  initInterpreter();
  installLibrary(builtins);
  wireInterpreter();
  interpHooks.buildClass = installClassSupport(builtins);
  // Type dicts were filled during start-up without going through invalidateType everywhere: give
  // every type a fresh version so no attribute lookup cached before now survives.
  for (const t of types) if (t !== undefined) invalidateType(t.index);
  return builtins;
}
