import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry } from '../../../lib/glossary';

// The glossary is the one list of terms the site renders: sorted, unique, each entry naming a lesson that
// exists and that actually uses the term, so the page never points a reader at the wrong lesson.

const CONTENT = new URL('../../../content/', import.meta.url);
const lessons = new Map<number, string>();
for (const file of readdirSync(CONTENT)) {
  const m = /^(\d\d)-.*\.mdx$/.exec(file);
  if (m) lessons.set(Number(m[1]), readFileSync(new URL(file, CONTENT), 'utf8').toLowerCase());
}

describe('GLOSSARY', () => {
  it('is sorted by term (case-insensitive) with no term twice', () => {
    const terms = GLOSSARY.map((e) => e.term.toLowerCase());
    expect([...terms].sort()).toEqual(terms);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('gives every term a definition and a lesson that exists and mentions it', () => {
    const missing: string[] = [];
    for (const entry of GLOSSARY) {
      expect(entry.definition.length, entry.term).toBeGreaterThan(20);
      const text = lessons.get(entry.lesson);
      expect(text, `${entry.term}: lesson ${entry.lesson} exists`).toBeDefined();
      const words = entry.term.toLowerCase().split(/, /)[0];
      if (!text!.includes(words)) missing.push(`${entry.term} (lesson ${entry.lesson})`);
    }
    expect(missing, 'terms the named lesson never mentions').toEqual([]);
  });

  it('finds an entry by term, case-insensitively', () => {
    expect(glossaryEntry('HOST VNIC')?.lesson).toBe(2);
    expect(glossaryEntry('no such term')).toBeUndefined();
  });
});
