// Bundles the teaming-lab library with esbuild: once for Node (to run experiments while the site is built)
// and once for the browser (an IIFE exposing `TeamingLab`, used by the figure controls and the cell worker).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';

/** Modules the browser bundle must not pull in: Node built-ins and tslab (only `lib/cli` and `lib/notebook`
 * use them). They resolve to an empty module, so the rest of the library bundles unchanged. */
const NODE_ONLY = /^(node:.*|fs|fs\/promises|path|child_process|os|url|util|crypto|stream|events|readline|process|module|tslab)$/;

const emptyNodeModules = {
  name: 'empty-node-modules',
  setup(build) {
    build.onResolve({ filter: NODE_ONLY }, (args) => ({ path: args.path, namespace: 'tl-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'tl-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * Bundles `entry` (the library's TypeScript entry) for Node and evaluates it in this process.
 * @param {string} entry absolute path of `lib/index.ts` (or a stand-in)
 * @returns {Promise<Record<string, any>>} the library's exports
 */
export async function loadLabForNode(entry) {
  const out = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20',
    packages: 'external', logLevel: 'silent', sourcemap: false,
  });
  const code = out.outputFiles[0].text;
  const require = createRequire(entry);
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', code)(module, module.exports, require, entry, entry);
  return module.exports;
}

/**
 * Bundles the library for the browser as an IIFE that sets `self.TeamingLab`.
 * @param {string} entry absolute path of the library entry
 * @returns {Promise<string>} minified JavaScript
 */
export async function bundleLabForBrowser(entry) {
  const out = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'iife',
    globalName: 'TeamingLab', target: 'es2020', minify: true, logLevel: 'silent', plugins: [emptyNodeModules],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}
