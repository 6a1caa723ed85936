// Loads the teaming-lab library from its TypeScript source for the build tools (site builder, notebook
// generator): esbuild bundles `lib/index.ts` for Node and the bundle is evaluated in this process, so the
// tools always see the library as it is in the working tree, built or not.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The library's exports. */
export type Library = typeof import('../lib/index');

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The library's TypeScript entry. */
export const LIB_ENTRY = path.join(REPO_ROOT, 'lib', 'index.ts');

const loaded = new Map<string, Promise<Library>>();

/**
 * Bundles `entry` (default `lib/index.ts`, or env LIB_ENTRY) for Node and evaluates it, once per entry
 * per process. Node built-ins and packages stay external (required from the entry's folder).
 */
export function loadLibrary(entry: string = process.env.LIB_ENTRY ?? LIB_ENTRY): Promise<Library> {
  const abs = path.resolve(entry);
  let library = loaded.get(abs);
  if (!library) {
    library = esbuild
      .build({ entryPoints: [abs], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'silent' })
      .then((out) => {
        const require = createRequire(abs);
        const module = { exports: {} as Library };
        new Function('module', 'exports', 'require', '__filename', '__dirname', out.outputFiles[0].text)(module, module.exports, require, abs, path.dirname(abs));
        return module.exports;
      });
    loaded.set(abs, library);
  }
  return library;
}
