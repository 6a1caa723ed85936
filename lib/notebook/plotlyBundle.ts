import { nodeRequire, nodeResolve } from './nodeRequire';

/** The plotly.js bundle a figure's HTML carries, read once per process. */
export interface PlotlyBundle {
  /** The plotly.js version, from the package's `package.json`. */
  version: string;
  /** The bundle's JavaScript text, minified when esbuild is installed. */
  code: string;
}

let cached: PlotlyBundle | undefined;

/** The partial plotly.js bundle with the trace types every library figure uses (scatter, bar): about
 * 1.1 MB minified, against 4.9 MB for the full bundle. */
const BASIC_BUNDLE = 'plotly.js-basic-dist-min';

/**
 * The installed plotly.js bundle (never a CDN: notebooks must render offline): the basic partial bundle,
 * already minified; without it, `plotly.js-dist` (11 MB) minified with esbuild when esbuild can be loaded
 * (about 4.9 MB, a second once per process) and kept in `node_modules/.cache/teaming-lab/`.
 */
export function plotlyBundle(): PlotlyBundle {
  if (cached) return cached;
  try {
    const fs = nodeRequire<typeof import('fs')>('fs');
    const path = nodeRequire<typeof import('path')>('path');
    const entry = nodeResolve(BASIC_BUNDLE);
    const version = String(JSON.parse(fs.readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8')).version);
    cached = { version, code: fs.readFileSync(entry, 'utf8') };
    return cached;
  } catch {
    // Not installed: fall back to the full bundle below.
  }
  const fs = nodeRequire<typeof import('fs')>('fs');
  const path = nodeRequire<typeof import('path')>('path');
  const entry = nodeResolve('plotly.js-dist');
  const packageDir = path.dirname(entry);
  const version = String(JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version);
  const cacheFile = path.join(packageDir, '..', '.cache', 'teaming-lab', `plotly-${version}.min.js`);
  let code: string | undefined;
  try {
    code = fs.readFileSync(cacheFile, 'utf8');
  } catch {
    code = undefined;
  }
  if (code === undefined) {
    const source = fs.readFileSync(entry, 'utf8');
    code = minify(source);
    if (code !== source) {
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        fs.writeFileSync(cacheFile, code);
      } catch {
        // A read-only node_modules only costs the minification again next time.
      }
    }
  }
  cached = { version, code };
  return cached;
}

/** Minifies with esbuild when it is installed; otherwise returns the source unchanged. */
function minify(source: string): string {
  let esbuild: { transformSync(code: string, options: Record<string, unknown>): { code: string } };
  try {
    esbuild = nodeRequire('esbuild');
  } catch {
    return source;
  }
  return esbuild.transformSync(source, { minify: true, legalComments: 'eof' }).code;
}
