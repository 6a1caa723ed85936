#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTextFile } from './readJsonFile';
import { runCli } from './runCli';

// The process end of the CLI: wires runCli to argv, stdout, stderr, the file system and the exit code.

/** The version in the nearest package.json named teaming-lab above this file (lib/ in source, the package root once built). */
function packageVersion(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'teaming-lab') return manifest.version;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

// A reader that stops early (`teaming-lab reproduce | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: readTextFile,
    env: process.env,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  },
  { version: packageVersion() },
).then((code) => {
  process.exitCode = code;
});
