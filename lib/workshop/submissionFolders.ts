import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { GradeNotice } from './gradeReport';

/*
 * What a submissions folder holds, read without following a single symbolic link: the students (one
 * folder each), their notebooks, and everything that cannot be graded as handed in, each with the reason,
 * so that no student and no file vanishes from the report.
 */

/** One student's folder. */
export interface StudentFolder {
  /** The folder's name, which the report shows. */
  name: string;
  /** The folder, when it can be graded; undefined when it cannot (`problem` says why). */
  dir?: string;
  /** Why none of the student's work can be graded (a symbolic link ...). */
  problem?: string;
  /** Notebooks to grade: paths relative to `dir`, in name order. */
  notebooks: string[];
  /** Notebooks that cannot be graded (relative to `dir`), with the reason; their exercises fail with it. */
  refused: Array<{ notebook: string; problem: string }>;
}

/** What `readSubmissionFolders` finds. */
export interface SubmissionFolders {
  /** Every student folder, by name. */
  students: StudentFolder[];
  /** Things outside any student folder (loose notebooks ...) and inside them that are not notebooks to grade. */
  notices: GradeNotice[];
}

/** Hidden files and folders (`.ipynb_checkpoints`, `.git`) and a student's own node_modules are not looked at. */
const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists the students and notebooks of a submissions folder. A folder in it is a student; a symbolic link
 * to a folder is a student whose work is not graded ("not followed"); a notebook (`.ipynb`) directly in
 * it, or a link to one, is reported as loose. Inside a student's folder (any depth) a notebook file is
 * graded, a symbolic link named `.ipynb` is refused with the reason, and a link to a folder or a folder
 * that cannot be read is reported. `exclude` (the report folder) is skipped.
 */
export function readSubmissionFolders(submissionsDir: string, exclude: string[] = []): SubmissionFolders {
  const root = resolve(submissionsDir);
  const notices: GradeNotice[] = [];
  const students: StudentFolder[] = [];
  const excluded = new Set(exclude.map((path) => resolve(path)));
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name))) {
    const path = join(root, entry.name);
    if (skipped(entry.name) || excluded.has(path)) continue;
    if (entry.isDirectory()) {
      students.push(readStudent(entry.name, path, root, notices));
    } else if (entry.isSymbolicLink()) {
      let target: 'folder' | 'notebook' | 'other' = 'other';
      try {
        target = statSync(path).isDirectory() ? 'folder' : entry.name.endsWith('.ipynb') ? 'notebook' : 'other';
      } catch {
        target = entry.name.endsWith('.ipynb') ? 'notebook' : 'other';
      }
      if (target === 'folder') {
        students.push({ name: entry.name, problem: 'the student folder is a symbolic link, which grading does not follow: copy the folder in instead', notebooks: [], refused: [] });
      } else if (target === 'notebook') {
        notices.push({ path: entry.name, problem: 'a loose notebook (a symbolic link) outside any student folder: not graded; put it in its student folder' });
      }
    } else if (entry.isFile() && entry.name.endsWith('.ipynb')) {
      notices.push({ path: entry.name, problem: 'a loose notebook outside any student folder: not graded; put it in its student folder' });
    }
  }
  return { students, notices };
}

function readStudent(name: string, dir: string, root: string, notices: GradeNotice[]): StudentFolder {
  const student: StudentFolder = { name, dir, notebooks: [], refused: [] };
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
    } catch (error) {
      notices.push({ student: name, path: relative(root, folder), problem: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): its notebooks are not graded` });
      return;
    }
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const path = join(folder, entry.name);
      const rel = relative(dir, path);
      if (entry.isSymbolicLink()) {
        if (entry.name.endsWith('.ipynb')) {
          student.refused.push({ notebook: rel, problem: 'a symbolic link, which grading does not follow: hand in the notebook file itself' });
        } else if (isFolder(path)) {
          notices.push({ student: name, path: relative(root, path), problem: 'a symbolic link to a folder, not followed: notebooks in it are not graded' });
        }
      } else if (entry.isDirectory()) {
        walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.ipynb')) {
        student.notebooks.push(rel);
      }
    }
  };
  walk(dir);
  return student;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
