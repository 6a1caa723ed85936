// <LessonRef to="06-hyper-v-port-cap" />: a reference to another lesson whose text ("lesson 6") is
// computed from the target's front matter, so renumbering or renaming lessons cannot leave a stale
// number or a dead link. The parser resolves it against the course index (scripts/lesson/courseIndex.ts);
// the site renders a link with the computed text, the notebook a Markdown link to the other notebook.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lab from '../../../lib/index';
import { allBlocks } from '../../../scripts/lesson/allBlocks';
import { courseIndex, courseIndexOf, headingPlainText } from '../../../scripts/lesson/courseIndex';
import { LessonError } from '../../../scripts/lesson/LessonError';
import { lessonNotebook } from '../../../scripts/lesson/lessonNotebook';
import { parseLesson } from '../../../scripts/lesson/parseLesson';
import { slugify } from '../../../scripts/lesson/slugify';
import { getHighlighter } from '../../../site/builder/highlight';
import { renderLesson } from '../../../site/builder/renderLesson';

const SKELETON = ['What you will learn', 'Predict first', 'Teaching', 'Explore', 'What we found', 'Exercises', 'Summary'];
/** A valid lesson page numbered `n`, with `teaching` in its teaching section. */
function page(n: number, title: string, teaching = 'Text.'): string {
  return [
    `---\ntitle: ${title}\nlesson: ${n}\nsummary: S.\nminutes: 1\n---\n`,
    ...SKELETON.map((h) => `## ${h}\n\n${h === 'Teaching' ? teaching : h === 'Explore' ? '<Figure experiment="finding-3" />' : 'Text.'}\n`),
  ].join('\n');
}
/** A course of three pages where the Hyper-V Port lesson is number 7 (not its file's 06), and a guide. */
const course = courseIndex([
  { slug: '03-stream-hashing', source: page(3, 'Stream hashing') },
  { slug: '06-hyper-v-port-cap', source: page(7, 'Hyper-V Port: one vNIC, one member', 'Text.\n\n### The `HyperVPort` cap\n\nMore.') },
  { slug: 'glossary', source: '---\ntitle: Glossary\nkind: guide\nsummary: Terms.\n---\n\nText.\n' },
]);
const parse = (teaching: string) => parseLesson(page(3, 'Stream hashing', teaching), 'content/03-stream-hashing.mdx', lab, course);
const problem = (teaching: string) => {
  try {
    parse(teaching);
  } catch (e) {
    expect(e).toBeInstanceOf(LessonError);
    return (e as Error).message;
  }
  throw new Error('the lesson parsed');
};
const refsOf = (teaching: string) => allBlocks(parse(teaching)).flatMap((b) => (b.kind === 'prose' ? b.refs : []));

describe('LessonRef in the parser', () => {
  it('computes the text from the target lesson\'s number, in the form asked for', () => {
    const refs = refsOf('See <LessonRef to="06-hyper-v-port-cap" />. <LessonRef to="06-hyper-v-port-cap" form="Lesson" />\'s figure, lessons <LessonRef to="03-stream-hashing" form="number" /> and <LessonRef to="06-hyper-v-port-cap" form="title" />.');
    expect(refs.map((r) => r.text)).toEqual(['lesson 7', 'Lesson 7', '3', 'Hyper-V Port: one vNIC, one member']);
    expect(refs[0]).toEqual({ to: '06-hyper-v-port-cap', lesson: 7, title: 'Hyper-V Port: one vNIC, one member', form: 'lesson', text: 'lesson 7' });
  });

  it('resolves an anchor to one of the target\'s headings', () => {
    const [ref] = refsOf('See <LessonRef to="06-hyper-v-port-cap" anchor="the-hypervport-cap" />.');
    expect(ref.anchor).toEqual({ id: 'the-hypervport-cap', text: 'The HyperVPort cap' });
  });

  it('rejects an unknown target, naming file, line, the value and the known lessons', () => {
    expect(problem('See <LessonRef to="06-hyper-v-port" />.')).toBe(
      'content/03-stream-hashing.mdx:18: <LessonRef>: to="06-hyper-v-port": no such lesson (known: 03-stream-hashing, 06-hyper-v-port-cap)',
    );
  });

  it('rejects a guide as target, an unknown anchor, a bad form, children and a reference in a heading', () => {
    expect(problem('See <LessonRef to="glossary" />.')).toMatch(/:18: <LessonRef>: to="glossary" is a guide, not a lesson: link it with \[text\]\(glossary\.mdx\)/);
    expect(problem('See <LessonRef to="06-hyper-v-port-cap" anchor="nope" />.')).toMatch(/:18: <LessonRef>: anchor="nope" is not a heading of 06-hyper-v-port-cap \(its headings: what-you-will-learn, predict-first, teaching, the-hypervport-cap,/);
    expect(problem('See <LessonRef to="06-hyper-v-port-cap" form="Lessons" />.')).toMatch(/prop "form" must be "lesson", "Lesson", "number", "title", got "Lessons"/);
    expect(problem('See <LessonRef to="06-hyper-v-port-cap">lesson six</LessonRef>.')).toMatch(/<LessonRef \.\.\. \/> must be self-closing: its text is computed/);
    expect(problem('Text.\n\n### After <LessonRef to="06-hyper-v-port-cap" />\n\nMore.')).toMatch(/:20: <LessonRef> cannot sit in a heading/);
    expect(problem('<LessonRef to="06-hyper-v-port-cap" />')).toMatch(/<LessonRef>: is inline: put it inside a sentence/);
  });
});

describe('LessonRef published', () => {
  const text = 'Compare <LessonRef to="06-hyper-v-port-cap" /> and <LessonRef to="06-hyper-v-port-cap" anchor="the-hypervport-cap" form="Lesson" />\'s cap.';

  it('the notebook writes a Markdown link to the other notebook with the computed text', () => {
    const notebook = lessonNotebook(parse(text));
    const all = notebook.cells.map((c) => [c.source].flat().join('')).join('\n');
    expect(all).toContain('Compare [lesson 7](06-hyper-v-port-cap.ipynb "Lesson 7: Hyper-V Port: one vNIC, one member") and [Lesson 7](06-hyper-v-port-cap.ipynb#The-HyperVPort-cap "Lesson 7: Hyper-V Port: one vNIC, one member")\'s cap.');
    expect(all).not.toContain('LessonRef');
  });

  it('the notebook keeps references inside a paragraph with numbers (showValues) and inside folds', () => {
    const notebook = lessonNotebook(parse('Peak <Value experiment="finding-3" path="measured.teamGbps" /> as in <LessonRef to="06-hyper-v-port-cap" />.'));
    const cell = notebook.cells.map((c) => [c.source].flat().join('')).find((s) => s.includes('showValues('))!;
    expect(cell).toContain(`showValues('Peak {0} as in [lesson 7](06-hyper-v-port-cap.ipynb "Lesson 7: Hyper-V Port: one vNIC, one member").'`);
  });

  it('the site renders a link to the other page with the computed text', { timeout: 60_000 }, async () => {
    const { html } = await renderLesson(parse(text), { lab, highlighter: await getHighlighter(), lessonHref: (h) => h.replace(/^(\d\d-[\w-]+)\.mdx/, '../$1/') });
    expect(html).toContain('Compare <a href="../06-hyper-v-port-cap/" class="tl-lesson-ref" title="Lesson 7: Hyper-V Port: one vNIC, one member">lesson 7</a> and <a href="../06-hyper-v-port-cap/#the-hypervport-cap" class="tl-lesson-ref" title="Lesson 7: Hyper-V Port: one vNIC, one member (The HyperVPort cap)">Lesson 7</a>&#x27;s cap.');
  });
});

describe('courseIndex', () => {
  it('reads headings as the site ids them: inline markup stripped, repeats numbered, fenced code skipped', () => {
    expect(headingPlainText('The `hash` of *one* [connection](x.mdx) <Value experiment="a" path="b" />')).toBe('The hash of one connection');
    const index = courseIndex([{ slug: '05-x', source: page(5, 'X', 'A.\n\n### Twice\n\n```md\n## Not a heading\n```\n\n### Twice') }]);
    expect(index['05-x'].anchors.map((a) => a.id)).toEqual(['what-you-will-learn', 'predict-first', 'teaching', 'twice', 'twice-2', 'explore', 'what-we-found', 'exercises', 'summary']);
  });

  it('agrees with the parser on every heading of the real course (the ids the site gives them)', () => {
    const contentDir = join(__dirname, '..', '..', '..', 'content');
    const index = courseIndexOf(contentDir);
    expect(Object.keys(index).length).toBeGreaterThan(10);
    for (const [slug, entry] of Object.entries(index)) {
      const lesson = parseLesson(readFileSync(join(contentDir, `${slug}.mdx`), 'utf8'), `content/${slug}.mdx`, lab, index);
      const seen = new Set<string>();
      const ids = allBlocks(lesson).flatMap((b) => {
        if (b.kind !== 'heading') return [];
        let id = slugify(b.text);
        for (let n = 2; seen.has(id); n++) id = `${slugify(b.text)}-${n}`;
        seen.add(id);
        return [id];
      });
      expect(entry.anchors.map((a) => a.id), slug).toEqual(ids);
    }
  });
});
