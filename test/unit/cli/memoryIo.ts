import { readFileSync } from 'node:fs';
import type { CliIo } from '../../../lib/cli';

/** A CliIo that records what the CLI writes and serves files from `files`, else from disk. */
export function memoryIo(files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => (path in files ? files[path] : readFileSync(path, 'utf8')),
    env,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
