// The course as other pages see it: every page's slug, title, lesson number and heading anchors. The
// parser resolves and checks `<LessonRef to="06-hyper-v-port-cap" />` against it, so a reference's
// text ("lesson 6") is computed from the target's front matter and a renumbered or renamed lesson can
// never leave a stale number or a dead link. Built from the sources with a line scan (front matter and
// `##` lines, fenced code skipped), cheap enough to hash into the site's page cache on every start.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from './frontMatter';
import type { FrontMatter } from './Lesson';
import { slugify } from './slugify';

/** A heading another page can link to. */
export interface CourseAnchor {
  /** The heading's id on the site (`slugify` of its text, `-2`, `-3` ... for repeats). */
  id: string;
  /** The heading's plain text (a notebook's anchor is this text with spaces as hyphens). */
  text: string;
}

/** One page of the course, as a `<LessonRef>` sees it. */
export interface CoursePage {
  /** File name without `.mdx`, e.g. `06-hyper-v-port-cap`. */
  slug: string;
  frontMatter: FrontMatter;
  /** Its `##` to `######` headings, in order. */
  anchors: CourseAnchor[];
}

/** Every page of the course by slug. */
export type CourseIndex = Record<string, CoursePage>;

/** Heading text as the reader sees it: inline code, emphasis, links and tags reduced to their text. */
export function headingPlainText(markdown: string): string {
  return markdown
    .replace(/<[A-Za-z][^>]*\/>/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    .trim();
}

/** A page's entry from its source; a page whose front matter does not parse is left out (its own parse reports it). */
export function coursePage(slug: string, source: string, file = `${slug}.mdx`): CoursePage | null {
  const text = source.replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!front) return null;
  let frontMatter: FrontMatter;
  try {
    frontMatter = parseFrontMatter(front[1], file, 2);
  } catch {
    return null;
  }
  const anchors: CourseAnchor[] = [];
  const seen = new Set<string>();
  let fence: string | null = null;
  for (const line of text.slice(front[0].length).split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^\s{0,3}#{2,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!h) continue;
    const plain = headingPlainText(h[1]);
    const base = slugify(plain);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    anchors.push({ id, text: plain });
  }
  return { slug, frontMatter, anchors };
}

/** The index of pages given as `{ slug, source }` (file order does not matter). */
export function courseIndex(pages: Array<{ slug: string; source: string; file?: string }>): CourseIndex {
  const index: CourseIndex = {};
  for (const p of pages) {
    const page = coursePage(p.slug, p.source, p.file);
    if (page) index[p.slug] = page;
  }
  return index;
}

/** The index of every `.mdx` page in a folder (empty when the folder does not exist). */
export function courseIndexOf(contentDir: string): CourseIndex {
  if (!existsSync(contentDir)) return {};
  const names = readdirSync(contentDir).filter((f) => f.endsWith('.mdx')).sort();
  return courseIndex(names.map((name) => ({ slug: name.replace(/\.mdx$/, ''), source: readFileSync(path.join(contentDir, name), 'utf8'), file: name })));
}

/** The repository root (for resolving a lesson file given relative to it). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The index of the folder a lesson file sits in (`content/06-x.mdx` is read relative to the repository). */
export function courseIndexFor(file: string): CourseIndex {
  return courseIndexOf(path.dirname(path.resolve(REPO_ROOT, file)));
}

/** The text a reference shows: `lesson 6`, `Lesson 6`, `6` or the lesson's title. */
export const LESSON_REF_FORMS = ['lesson', 'Lesson', 'number', 'title'] as const;
/** One of LESSON_REF_FORMS. */
export type LessonRefForm = (typeof LESSON_REF_FORMS)[number];

/** A notebook heading's anchor: Jupyter (Notebook 6 and JupyterLab) uses the heading text with spaces as hyphens. */
export function notebookAnchor(text: string): string {
  return text.replace(/ /g, '-').replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}
