// The library for the browser: an IIFE exposing `TeamingLab`, used by the figure controls and the cell
// worker. (At build time the builder loads it for Node through scripts/loadLibrary.ts.)
import * as esbuild from 'esbuild';
import type { Plugin } from 'esbuild';

export { loadLibrary as loadLabForNode } from '../../scripts/loadLibrary';

/** Modules the browser bundle must not pull in: Node built-ins and tslab (only `lib/cli` and `lib/notebook`
 * use them). They resolve to an empty module, so the rest of the library bundles unchanged. */
const NODE_ONLY = /^(node:.*|fs|fs\/promises|path|child_process|os|url|util|crypto|stream|events|readline|process|module|tslab)$/;

const emptyNodeModules: Plugin = {
  name: 'empty-node-modules',
  setup(build) {
    build.onResolve({ filter: NODE_ONLY }, (args) => ({ path: args.path, namespace: 'tl-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'tl-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** Bundles the library entry for the browser as minified JavaScript that sets `self.TeamingLab`. */
export async function bundleLabForBrowser(entry: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'iife',
    globalName: 'TeamingLab', target: 'es2020', minify: true, logLevel: 'silent', plugins: [emptyNodeModules],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}
