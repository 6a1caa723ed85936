import { createHash } from 'node:crypto';
import { chmodSync, closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, mkdtempSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../InputError';
import { PARTICIPANT_NAME } from './hubConfig';

/** Options of `collectSubmissions`. */
export interface CollectSubmissionsOptions {
  /** Folder with one home folder per participant (a classroom's `homes/`). Only read. */
  homesDir: string;
  /** The submissions folder to write: one folder per participant, as `workshop grade` reads it. */
  outDir: string;
  /** Replace `outDir` when it exists and is not empty. Default false. */
  force?: boolean;
  /** Largest notebook copied, in bytes; a larger one is listed as skipped. Default 50 MB. */
  maxNotebookBytes?: number;
}

/** One notebook collected. */
export interface CollectedNotebook {
  /** Path inside the participant's folder, e.g. `06-hyper-v-port-cap.ipynb`. */
  path: string;
  bytes: number;
  sha256: string;
  /** When the participant last saved it (ISO 8601). */
  modified: string;
}

/** One participant's part of the manifest. */
export interface CollectedParticipant {
  name: string;
  notebooks: CollectedNotebook[];
  /** Entries not copied, with the reason (a symbolic link, a special file, too large). */
  skipped: Array<{ path: string; reason: string }>;
}

/** The manifest written to `outDir/manifest.json`. */
export interface CollectManifest {
  /** When the collection ran (ISO 8601). */
  collectedAt: string;
  /** The homes folder read. */
  from: string;
  participants: CollectedParticipant[];
}

/** Name of the manifest file in the submissions folder (not a folder, so graders see no student in it). */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Copies every participant's notebooks from a classroom's homes into a submissions folder, in the layout
 * `workshop grade` reads (`outDir/<participant>/<path>.ipynb`), read-only (mode 0444), with
 * `manifest.json` listing each copy's size, SHA-256 and save time, and each file left out with the reason.
 *
 * A participant controls their home, so nothing in it is trusted: symbolic links and special files are
 * never followed (each notebook is opened with O_NOFOLLOW and checked to be a regular file), hidden folders
 * (`.ipynb_checkpoints`, `.local`) and `node_modules` are not searched, and folders whose name is not a
 * valid participant name are ignored. Every participant with a home gets a folder, even with no notebook,
 * so that the grader lists them. Nothing is half-written: the copies go to a temporary folder that then
 * replaces `outDir` in one rename.
 *
 * @throws InputError when `homesDir` is missing, or `outDir` is not empty and `force` is not set.
 */
export function collectSubmissions(options: CollectSubmissionsOptions): CollectManifest {
  const homesDir = resolve(options.homesDir);
  const outDir = resolve(options.outDir);
  const maxBytes = options.maxNotebookBytes ?? 50_000_000;
  if (!existsSync(homesDir) || !statSync(homesDir).isDirectory()) {
    throw new InputError('--classroom', dirname(homesDir), 'a classroom folder with a homes/ folder (the --dir of teaming-lab classroom up)');
  }
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new InputError('OUT_DIR', options.outDir, 'a folder (this is a file)');
    if (readdirSync(outDir).length > 0 && !options.force) throw new InputError('OUT_DIR', options.outDir, 'an empty or new folder, or --force to replace it');
  }
  if (outDir === homesDir || outDir.startsWith(`${homesDir}/`) || homesDir.startsWith(`${outDir}/`)) {
    throw new InputError('OUT_DIR', options.outDir, `a folder outside the homes (${homesDir})`);
  }

  mkdirSync(dirname(outDir), { recursive: true });
  const temp = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}.collect-`));
  try {
    const participants: CollectedParticipant[] = [];
    for (const name of readdirSync(homesDir).sort()) {
      const home = join(homesDir, name);
      if (!PARTICIPANT_NAME.test(name) || !lstatSync(home).isDirectory()) continue;
      const participant: CollectedParticipant = { name, notebooks: [], skipped: [] };
      const target = join(temp, name);
      mkdirSync(target);
      collectFolder(home, home, target, participant, maxBytes);
      participants.push(participant);
    }
    const manifest: CollectManifest = { collectedAt: new Date().toISOString(), from: homesDir, participants };
    writeFileSync(join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o444 });
    chmodSync(temp, 0o755);
    if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
    renameSync(temp, outDir);
    return manifest;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Deepest folder searched inside a home (a participant could nest folders without end). */
const MAX_DEPTH = 16;

function collectFolder(home: string, folder: string, target: string, participant: CollectedParticipant, maxBytes: number, depth = 0): void {
  if (depth > MAX_DEPTH) {
    participant.skipped.push({ path: relative(home, folder), reason: `nested deeper than ${MAX_DEPTH} folders (not searched)` });
    return;
  }
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    const inHome = relative(home, path);
    if (entry.isSymbolicLink()) {
      if (entry.name.endsWith('.ipynb')) participant.skipped.push({ path: inHome, reason: 'a symbolic link (not followed)' });
      continue;
    }
    if (entry.isDirectory()) {
      collectFolder(home, path, join(target, entry.name), participant, maxBytes, depth + 1);
      continue;
    }
    if (!entry.name.endsWith('.ipynb')) continue;
    if (!entry.isFile()) {
      participant.skipped.push({ path: inHome, reason: 'not a regular file' });
      continue;
    }
    const copied = copyNotebook(path, join(target, entry.name), maxBytes);
    if (typeof copied === 'string') participant.skipped.push({ path: inHome, reason: copied });
    else participant.notebooks.push({ path: inHome, ...copied });
  }
}

/** Copies one notebook without following links; returns its details, or why it was skipped. */
function copyNotebook(source: string, destination: string, maxBytes: number): Omit<CollectedNotebook, 'path'> | string {
  let fd: number;
  try {
    fd = openSync(source, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return `cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'not a regular file';
    if (stat.size > maxBytes) return `larger than ${maxBytes} bytes (${stat.size})`;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const content = buffer.subarray(0, read);
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, content, { mode: 0o444 });
    chmodSync(destination, 0o444);
    return { bytes: read, sha256: createHash('sha256').update(content).digest('hex'), modified: stat.mtime.toISOString() };
  } finally {
    closeSync(fd);
  }
}
