// scripts/lesson-cells.mjs splits a lesson (docs/lesson-format.md) into notebook cells. These tests feed
// it small lessons and check the split, the generated code, the stable bytes, and that MDX-only syntax
// is an error naming the file and line (a lesson that only works on the site would silently rot).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planNotebooks } from '../../../scripts/generate-notebooks.mjs';
import { LessonError, exerciseCode, lessonNotebook, notebookJson, parseFrontMatter, parseLesson, parseTag, tsLiteral, tsString } from '../../../scripts/lesson-cells.mjs';

const FRONT = ['---', 'title: Test lesson', 'lesson: 3 # order', 'summary: "A lesson: for tests."', 'minutes: 5', '---', ''];
const SKELETON = (middle: string[]) => [
  ...FRONT,
  '## What you will learn',
  '',
  'Learn.',
  '',
  '## Predict first',
  '',
  'Guess.',
  '',
  '## Teaching',
  '',
  ...middle,
  '',
  '## Explore',
  '',
  '## What we found',
  '',
  '## Exercises',
  '',
  '1. Try.',
  '',
  '## Summary',
  '',
  '- Done.',
  '',
];
const CELL = ['```ts cell', "import { selectMember } from 'teaming-lab';", 'console.log(selectMember);', '```'];
const lesson = (middle: string[]) => SKELETON([...CELL, '', ...middle]).join('\n');

/** The error a lesson raises (fails the test when it raises none). */
function errorOf(text: string): LessonError {
  try {
    parseLesson(text, 'content/03-test.mdx');
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError');
}

describe('parseLesson(text, file)', () => {
  it('reads the front matter, with comments and quoted values', () => {
    const { frontMatter } = parseLesson(lesson([]), 'content/03-test.mdx');
    expect(frontMatter).toEqual({ title: 'Test lesson', lesson: 3, summary: 'A lesson: for tests.', minutes: 5 });
  });

  it('makes a ts cell block a code cell and keeps prose, headings and plain code blocks as markdown', () => {
    const text = lesson(['Some prose.', '', '```powershell', 'Get-NetLbfoTeam', '```', '', '```text', 'HV1 -- HV2', '```']);
    const { cells } = parseLesson(text, 'content/03-test.mdx');
    const code = cells.filter((c) => c.kind === 'code');
    expect(code).toHaveLength(1);
    expect(code[0].source).toBe(CELL.slice(1, -1).join('\n'));
    expect(cells.some((c) => c.kind === 'markdown' && c.source.includes('```powershell\nGet-NetLbfoTeam\n```'))).toBe(true);
    // A ```text block loses its info string: classic Notebook would fetch a CodeMirror mode it lacks.
    expect(cells.some((c) => c.kind === 'markdown' && c.source.includes('```\nHV1 -- HV2\n```'))).toBe(true);
    // Each `##` section starts its own markdown cell.
    expect(cells.filter((c) => c.kind === 'markdown' && c.source.startsWith('## ')).length).toBe(7);
  });

  it('turns <Figure> and <Finding> into cells that run the experiment through the registry', () => {
    const text = lesson([
      '<Figure experiment="finding-3" options={{ vms: 4, teamingMode: "Static" }} controls={["vms"]} />',
      '',
      '<Finding',
      '  experiment="finding-3"',
      '/>',
    ]);
    const code = parseLesson(text, 'content/03-test.mdx').cells.filter((c) => c.kind === 'code');
    expect(code.map((c) => c.origin)).toEqual(['cell', 'Figure', 'Finding']);
    expect(code[1].source).toContain("import { experiments, show } from 'teaming-lab';");
    expect(code[1].source).toContain("show(experiments['finding-3'].run({ vms: 4, teamingMode: 'Static' }).figure);");
    expect(code[2].source).toContain("showFinding(experiments['finding-3'].run());");
  });

  it('turns a paragraph with <Value /> into a cell printing it as Markdown, running each experiment once', () => {
    const text = lesson([
      'Peak <Value experiment="finding-3" path="measured.peakSendGbps" digits={1} unit="Gbps" /> of',
      '<Value experiment="finding-3" path="measured.teamGbps" /> with `code` kept.',
    ]);
    const value = parseLesson(text, 'content/03-test.mdx').cells.find((c) => c.origin === 'Value')!;
    expect(value.source.match(/\.run\(/g)).toHaveLength(1);
    expect(value.source).toContain("lessonValue(result1, 'measured.peakSendGbps', { digits: 1, unit: 'Gbps' })");
    expect(value.source).toContain("lessonValue(result1, 'measured.teamGbps')");
    expect(value.source).toContain("' with `code` kept.'");
    expect(value.source).toContain("'Peak '");
  });

  it.each([
    ["import { x } from 'y';", 'import/export'],
    ['export const meta = {};', 'import/export'],
    ['<Chart experiment="finding-1" />', 'unknown component <Chart>'],
    ['<div>raw</div>', 'HTML/JSX element <div>'],
    ['Text with {1 + 1} inside.', 'MDX expression'],
    ['Text with <b>bold</b>.', 'inline <b>'],
    ['<Hint>Unclosed', 'write <Hint>text</Hint> on one line'],
    ['<Figure experiment="finding-1" options={{ vms: count }} />', 'JSON-compatible literals'],
    ['<Figure experiment="finding-1" size={2} />', 'no prop size'],
    ['<Figure options={{ vms: 2 }} />', 'needs experiment='],
    ['Peak <Value experiment="finding-1" />.', 'needs path='],
  ])('rejects %j with an error naming the file and line', (line, message) => {
    const error = errorOf(lesson([line]));
    // The line comes after FRONT (7 lines), 10 skeleton lines, the 4-line cell and a blank line.
    expect(error.message).toBe(`content/03-test.mdx:${FRONT.length + 10 + CELL.length + 2}: ${error.message.split(': ').slice(1).join(': ')}`);
    expect(error.message).toContain(message);
  });

  it('rejects a lesson whose ## headings do not follow the skeleton', () => {
    const text = lesson([]).replace('## Exercises', '## Practice');
    expect(errorOf(text).message).toMatch(/headings must be: What you will learn · Predict first/);
  });

  it('rejects a lesson without front matter, and one without any code cell', () => {
    expect(errorOf('## What you will learn\n').message).toMatch(/^content\/03-test.mdx:1: .*front matter/);
    const noCode = SKELETON([]).join('\n');
    expect(errorOf(noCode).message).toMatch(/at least one runnable cell/);
  });

  it('tells a lesson (lesson: N) from a guide (kind: guide), and names the file of a page that is neither', () => {
    // A guide needs no minutes and no lesson number; a lesson needs both; anything else is an error,
    // because the site and the notebook generator list lessons and guides apart and a third kind would
    // fall into neither list.
    const front = (...lines: string[]) => ['---', 'title: A page', 'summary: For tests.', ...lines, '---', ''];
    const read = (lines: string[]) => parseFrontMatter(lines, 'content/x.mdx').frontMatter;
    const problem = (lines: string[]) => {
      try {
        read(lines);
      } catch (error) {
        if (error instanceof LessonError) return error.message;
        throw error;
      }
      throw new Error('expected a LessonError');
    };
    expect(read(front('kind: guide'))).toEqual({ title: 'A page', summary: 'For tests.', kind: 'guide' });
    expect(read(front('lesson: 2', 'minutes: 10')).lesson).toBe(2);
    expect(problem(front('minutes: 10'))).toMatch(/^content\/x\.mdx:1: front matter needs `lesson: N` \(a lesson\) or `kind: guide`/);
    expect(problem(front('lesson: 2'))).toMatch(/^content\/x\.mdx:1: front matter needs `minutes`/);
    expect(problem(front('kind: handout', 'minutes: 10'))).toMatch(/^content\/x\.mdx:1: front matter `kind` must be `guide`/);
    expect(problem(front('kind: guide', 'lesson: 2'))).toMatch(/^content\/x\.mdx:1: a guide \(`kind: guide`\) has no `lesson` number/);
  });

  it('rejects an unclosed code block at the line that opens it', () => {
    const text = [...FRONT, '## What you will learn', '', '```ts cell', 'x'].join('\n');
    expect(errorOf(text).message).toBe(`content/03-test.mdx:${FRONT.length + 3}: code block opened with \`\`\` is never closed`);
  });
});

const EXERCISE = [
  '<Exercise id="ex-03-2" title="Predict the member">',
  '',
  'Which member carries the stream?',
  '',
  '<Hint>Hash the <sub>5</sub>-tuple.</Hint>',
  '',
  '```ts exercise',
  "import { check } from 'teaming-lab';",
  '// BEGIN SOLUTION',
  'const ex03_2 = 1;',
  '// END SOLUTION',
  "check('ex-03-2', ex03_2);",
  '```',
  '',
  '<Solution>',
  '',
  'Because the hash says so.',
  '',
  '</Solution>',
  '',
  '</Exercise>',
];

describe('parseLesson with <Exercise>, <Hint> and <Solution>', () => {
  it('keeps the exercise block as written (markers included) and folds the hint and the solution prose', () => {
    // The notebook is the course version: the workshop's release command turns it into student copies by
    // replacing the marked region and dropping the Solution fold, so both must be there, as the lesson has them.
    const { cells } = parseLesson(lesson(EXERCISE), 'content/03-test.mdx');
    const index = cells.findIndex((c) => c.origin === 'exercise');
    const cell = cells[index];
    expect(cell.source).toBe(EXERCISE.slice(7, 12).join('\n'));
    expect(cell.exercise).toEqual({ id: 'ex-03-2', answerName: 'ex03_2', solution: "import { check } from 'teaming-lab';\nconst ex03_2 = 1;\ncheck('ex-03-2', ex03_2);" });
    expect(cell.metadata).toEqual({ teaming_lab: { exercise: 'ex-03-2', answerName: 'ex03_2' } });
    const before = cells[index - 1].source;
    expect(before).toMatch(/^### Exercise 2: Predict the member\n\nWhich member carries the stream\?/);
    expect(before).toContain('<details><summary>Hint</summary>\n\nHash the <sub>5</sub>-tuple.\n\n</details>');
    expect(cells[index + 1].source).toBe(['<details><summary>Solution</summary>', '', 'Because the hash says so.', '', '</details>'].join('\n'));
  });

  it('puts the exercise metadata on the notebook cell', () => {
    const nb = lessonNotebook(lesson(EXERCISE), 'content/03-test.mdx', '03-test');
    const cell = nb.cells.find((c) => c.metadata.teaming_lab !== undefined)!;
    expect(cell.cell_type).toBe('code');
    expect(cell.metadata).toEqual({ teaming_lab: { exercise: 'ex-03-2', answerName: 'ex03_2' } });
  });

  it.each([
    { broken: 'no </Exercise>', lines: EXERCISE.filter((l) => l !== '</Exercise>'), message: 'is not closed before this heading' },
    { broken: 'no BEGIN marker', lines: EXERCISE.filter((l) => !l.startsWith('// BEGIN')), message: 'BEGIN SOLUTION' },
    { broken: 'checks another id', lines: EXERCISE.map((l) => l.replace("check('ex-03-2'", "check('ex-03-9'")), message: "checks 'ex-03-9'" },
    { broken: 'ts exercise outside <Exercise>', lines: EXERCISE.slice(6, 13), message: 'must sit inside an <Exercise>' },
    {
      broken: 'a ts cell inside <Solution>',
      lines: [...EXERCISE.slice(0, 15), '```ts cell', 'console.log(1);', '```', ...EXERCISE.slice(15)],
      message: 'cannot sit inside <Solution>',
    },
  ])('rejects an exercise with $broken', ({ lines, message }) => {
    expect(errorOf(lesson(lines)).message).toContain(message);
  });
});

describe('exerciseCode(code, id, file, line)', () => {
  it('reads the answer variable from the check call after the markers, and strips the markers from the solution', () => {
    const code = ["import { check } from 'teaming-lab';", '{', '  // BEGIN SOLUTION', '  const a = 2;', '  // END SOLUTION', '  check("ex-1", a);', '}'].join('\n');
    expect(exerciseCode(code, 'ex-1', 'f', 1)).toEqual({
      id: 'ex-1',
      answerName: 'a',
      solution: ["import { check } from 'teaming-lab';", '{', '  const a = 2;', '  check("ex-1", a);', '}'].join('\n'),
    });
  });
});

describe('lessonNotebook(text, file, name) and notebookJson(notebook)', () => {
  it('builds an nbformat 4.5 tslab notebook with no outputs and ids from the lesson name and position', () => {
    const nb = lessonNotebook(lesson([]), 'content/03-test.mdx', '03-test');
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.kernelspec).toEqual({ display_name: 'TypeScript', language: 'typescript', name: 'tslab' });
    expect(nb.cells[0].source.join('')).toMatch(/^# Lesson 3: Test lesson\n\nA lesson: for tests\./);
    expect(nb.cells.map((c) => c.id)).toEqual(nb.cells.map((_, i) => `03-test-${String(i).padStart(3, '0')}`));
    for (const cell of nb.cells.filter((c) => c.cell_type === 'code')) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
  });

  it('gives the same bytes every time, with keys sorted and lines split the way Jupyter stores them', () => {
    const a = notebookJson(lessonNotebook(lesson([]), 'content/03-test.mdx', '03-test'));
    const b = notebookJson(lessonNotebook(lesson([]), 'content/03-test.mdx', '03-test'));
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(a);
    expect(Object.keys(parsed)).toEqual(['cells', 'metadata', 'nbformat', 'nbformat_minor']);
    const code = parsed.cells.find((c: { cell_type: string }) => c.cell_type === 'code');
    expect(code.source).toEqual(["import { selectMember } from 'teaming-lab';\n", 'console.log(selectMember);']);
  });
});

describe('parseTag, tsLiteral and tsString', () => {
  it('read JSON-compatible props (bare or quoted keys, trailing commas) and write them back as TypeScript', () => {
    const { props } = parseTag(`<Figure experiment='finding-2' options={{ "vms": 2, on: true, list: [1, -2.5e1,], }} />`, 'f', 1);
    expect(props).toEqual({ experiment: 'finding-2', options: { vms: 2, on: true, list: [1, -25] } });
    expect(tsLiteral(props.options)).toBe('{ vms: 2, on: true, list: [1, -25] }');
    expect(tsLiteral({ 'a-b': null })).toBe("{ 'a-b': null }");
  });

  it('quote any text so that evaluating the literal gives the text back', () => {
    for (const text of ['plain', "it's", 'say "hi"', `both ' and "`, 'back\\slash\nnew line']) {
      expect(new Function(`return ${tsString(text)};`)()).toBe(text);
    }
  });
});

describe('planNotebooks(root) (scripts/generate-notebooks.mjs)', () => {
  it('makes a notebook for each lesson, none for a guide (kind: guide), and names a page that is neither', () => {
    // Setup: a content folder with one lesson, one guide without minutes, and one page with neither
    // `lesson:` nor `kind: guide`. Expect one notebook (the lesson's) and one error naming the third file,
    // because a guide is keyed on `kind: guide`, not on a missing `lesson:`.
    const root = mkdtempSync(join(tmpdir(), 'teaming-lab-plan-'));
    try {
      mkdirSync(join(root, 'content'));
      writeFileSync(join(root, 'content', '03-test.mdx'), lesson([]));
      writeFileSync(join(root, 'content', 'guide.mdx'), '---\ntitle: Guide\nkind: guide\nsummary: For instructors.\n---\n\n## Who this is for\n');
      writeFileSync(join(root, 'content', 'notes.mdx'), '---\ntitle: Notes\nsummary: Neither.\nminutes: 5\n---\n\nText.\n');
      const plan = planNotebooks(root);
      expect(plan.notebooks.map((n) => n.target)).toEqual(['notebooks/03-test.ipynb']);
      expect(plan.errors).toEqual(['content/notes.mdx:1: front matter needs `lesson: N` (a lesson) or `kind: guide` (a guide such as the facilitator\'s guide)']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
