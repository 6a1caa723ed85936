// The learner's own copies of the notebooks. notebooks/ holds the course copies, regenerated from the
// lessons; a learner works in workspace/course/ (course copies, solutions inline) or workspace/student/
// (the student copies `teaming-lab workshop release` makes). A workspace notebook is copied once, when it
// is missing, and never overwritten afterwards: only an explicit reset replaces it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Which copies: the course notebooks (with solutions) or the released student notebooks. */
export type WorkspaceKind = 'course' | 'student';

/** Where the workspaces live, under the repository root (git-ignored). */
export function workspaceDir(root: string, kind: WorkspaceKind): string {
  return join(root, 'workspace', kind);
}

/** What `syncWorkspace` did. */
export interface WorkspaceSync {
  /** The workspace folder. */
  dir: string;
  /** Notebooks copied in because they were missing (or reset). */
  copied: string[];
  /** Notebooks left as they were (the learner's copy wins). */
  kept: string[];
}

/** Options of `syncWorkspace`. */
export interface SyncWorkspaceOptions {
  /** Repository root (holds notebooks/ and workspace/). */
  root: string;
  /** Which workspace. */
  kind: WorkspaceKind;
  /** Replace these notebooks (file names, e.g. `06-hyper-v-port-cap.ipynb`), or all with `true`. Default none. */
  reset?: string[] | true;
}

type Workshop = typeof import('../lib/workshop');

/** The released student copies of notebooks/, written by the library's `releaseStudentNotebooks` into a fresh folder. */
function releaseInto(root: string, outDir: string): void {
  const workshop = createRequire(join(root, 'lib', 'package.json'))('./dist/workshop') as Workshop;
  workshop.releaseStudentNotebooks({ fromDir: join(root, 'notebooks'), outDir, force: true });
}

/**
 * Copies every notebook the workspace lacks from its source (notebooks/, or a fresh release of it for
 * `student`), and the ones named in `reset`. Never touches any other workspace file.
 * @throws Error naming a `reset` entry that is not a course notebook
 */
export function syncWorkspace({ root, kind, reset = [] }: SyncWorkspaceOptions): WorkspaceSync {
  const dir = workspaceDir(root, kind);
  const courseDir = join(root, 'notebooks');
  const names = readdirSync(courseDir).filter((f) => f.endsWith('.ipynb')).sort();
  if (reset !== true) {
    for (const r of reset) if (!names.includes(r)) throw new Error(`--reset: no course notebook named ${r} (have: ${names.join(', ')})`);
  }
  const wanted = names.filter((n) => reset === true || reset.includes(n) || !existsSync(join(dir, n)));
  const kept = names.filter((n) => !wanted.includes(n));
  if (wanted.length === 0) return { dir, copied: [], kept };
  mkdirSync(dir, { recursive: true });
  let from = courseDir;
  let scratch: string | undefined;
  if (kind === 'student') {
    scratch = mkdtempSync(join(root, 'workspace', '.release-'));
    releaseInto(root, join(scratch, 'out'));
    from = join(scratch, 'out');
  }
  try {
    for (const name of wanted) copyFileSync(join(from, name), join(dir, name));
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return { dir, copied: wanted, kept };
}
