#!/usr/bin/env node
'use strict';
// The package's `teaming-lab` command. It runs the compiled CLI (dist/cli/main.js). In a fresh clone,
// where nothing has been built yet, it first compiles the library once with the TypeScript compiler.

const { existsSync } = require('fs');
const { join, resolve } = require('path');
const { spawnSync } = require('child_process');

const libDir = resolve(__dirname, '..');
const main = join(libDir, 'dist', 'cli', 'main.js');

if (!existsSync(main)) {
  process.stderr.write('teaming-lab: the library is not built yet (no dist/); building it once with tsc...\n');
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [libDir] });
  } catch {
    process.stderr.write('teaming-lab: internal error: cannot find the TypeScript compiler; run `npm ci` first\n');
    process.exit(3);
  }
  // The compiler's own output goes to stderr (fd 2), so that stdout stays clean for --json.
  const build = spawnSync(process.execPath, [tsc, '-p', join(libDir, 'tsconfig.json')], { stdio: ['ignore', 2, 2] });
  if (!existsSync(main)) {
    process.stderr.write(`teaming-lab: internal error: the build did not produce ${main} (tsc exit status ${build.status})\n`);
    process.exit(3);
  }
  if (build.status !== 0) process.stderr.write('teaming-lab: tsc reported errors (above) but emitted the CLI; running it\n');
  process.stderr.write('teaming-lab: build done\n');
}

require(main);
