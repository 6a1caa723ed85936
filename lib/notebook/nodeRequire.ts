/**
 * Loads a Node module at call time, so that the library still loads (and bundles for the browser)
 * when the module is absent. Only the notebook helpers call it, and only inside tslab or Node.
 *
 * The indirection is on purpose: bundlers resolve `require('literal')` calls, not calls through a
 * variable, so a browser bundle of the library never tries to include `fs` or `tslab`.
 */
export function nodeRequire<T>(name: string): T {
  const load: NodeRequire | undefined = typeof require === 'function' ? require : undefined;
  if (load === undefined) throw new Error(`${name} can only be loaded in Node (tslab); this runtime has no require`);
  return load(name) as T;
}

/** Resolves a module's entry file the way `require.resolve` does, from this file's folder. */
export function nodeResolve(name: string): string {
  const load: NodeRequire | undefined = typeof require === 'function' ? require : undefined;
  if (load === undefined) throw new Error(`${name} can only be resolved in Node (tslab); this runtime has no require`);
  return load.resolve(name);
}
