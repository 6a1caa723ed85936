// Turns every lesson `content/*.mdx` into `notebooks/<same name>.ipynb` for tslab (docs/lesson-format.md),
// through the one lesson parser (scripts/lesson/parseLesson.ts) and writer (scripts/lesson/lessonNotebook.ts).
// Guides (`kind: guide`) get no notebook. The .mdx file is the only source: never edit notebooks/.
// notebooks/ holds the course (instructor) copies; learners work in notebooks-workspace/ (scripts/notebooks.ts).
//
//   npm run notebooks:generate           write the notebooks (and remove ones whose lesson is gone)
//   npm run notebooks:check              write nothing; exit 1 listing stale notebooks
//
// Exit codes: 0 up to date / written, 1 stale (--check), 2 a lesson has an error (file:line: message).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, loadLibrary } from './loadLibrary';
import type { Lesson, LessonLibrary } from './lesson/Lesson';
import { courseIndex } from './lesson/courseIndex';
import { LessonError } from './lesson/LessonError';
import { lessonNotebookText } from './lesson/lessonNotebook';
import { parseLesson } from './lesson/parseLesson';

/** One notebook as generated, and whether notebooks/ already holds exactly it. */
export interface PlannedNotebook {
  /** The lesson, e.g. `content/06-hyper-v-port-cap.mdx`. */
  source: string;
  /** The notebook, e.g. `notebooks/06-hyper-v-port-cap.ipynb`. */
  target: string;
  /** The notebook's file text. */
  json: string;
  /** True when the file on disk has exactly this text. */
  upToDate: boolean;
  /** The parsed lesson. */
  lesson: Lesson;
}

/** What `planNotebooks` found. */
export interface NotebookPlan {
  notebooks: PlannedNotebook[];
  /** notebooks/*.ipynb that no lesson produces. */
  orphans: string[];
  /** One `file:line: message` per lesson that does not parse. */
  errors: string[];
}

/** Parses every page of `root/content` (lessons and guides); errors are collected, not thrown. */
export function parseContent(root: string, library: LessonLibrary): { lessons: Lesson[]; errors: string[] } {
  const contentDir = join(root, 'content');
  const lessons: Lesson[] = [];
  const errors: string[] = [];
  const files = existsSync(contentDir) ? readdirSync(contentDir).filter((f) => f.endsWith('.mdx')).sort() : [];
  const sources = files.map((name) => ({ name, slug: name.replace(/\.mdx$/, ''), source: readFileSync(join(contentDir, name), 'utf8') }));
  // Every page's number, title and headings, for <LessonRef>.
  const course = courseIndex(sources.map((s) => ({ slug: s.slug, source: s.source, file: `content/${s.name}` })));
  for (const { name, source } of sources) {
    const file = `content/${name}`;
    try {
      lessons.push(parseLesson(source, file, library, course));
    } catch (error) {
      if (error instanceof LessonError) errors.push(error.message);
      else throw error;
    }
  }
  return { lessons, errors };
}

/** Builds every lesson's notebook in memory and compares it with `root/notebooks`. */
export async function planNotebooks(root: string = REPO_ROOT, library?: LessonLibrary): Promise<NotebookPlan> {
  const { lessons, errors } = parseContent(root, library ?? (await loadLibrary()));
  const notebooksDir = join(root, 'notebooks');
  const notebooks = lessons
    .filter((l) => l.frontMatter.kind === 'lesson')
    .map((lesson) => {
      const target = `notebooks/${lesson.slug}.ipynb`;
      const json = lessonNotebookText(lesson);
      const path = join(root, target);
      return { source: lesson.file, target, json, upToDate: existsSync(path) && readFileSync(path, 'utf8') === json, lesson };
    });
  const expected = new Set(notebooks.map((n) => n.target));
  const orphans = existsSync(notebooksDir)
    ? readdirSync(notebooksDir)
        .filter((f) => f.endsWith('.ipynb'))
        .map((f) => `notebooks/${f}`)
        .filter((f) => !expected.has(f))
    : [];
  return { notebooks, orphans, errors };
}

/** Writes stale notebooks and removes orphans; writes nothing when a lesson has an error. */
export async function writeNotebooks(root: string = REPO_ROOT, library?: LessonLibrary): Promise<NotebookPlan & { written: string[]; removed: string[] }> {
  const plan = await planNotebooks(root, library);
  if (plan.errors.length > 0) return { ...plan, written: [], removed: [] };
  mkdirSync(join(root, 'notebooks'), { recursive: true });
  const written: string[] = [];
  for (const nb of plan.notebooks) {
    if (nb.upToDate) continue;
    writeFileSync(join(root, nb.target), nb.json);
    written.push(nb.target);
  }
  for (const orphan of plan.orphans) rmSync(join(root, orphan));
  return { ...plan, written, removed: plan.orphans };
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`usage: npm run notebooks:generate [-- --check]   (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  if (check) {
    const plan = await planNotebooks();
    for (const e of plan.errors) console.error(e);
    if (plan.errors.length > 0) return 2;
    const stale = plan.notebooks.filter((n) => !n.upToDate);
    for (const n of stale) console.error(`stale: ${n.target} (does not match ${n.source})`);
    for (const o of plan.orphans) console.error(`stale: ${o} (no lesson in content/ produces it)`);
    if (stale.length + plan.orphans.length > 0) {
      console.error('Run `npm run notebooks:generate` and commit the notebooks.');
      return 1;
    }
    console.log(`${plan.notebooks.length} notebooks up to date.`);
    return 0;
  }
  const result = await writeNotebooks();
  for (const e of result.errors) console.error(e);
  if (result.errors.length > 0) return 2;
  for (const w of result.written) console.log(`wrote ${w}`);
  for (const r of result.removed) console.log(`removed ${r}`);
  console.log(`${result.notebooks.length} notebooks, ${result.written.length} written, ${result.removed.length} removed.`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
  );
}
