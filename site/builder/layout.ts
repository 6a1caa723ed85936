// The HTML shell shared by every page: header with search and theme toggle, lesson list (with the guides
// listed apart, under "For instructors"), table of contents, previous/next links. Plain strings (no React)
// so the shell stays obvious.

import { esc } from './html';

/** A page in the navigation lists. */
export interface PageLink {
  slug: string;
  title: string;
  lesson?: number;
}

/** What `renderPage` needs. */
export interface PageShell {
  /** The document title. */
  title: string;
  /** The meta description. */
  description: string;
  /** Relative path from the page to the site root ("" or "../"). */
  base: string;
  /** The page's main content. */
  body: string;
  /** The course's lessons, in order. */
  lessons: PageLink[];
  /** Pages with `kind: guide`, listed under "For instructors" (default none). */
  guides?: PageLink[];
  /** The current page's slug. */
  current?: string;
  toc?: Array<{ depth: number; id: string; text: string }>;
  /** Neighbours in the page's own list. */
  prev?: PageLink;
  next?: PageLink;
  /** Names that list for screen readers (default "Previous and next lesson"). */
  pagerLabel?: string;
  siteTitle: string;
  bodyClass?: string;
}

/** Runs before first paint so the stored or preferred theme applies without a flash. */
const THEME_BOOT = `(function(){try{var t=localStorage.getItem('tl-theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})();`;

/** A complete HTML document: header with search and theme toggle, lesson list, table of contents, pager. */
export function renderPage(page: PageShell): string {
  const b = page.base;
  const item = (l: PageLink, number: boolean) => `<li><a href="${b}${l.slug}/"${l.slug === page.current ? ' aria-current="page"' : ''}>${number ? `<span class="tl-num">${l.lesson}.</span> ` : ''}${esc(l.title)}</a></li>`;
  const lessonList = page.lessons.map((l) => item(l, true)).join('');
  const guides = page.guides ?? [];
  const guideList = guides.length
    ? `<p class="tl-side-title tl-guides-title" id="guides-title">For instructors</p><ul class="tl-guides" aria-labelledby="guides-title">${guides.map((g) => item(g, false)).join('')}</ul>`
    : '';
  const toc = page.toc?.length
    ? `<nav class="tl-toc" aria-labelledby="toc-title"><p class="tl-side-title" id="toc-title">On this page</p><ol>${page.toc
      .filter((t) => t.depth <= 3)
      .map((t) => `<li class="tl-toc-${t.depth}"><a href="#${esc(t.id)}">${esc(t.text)}</a></li>`).join('')}</ol></nav>`
    : '';
  const pager = page.prev || page.next
    ? `<nav class="tl-pager" aria-label="${esc(page.pagerLabel ?? 'Previous and next lesson')}">${page.prev ? `<a class="tl-prev" rel="prev" href="${b}${page.prev.slug}/"><span>Previous</span> ${esc(page.prev.title)}</a>` : '<span></span>'}${page.next ? `<a class="tl-next" rel="next" href="${b}${page.next.slug}/"><span>Next</span> ${esc(page.next.title)}</a>` : ''}</nav>`
    : '';
  return `<!doctype html>
<html lang="en" data-base="${esc(b)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<meta name="description" content="${esc(page.description)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${b}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${b}assets/site.css">
<link rel="stylesheet" href="${b}assets/highlight.css">
<script>${THEME_BOOT}</script>
<script defer src="${b}assets/site.js"></script>
</head>
<body class="${page.bodyClass ?? ''}">
<a class="tl-skip" href="#main">Skip to content</a>
<header class="tl-header">
<a class="tl-brand" href="${b}">${esc(page.siteTitle)}</a>
<form class="tl-search" role="search" action="${b}search/" method="get">
<label for="tl-q" class="tl-visually-hidden">Search the lessons</label>
<input id="tl-q" name="q" type="search" placeholder="Search lessons" autocomplete="off">
<button type="submit" class="tl-button">Search</button>
<div id="tl-search-results" class="tl-search-results" role="region" aria-label="Search results" hidden></div>
</form>
<button type="button" class="tl-theme tl-button tl-secondary" aria-pressed="false" hidden>Dark theme</button>
</header>
<div class="tl-layout">
<nav class="tl-lessons" aria-labelledby="lessons-title"><details class="tl-lessons-box" open><summary class="tl-side-title" id="lessons-title">Lessons</summary><ol>${lessonList}</ol>${guideList}</details></nav>
<main id="main" tabindex="-1">
${page.body}
${pager}
</main>
${toc ? `<aside class="tl-aside">${toc}</aside>` : ''}
</div>
<footer class="tl-footer"><p>${esc(page.siteTitle)}: models run in your browser; nothing leaves this page.</p></footer>
</body>
</html>
`;
}
