// Builds the course website: every content/*.mdx page is parsed by the one lesson parser
// (scripts/lesson/parseLesson.ts) and rendered to static HTML (readable without JavaScript), plus an index,
// a search page and index, a 404 page and the client islands (figures, controls, runnable cells, search,
// theme). Rendered pages and built assets are cached under .cache/site by content hash: when nothing
// changed, a build only copies them (see bench/site-start.mjs for the timing).
//
//   npm run site:build                   builds content/ into site/dist/
//   CONTENT_DIR=dir OUT_DIR=dir npm run site:build
//
// Fails (exit code 1) listing every problem as `file:line: message`: unknown components or experiments,
// bad props, front matter that is neither a lesson (`lesson: N`) nor a guide (`kind: guide`), a cell that
// throws when run. Guides are listed apart from the lessons, under "For instructors".
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExperimentResult } from '../lib/experiments/Experiment';
import type { FrontMatter } from '../scripts/lesson/Lesson';
import { LessonError, LessonErrors } from '../scripts/lesson/LessonError';
import { loadLibrary } from '../scripts/loadLibrary';
import type { Library } from '../scripts/loadLibrary';
import { writeAssets } from './builder/assets';
import { contentHash, filesUnder } from './builder/contentHash';
import { courseIndex } from '../scripts/lesson/courseIndex';
import type { CourseIndex } from '../scripts/lesson/courseIndex';
import { esc } from './builder/html';
import { renderPage } from './builder/layout';
import type { TocEntry } from './builder/renderLesson';
import { searchSections } from './builder/searchIndex';

const SITE_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SITE_DIR, '..');
const SITE_TITLE = 'Teaming Lab';
const MARKER = '.teaming-lab-site';

/** Options of `buildSite`. */
export interface BuildOptions {
  /** Folder of lesson .mdx files; default env CONTENT_DIR or `content/`. */
  contentDir?: string;
  /** Folder the site is written to (emptied first); default env OUT_DIR or `site/dist/`. */
  outDir?: string;
  /** Library entry loaded at build time and bundled for the browser; default env LIB_ENTRY or `lib/index.ts`. */
  libEntry?: string;
  /** Cache folder; default env SITE_CACHE_DIR or `.cache/site`. */
  cacheDir?: string;
  /** Print nothing; default false. */
  quiet?: boolean;
}

/** One page built. */
export interface BuiltPage {
  slug: string;
  title: string;
  kind: 'lesson' | 'guide';
  figures: number;
  cells: number;
}

/** What `buildSite` returns. */
export interface BuildResult {
  outDir: string;
  /** Every page built: the lessons in course order, then the guides. */
  lessons: BuiltPage[];
  /** Pages taken from the cache (not parsed or rendered again). */
  cachedPages: number;
  /** Whether the assets came from the cache. */
  cachedAssets: boolean;
  ms: number;
}

/** A rendered page body, as cached. */
interface RenderedPage {
  slug: string;
  file: string;
  frontMatter: FrontMatter;
  html: string;
  toc: TocEntry[];
  figures: number;
  cells: number;
}

/**
 * What a page shows of other pages: the index entries (number, title, headings) of the lessons its
 * `<LessonRef>`s name, so renumbering or retitling lesson 6 renders the pages that reference it again,
 * and only those. A tag the scan cannot read (e.g. `to={"..."}`) makes the page depend on the whole index.
 */
function referencedPages(source: string, course: CourseIndex): string {
  const tags = source.match(/<LessonRef\b[^>]*>/g) ?? [];
  const targets = tags.map((t) => /\bto="([\w-]+)"/.exec(t)?.[1]);
  if (targets.some((t) => t === undefined)) return JSON.stringify(course);
  return JSON.stringify([...new Set(targets as string[])].sort().map((t) => course[t] ?? t));
}

/** Builds the site. @throws LessonErrors listing every problem found, each as `file:line: message` */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = path.resolve(options.contentDir ?? process.env.CONTENT_DIR ?? path.join(ROOT, 'content'));
  const outDir = path.resolve(options.outDir ?? process.env.OUT_DIR ?? path.join(SITE_DIR, 'dist'));
  const libEntry = path.resolve(options.libEntry ?? process.env.LIB_ENTRY ?? path.join(ROOT, 'lib', 'index.ts'));
  const cacheDir = path.resolve(options.cacheDir ?? process.env.SITE_CACHE_DIR ?? path.join(ROOT, '.cache', 'site'));
  const log = options.quiet ? () => {} : (m: string) => console.log(m);
  if (!existsSync(libEntry)) throw new Error(`site build: library entry ${libEntry} does not exist`);

  const files = (await readdir(contentDir)).filter((f) => f.endsWith('.mdx')).sort();
  if (files.length === 0) throw new Error(`site build: no .mdx lessons in ${contentDir}`);
  const slugs = new Set(files.map((f) => f.replace(/\.mdx$/, '')));
  // Lessons are the numbered pages (`03-x.mdx`); guides have plain names. Counted for <CourseCount of="lessons" />.
  const lessonCount = files.filter((f) => /^\d\d-/.test(f)).length;
  const sources = new Map<string, string>();
  for (const name of files) sources.set(name, await readFile(path.join(contentDir, name), 'utf8'));
  // Every page's number, title and headings, for <LessonRef>: a line scan, cheap enough for every start.
  const course = courseIndex(files.map((name) => ({ slug: name.replace(/\.mdx$/, ''), source: sources.get(name)!, file: name })));

  // What every page is made from besides its own source: the builder, the parser and the library.
  const toolHash = contentHash({
    strings: [libEntry, [...slugs].join(',')],
    files: [
      ...filesUnder(path.join(SITE_DIR, 'builder'), /\.ts$/),
      path.join(SITE_DIR, 'client', 'plotDescription.ts'),
      ...filesUnder(path.join(ROOT, 'scripts', 'lesson'), /\.ts$/),
      path.join(ROOT, 'scripts', 'loadLibrary.ts'),
      ...filesUnder(path.dirname(libEntry), /\.(ts|json)$/),
    ],
  });
  await mkdir(path.join(cacheDir, 'pages'), { recursive: true });

  let lab: Library | undefined;
  const library = async () => {
    if (!lab) {
      try {
        lab = await loadLibrary(libEntry);
      } catch (e) {
        throw new Error(`site build: could not load the library from ${libEntry}:\n${(e as Error).message}`);
      }
    }
    return lab;
  };
  const runs = new Map<string, ExperimentResult>();
  const problems: LessonError[] = [];
  let cachedPages = 0;
  const rendered: RenderedPage[] = [];
  for (const name of files) {
    const abs = path.join(contentDir, name);
    const file = abs.startsWith(ROOT + path.sep) ? path.relative(ROOT, abs) : abs;
    const source = sources.get(name)!;
    const slug = name.replace(/\.mdx$/, '');
    const cacheFile = path.join(cacheDir, 'pages', `${slug}-${contentHash({ strings: [toolHash, file, source, referencedPages(source, course)] })}.json`);
    if (existsSync(cacheFile)) {
      rendered.push(JSON.parse(await readFile(cacheFile, 'utf8')) as RenderedPage);
      cachedPages++;
      continue;
    }
    try {
      const lessonLab = await library();
      // The parser, the renderer and shiki load only when a page must be rendered again: a start with
      // every page cached never pays for them.
      const [{ parseLesson }, { renderLesson }, { getHighlighter }] = await Promise.all([
        import('../scripts/lesson/parseLesson'),
        import('./builder/renderLesson'),
        import('./builder/highlight'),
      ]);
      const lesson = parseLesson(source, file, lessonLab, course);
      const lessonHref = (href: string) => {
        const m = /^(?:\.\/)?(\d\d-[\w-]+)\.mdx(#.*)?$/.exec(href);
        if (!m) return href;
        if (!slugs.has(m[1])) throw new LessonError(file, 1, `link to ${href}: no such lesson`);
        return `../${m[1]}/${m[2] ?? ''}`;
      };
      const page = await renderLesson(lesson, { lab: lessonLab, highlighter: await getHighlighter(), lessonHref, lessonCount, runs });
      const entry: RenderedPage = { slug, file, frontMatter: lesson.frontMatter, ...page };
      // One cached entry per page name: older renderings of this page go.
      for (const old of await readdir(path.join(cacheDir, 'pages'))) {
        if (old.startsWith(`${slug}-`) && /^[0-9a-f]{16}\.json$/.test(old.slice(slug.length + 1))) await rm(path.join(cacheDir, 'pages', old), { force: true });
      }
      await writeFile(cacheFile, JSON.stringify(entry));
      rendered.push(entry);
    } catch (e) {
      if (e instanceof LessonError) problems.push(e);
      else throw e;
    }
  }
  if (problems.length) throw new LessonErrors(problems, 'site build failed');

  // Lessons in course order, then the guides by file name; each list has its own previous/next chain.
  const lessonPages = rendered.filter((p) => p.frontMatter.kind === 'lesson').sort((a, b) => a.frontMatter.lesson! - b.frontMatter.lesson! || a.slug.localeCompare(b.slug));
  const guides = rendered.filter((p) => p.frontMatter.kind === 'guide');
  const link = (p: RenderedPage) => ({ slug: p.slug, title: p.frontMatter.title, lesson: p.frontMatter.lesson });
  const lessonLinks = lessonPages.map(link);
  const guideLinks = guides.map(link);

  if (existsSync(outDir) && (await readdir(outDir)).length && !existsSync(path.join(outDir, MARKER))) {
    throw new Error(`site build: refusing to empty ${outDir}: it is not a folder this builder made`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, MARKER), 'Built by site/build.ts; emptied on every build.\n');

  const index = [];
  const summary: BuiltPage[] = [];
  for (const page of [...lessonPages, ...guides]) {
    const fm = page.frontMatter;
    const chain = fm.kind === 'guide' ? guides : lessonPages;
    const i = chain.indexOf(page);
    const meta = [fm.kind === 'guide' ? 'For instructors' : `Lesson ${fm.lesson}`, fm.minutes ? `${fm.minutes} minutes` : null].filter(Boolean).join(' · ');
    const body = `<article class="tl-article">
<header class="tl-article-head"><p class="tl-kicker">${esc(meta)}</p><h1>${esc(fm.title)}</h1><p class="tl-lede">${esc(fm.summary)}</p></header>
${page.html}
</article>`;
    const html = renderPage({
      title: `${fm.title} · ${SITE_TITLE}`, description: fm.summary, base: '../', body, lessons: lessonLinks, guides: guideLinks,
      current: page.slug, toc: page.toc, prev: chain[i - 1] && link(chain[i - 1]), next: chain[i + 1] && link(chain[i + 1]),
      pagerLabel: fm.kind === 'guide' ? 'Previous and next guide' : 'Previous and next lesson',
      siteTitle: SITE_TITLE, bodyClass: fm.kind === 'guide' ? 'tl-lesson tl-guide' : 'tl-lesson',
    });
    await mkdir(path.join(outDir, page.slug), { recursive: true });
    await writeFile(path.join(outDir, page.slug, 'index.html'), html);
    index.push({ slug: page.slug, title: fm.title, summary: fm.summary, lesson: fm.kind === 'guide' ? null : fm.lesson, kind: fm.kind, sections: searchSections(page.html) });
    summary.push({ slug: page.slug, title: fm.title, kind: fm.kind, figures: page.figures, cells: page.cells });
  }

  const card = (p: RenderedPage) => {
    const fm = p.frontMatter;
    return `<li class="tl-card"><a href="${p.slug}/"><span class="tl-card-kicker">${fm.kind === 'guide' ? 'Guide' : `Lesson ${fm.lesson}`}${fm.minutes ? ` · ${fm.minutes} min` : ''}</span><span class="tl-card-title">${esc(fm.title)}</span></a><p>${esc(fm.summary)}</p></li>`;
  };
  const guideSection = guides.length ? `\n<h2 id="for-instructors">For instructors</h2>\n<ul class="tl-cards">\n${guides.map(card).join('\n')}\n</ul>` : '';
  await writeFile(path.join(outDir, 'index.html'), renderPage({
    title: SITE_TITLE, description: 'A course on how NIC teams spread traffic, with models you can run in the page.', base: '', lessons: lessonLinks, guides: guideLinks, siteTitle: SITE_TITLE, bodyClass: 'tl-home',
    body: `<h1>${SITE_TITLE}</h1>
<p class="tl-lede">How NIC teams spread traffic over their members, and why live migrations between two Hyper-V hosts use one member or several. Every number on these pages comes from a model that runs in your browser.</p>
<h2 id="lessons">Lessons</h2>
<ol class="tl-cards">
${lessonPages.map(card).join('\n')}
</ol>${guideSection}`,
  }));
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  await writeFile(path.join(outDir, 'search', 'index.html'), renderPage({
    title: `Search · ${SITE_TITLE}`, description: 'Search the lessons.', base: '../', lessons: lessonLinks, guides: guideLinks, siteTitle: SITE_TITLE, bodyClass: 'tl-search-page',
    body: `<h1>Search</h1>
<p class="tl-search-hint">Type in the search box above; results appear as you type. Search works offline.</p>
<div class="tl-search-page-results" aria-live="polite"><noscript><p>Search needs JavaScript. The <a href="../">lesson list</a> links every lesson.</p></noscript></div>`,
  }));
  await writeFile(path.join(outDir, '404.html'), renderPage({
    title: `Page not found · ${SITE_TITLE}`, description: 'Page not found.', base: '/', lessons: lessonLinks, guides: guideLinks, siteTitle: SITE_TITLE, bodyClass: 'tl-404',
    body: '<h1>Page not found</h1><p>There is no page at this address. The <a href="/">lesson list</a> links every lesson.</p>',
  }));
  await writeFile(path.join(outDir, 'search-index.json'), JSON.stringify({ lessons: index }));
  const cachedAssets = await writeAssets({ outDir, libEntry, siteDir: SITE_DIR, cacheDir });

  const ms = performance.now() - started;
  log(`site: built ${lessonPages.length} lesson(s) and ${guides.length} guide(s) into ${path.relative(process.cwd(), outDir) || outDir} in ${(ms / 1000).toFixed(1)} s (${cachedPages} page(s) and ${cachedAssets ? 'the' : 'no'} assets from the cache)`);
  return { outDir, lessons: summary, cachedPages, cachedAssets, ms };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildSite().catch((e: Error) => {
    console.error(e instanceof LessonErrors || e instanceof LessonError || !process.env.DEBUG ? e.message : e);
    process.exit(1);
  });
}
