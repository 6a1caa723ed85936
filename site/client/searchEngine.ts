// Offline full-text search over the index the builder writes (search-index.json): every query word must
// appear (as a word prefix) in a section's title, heading or text; matches in titles weigh most.

export interface SearchSection { id: string; heading: string; text: string }
export interface SearchLesson { slug: string; title: string; summary: string; lesson: number | null; sections: SearchSection[] }
export interface SearchHit { slug: string; anchor: string; title: string; heading: string; snippet: string; score: number }

/** Lower-case words of a query (at least one character; duplicates removed). */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

function count(haystack: string, word: string): number {
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gu');
  return haystack.match(re)?.length ?? 0;
}

function snippet(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...words.map((w) => { const i = lower.indexOf(w); return i < 0 ? Infinity : i; }));
  const start = Number.isFinite(at) ? Math.max(0, at - 60) : 0;
  const cut = text.slice(start, start + 180);
  return `${start > 0 ? '…' : ''}${cut}${start + 180 < text.length ? '…' : ''}`;
}

/** Ranked hits, best first, at most `limit`. */
export function search(lessons: SearchLesson[], query: string, limit = 10): SearchHit[] {
  const words = queryWords(query);
  if (!words.length) return [];
  const hits: SearchHit[] = [];
  for (const l of lessons) {
    const title = `${l.title} ${l.summary}`.toLowerCase();
    for (const s of l.sections) {
      const heading = s.heading.toLowerCase();
      const text = s.text.toLowerCase();
      let score = 0;
      let all = true;
      for (const w of words) {
        const t = count(title, w), h = count(heading, w), b = count(text, w);
        if (t + h + b === 0) { all = false; break; }
        score += 10 * t + 5 * h + Math.min(b, 10);
      }
      if (all) hits.push({ slug: l.slug, anchor: s.id, title: l.title, heading: s.heading, snippet: snippet(s.text, words), score });
    }
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
