// Lets Node run the TypeScript tools (site/build.ts, scripts/*.ts) directly: `node --import
// ./scripts/ts-loader.mjs site/build.ts`. Importing this file registers module hooks that strip types
// with esbuild (already a devDependency) and resolve extensionless relative imports to `.ts` files.
// It is the one JavaScript file the tools need: Node 20 cannot run TypeScript on its own.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

/** Resolves `./x` (from a .ts file) to `./x.ts` or `./x/index.ts` when that file exists. */
export async function resolve(specifier, context, next) {
  const fromTs = context.parentURL?.startsWith('file:') && context.parentURL.endsWith('.ts');
  if (fromTs && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    const base = fileURLToPath(new URL(specifier, context.parentURL));
    for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return { url: pathToFileURL(candidate).href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

/** Loads a .ts file as an ES module with its types stripped (esbuild, inline source map for stack traces). */
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const { transform } = await import('esbuild');
  const out = await transform(await readFile(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: file });
  return { format: 'module', source: out.code, shortCircuit: true };
}

if (isMainThread) {
  process.setSourceMapsEnabled(true);
  register(import.meta.url);
}
