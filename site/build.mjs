#!/usr/bin/env node
// Builds the course website: every content/*.mdx lesson becomes a static HTML page rendered with
// react-dom/server (readable without JavaScript), plus an index, a search page and index, a 404 page and
// the client islands (figures, controls, runnable cells, search, theme).
//
//   node site/build.mjs                 builds content/ into site/dist/
//   CONTENT_DIR=dir OUT_DIR=dir node site/build.mjs
//
// Fails (exit code 1) naming the file, line and component for an unknown component, an unknown experiment
// or a bad prop, and naming the file for front matter that lacks a title or is neither a lesson (`lesson: N`)
// nor a guide (`kind: guide`). Guides (such as the facilitator's guide) are listed apart from the lessons,
// under "For instructors", and are not chained into the lessons' previous/next links.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { bundleMDX } from 'mdx-bundler';
import { getMDXComponent } from 'mdx-bundler/client/index.js';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import { loadLabForNode } from './builder/lab.mjs';
import { remarkLesson } from './builder/remarkLesson.mjs';
import { makeComponents } from './builder/components.mjs';
import { LessonError } from './builder/props.mjs';
import { esc, renderPage } from './builder/layout.mjs';
import { searchSections } from './builder/searchIndex.mjs';
import { writeAssets } from './builder/assets.mjs';

const SITE_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SITE_DIR, '..');
const SITE_TITLE = 'Teaming Lab';
const MARKER = '.teaming-lab-site';

/**
 * @typedef {object} BuildOptions
 * @property {string} [contentDir] folder of lesson .mdx files; default env CONTENT_DIR or `content/`
 * @property {string} [outDir] folder the site is written to (emptied first); default env OUT_DIR or `site/dist/`
 * @property {string} [libEntry] library entry bundled for Node and the browser; default env LIB_ENTRY or `lib/index.ts`
 * @property {boolean} [quiet] print nothing; default false
 */

/**
 * Builds the site.
 * @param {BuildOptions} [options]
 * @returns {Promise<{ outDir: string, lessons: Array<{slug: string, title: string, kind: 'lesson' | 'guide', figures: number, cells: number}>, ms: number }>}
 *   `lessons`: every page built, the lessons in course order and then the guides
 */
export async function buildSite(options = {}) {
  const started = performance.now();
  const contentDir = path.resolve(options.contentDir ?? process.env.CONTENT_DIR ?? path.join(ROOT, 'content'));
  const outDir = path.resolve(options.outDir ?? process.env.OUT_DIR ?? path.join(SITE_DIR, 'dist'));
  const libEntry = path.resolve(options.libEntry ?? process.env.LIB_ENTRY ?? path.join(ROOT, 'lib', 'index.ts'));
  const log = options.quiet ? () => {} : (m) => console.log(m);

  if (!existsSync(libEntry)) throw new Error(`site build: library entry ${libEntry} does not exist`);
  let lab;
  try {
    lab = await loadLabForNode(libEntry);
  } catch (e) {
    throw new Error(`site build: could not load the library from ${libEntry}:\n${e.message}`);
  }
  const experiments = lab.experiments;
  if (!experiments || typeof experiments !== 'object') throw new Error(`site build: ${libEntry} does not export an \`experiments\` registry`);

  const files = (await readdir(contentDir)).filter((f) => f.endsWith('.mdx')).sort();
  if (files.length === 0) throw new Error(`site build: no .mdx lessons in ${contentDir}`);

  const problems = [];
  const compiled = await Promise.all(files.map(async (file) => {
    const abs = path.join(contentDir, file);
    const rel = abs.startsWith(ROOT + path.sep) ? path.relative(ROOT, abs) : abs;
    const source = await readFile(path.join(contentDir, file), 'utf8');
    const before = problems.length;
    let bundled;
    try {
      bundled = await bundleMDX({
        source, cwd: contentDir,
        mdxOptions(o) {
          o.remarkPlugins = [...(o.remarkPlugins ?? []), remarkLesson({ lab, problems, file: rel })];
          return o;
        },
      });
    } catch (e) {
      const detail = e.errors?.map((m) => `${m.location ? `${rel}:${m.location.line}` : rel}: ${m.text}`).join('\n') || `${rel}: ${e.message}`;
      if (problems.length === before) problems.push(detail);
      return null;
    }
    const fm = bundled.frontmatter ?? {};
    if (typeof fm.title !== 'string' || !fm.title.trim()) problems.push(`${rel}: front matter: "title" is required`);
    if (fm.kind !== undefined && fm.kind !== 'guide') problems.push(`${rel}: front matter: "kind" must be "guide" (or left out for a lesson), got ${JSON.stringify(fm.kind)}`);
    else if (fm.kind === 'guide' && fm.lesson !== undefined) problems.push(`${rel}: front matter: a guide (kind: guide) has no "lesson" number`);
    else if (fm.kind !== 'guide' && fm.lesson === undefined) problems.push(`${rel}: front matter: a page needs "lesson: N" (a lesson) or "kind: guide" (a guide such as the facilitator's guide)`);
    if (fm.lesson !== undefined && !(Number.isInteger(fm.lesson) && fm.lesson >= 1)) problems.push(`${rel}: front matter: "lesson" must be a whole number from 1, got ${JSON.stringify(fm.lesson)}`);
    if (fm.minutes !== undefined && !(typeof fm.minutes === 'number' && fm.minutes > 0)) problems.push(`${rel}: front matter: "minutes" must be a positive number`);
    if (fm.summary !== undefined && typeof fm.summary !== 'string') problems.push(`${rel}: front matter: "summary" must be text`);
    const kind = fm.kind === 'guide' ? 'guide' : 'lesson';
    return { file, rel, slug: file.replace(/\.mdx$/, ''), code: bundled.code, title: fm.title, kind, lesson: fm.lesson, summary: fm.summary ?? '', minutes: fm.minutes };
  }));
  if (problems.length) throw new LessonError(`site build failed:\n${problems.join('\n')}`);

  // Lessons in course order, then the guides (kind: guide) by file name. Each list has its own
  // previous/next chain, so a guide never sits between two lessons.
  const lessonPages = compiled.filter((p) => p.kind !== 'guide').sort((a, b) => a.lesson - b.lesson || a.file.localeCompare(b.file));
  const guides = compiled.filter((p) => p.kind === 'guide').sort((a, b) => a.file.localeCompare(b.file));
  const pages = [...lessonPages, ...guides];
  const slugs = new Set(pages.map((l) => l.slug));

  const cache = new Map();
  const run = (rel) => (id, opts, component) => {
    const key = `${id} ${JSON.stringify(opts)}`;
    if (!cache.has(key)) {
      try {
        cache.set(key, experiments[id].run(opts));
      } catch (e) {
        throw new LessonError(`${rel}: <${component} experiment="${id}">: the experiment failed with options ${JSON.stringify(opts)}: ${e.message}`);
      }
    }
    return cache.get(key);
  };
  /** Rewrites a link written in a lesson: `03-x.mdx#a` → `../03-x/#a`; other links stay. */
  const lessonHref = (rel) => (href) => {
    const m = /^(?:\.\/)?(\d\d-[\w-]+)\.mdx(#.*)?$/.exec(href);
    if (!m) return href;
    if (!slugs.has(m[1])) throw new LessonError(`${rel}: link to ${href}: no such lesson`);
    return `../${m[1]}/${m[2] ?? ''}`;
  };

  if (existsSync(outDir) && (await readdir(outDir)).length && !existsSync(path.join(outDir, MARKER))) {
    throw new Error(`site build: refusing to empty ${outDir}: it is not a folder this builder made`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, MARKER), 'Built by site/build.mjs; emptied on every build.\n');

  const index = [];
  const summary = [];
  for (const lesson of pages) {
    const chain = lesson.kind === 'guide' ? guides : lessonPages;
    const i = chain.indexOf(lesson);
    const toc = [];
    const components = makeComponents({ lab, experiments, run: run(lesson.rel), toc, lessonHref: lessonHref(lesson.rel), lessonCount: lessonPages.length });
    let html;
    try {
      const Content = getMDXComponent(lesson.code, { React, ReactDOM, _jsx_runtime: jsxRuntime });
      html = renderToStaticMarkup(React.createElement(Content, { components }));
    } catch (e) {
      throw new LessonError(e instanceof LessonError && e.message.startsWith(lesson.rel) ? e.message : `${lesson.rel}: ${e.message}`);
    }
    const meta = [lesson.kind === 'guide' ? 'For instructors' : `Lesson ${lesson.lesson}`, lesson.minutes ? `${lesson.minutes} minutes` : null].filter(Boolean).join(' · ');
    const body = `<article class="tl-article">
<header class="tl-article-head"><p class="tl-kicker">${esc(meta)}</p><h1>${esc(lesson.title)}</h1>${lesson.summary ? `<p class="tl-lede">${esc(lesson.summary)}</p>` : ''}</header>
${html}
</article>`;
    const page = renderPage({
      title: `${lesson.title} · ${SITE_TITLE}`, description: lesson.summary, base: '../', body, lessons: lessonPages, guides,
      current: lesson.slug, toc, prev: chain[i - 1], next: chain[i + 1], pagerLabel: lesson.kind === 'guide' ? 'Previous and next guide' : 'Previous and next lesson',
      siteTitle: SITE_TITLE, bodyClass: lesson.kind === 'guide' ? 'tl-lesson tl-guide' : 'tl-lesson',
    });
    await mkdir(path.join(outDir, lesson.slug), { recursive: true });
    await writeFile(path.join(outDir, lesson.slug, 'index.html'), page);
    index.push({ slug: lesson.slug, title: lesson.title, summary: lesson.summary, lesson: lesson.kind === 'guide' ? null : lesson.lesson, kind: lesson.kind, sections: searchSections(html) });
    summary.push({ slug: lesson.slug, title: lesson.title, kind: lesson.kind, figures: (html.match(/class="tl-figure"/g) ?? []).length, cells: (html.match(/class="tl-cell"/g) ?? []).length });
  }

  const card = (l) => `<li class="tl-card"><a href="${l.slug}/"><span class="tl-card-kicker">${l.kind === 'guide' ? 'Guide' : `Lesson ${l.lesson}`}${l.minutes ? ` · ${l.minutes} min` : ''}</span><span class="tl-card-title">${esc(l.title)}</span></a>${l.summary ? `<p>${esc(l.summary)}</p>` : ''}</li>`;
  const guideSection = guides.length
    ? `\n<h2 id="for-instructors">For instructors</h2>\n<ul class="tl-cards">\n${guides.map(card).join('\n')}\n</ul>`
    : '';
  await writeFile(path.join(outDir, 'index.html'), renderPage({
    title: SITE_TITLE, description: 'A course on how NIC teams spread traffic, with models you can run in the page.', base: '', lessons: lessonPages, guides, siteTitle: SITE_TITLE, bodyClass: 'tl-home',
    body: `<h1>${SITE_TITLE}</h1>
<p class="tl-lede">How NIC teams spread traffic over their members, and why live migrations between two Hyper-V hosts use one member or several. Every number on these pages comes from a model that runs in your browser.</p>
<h2 id="lessons">Lessons</h2>
<ol class="tl-cards">
${lessonPages.map(card).join('\n')}
</ol>${guideSection}`,
  }));
  await mkdir(path.join(outDir, 'search'), { recursive: true });
  await writeFile(path.join(outDir, 'search', 'index.html'), renderPage({
    title: `Search · ${SITE_TITLE}`, description: 'Search the lessons.', base: '../', lessons: lessonPages, guides, siteTitle: SITE_TITLE, bodyClass: 'tl-search-page',
    body: `<h1>Search</h1>
<p class="tl-search-hint">Type in the search box above; results appear as you type. Search works offline.</p>
<div class="tl-search-page-results" aria-live="polite"><noscript><p>Search needs JavaScript. The <a href="../">lesson list</a> links every lesson.</p></noscript></div>`,
  }));
  await writeFile(path.join(outDir, '404.html'), renderPage({
    title: `Page not found · ${SITE_TITLE}`, description: 'Page not found.', base: '/', lessons: lessonPages, guides, siteTitle: SITE_TITLE, bodyClass: 'tl-404',
    body: '<h1>Page not found</h1><p>There is no page at this address. The <a href="/">lesson list</a> links every lesson.</p>',
  }));
  await writeFile(path.join(outDir, 'search-index.json'), JSON.stringify({ lessons: index }));
  await writeAssets({ outDir, libEntry, siteDir: SITE_DIR });

  const ms = performance.now() - started;
  log(`site: built ${lessonPages.length} lesson(s) and ${guides.length} guide(s) into ${path.relative(process.cwd(), outDir) || outDir} in ${(ms / 1000).toFixed(1)} s`);
  return { outDir, lessons: summary, ms };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildSite().catch((e) => {
    console.error(e instanceof LessonError || !process.env.DEBUG ? e.message : e);
    process.exit(1);
  });
}
