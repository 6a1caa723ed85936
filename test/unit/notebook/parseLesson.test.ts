// The one lesson parser (scripts/lesson/parseLesson.ts) serves the site and the notebooks, so every rule
// of docs/lesson-format.md is checked here once: front matter, skeleton, components and their props
// against the library's registries, exercises; and the notebook writer is checked on the blocks it gets.
import { describe, expect, it } from 'vitest';
import * as lab from '../../../lib/index';
import { allBlocks } from '../../../scripts/lesson/allBlocks';
import { lessonNotebook } from '../../../scripts/lesson/lessonNotebook';
import { parseLesson } from '../../../scripts/lesson/parseLesson';

const FRONT = '---\ntitle: A test lesson\nlesson: 4\nsummary: One sentence.\nminutes: 5\n---\n';
const section = (h: string, body = 'Some text.') => `## ${h}\n\n${body}\n`;
/** A whole valid lesson, with `teaching` as its one teaching section and `exercises` under Exercises. */
function lesson(teaching: string, exercises = 'None here.'): string {
  return [
    FRONT,
    section('What you will learn'),
    section('Predict first'),
    section('Teaching', teaching),
    section('Explore', '<Figure experiment="finding-3" options={{ vms: 4 }} controls={["vms"]} />'),
    section('What we found', '<Finding experiment="finding-3" options={{ vms: 4 }} />'),
    section('Exercises', exercises),
    section('Summary'),
  ].join('\n');
}
const parse = (text: string) => parseLesson(text, 'content/04-test.mdx', lab);
const problem = (text: string) => {
  try {
    parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the lesson parsed');
};

const EXERCISE = `<Exercise id="ex-06-1" title="Predict the cap">

What peak rate?

<Hint>Who limits what is sent?</Hint>

\`\`\`ts exercise
import { articleScenario, check, runScenario } from 'teaming-lab';
// BEGIN SOLUTION
const ex06Drain = runScenario(articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'HyperVPort', vms: 6 }));
const ex06_1 = ex06Drain.result.hosts.HV2.peakReceiveGbps;
// END SOLUTION
check('ex-06-1', ex06_1);
\`\`\`

<Solution>

One member's speed.

</Solution>

</Exercise>`;

describe('parseLesson: blocks', () => {
  it('returns typed blocks in source order, with checked props', () => {
    const parsed = parse(lesson('Peak <Value experiment="finding-3" path="measured.teamGbps" options={{ vms: 4 }} unit="Gbps" />.\n\n```ts cell\nconsole.log(1);\n```', EXERCISE));
    expect(parsed.frontMatter).toEqual({ title: 'A test lesson', summary: 'One sentence.', kind: 'lesson', lesson: 4, minutes: 5 });
    const kinds = parsed.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'heading')).toHaveLength(7);
    const figure = parsed.blocks.find((b) => b.kind === 'figure');
    expect(figure).toMatchObject({ props: { experiment: 'finding-3', options: { vms: 4 }, controls: ['vms'] } });
    const value = parsed.blocks.find((b) => b.kind === 'prose' && b.values.length > 0);
    expect(value).toMatchObject({ values: [{ experiment: 'finding-3', path: 'measured.teamGbps', options: { vms: 4 }, unit: 'Gbps' }] });
    const exercise = allBlocks(parsed).find((b) => b.kind === 'cell' && b.exercise);
    expect(exercise).toMatchObject({ exercise: { id: 'ex-06-1', answerName: 'ex06_1' } });
    if (exercise?.kind !== 'cell' || !exercise.exercise) throw new Error('no exercise cell');
    expect(exercise.exercise.student).toContain('const ex06_1: any = undefined; // YOUR ANSWER HERE');
    expect(exercise.exercise.student).not.toContain('runScenario(');
    expect(exercise.exercise.solution).not.toContain('BEGIN SOLUTION');
  });

  it('lists Figure controls from the experiment when none are given', () => {
    const parsed = parse(lesson('<Figure experiment="finding-3" />'));
    const figure = parsed.blocks.find((b) => b.kind === 'figure');
    expect(figure?.kind === 'figure' && figure.props.controls).toEqual(lab.experiments['finding-3'].controls.map((c) => c.name));
  });
});

describe('parseLesson: problems name file and line', () => {
  it('front matter: missing fields, wrong kinds, unknown keys', () => {
    expect(problem(lesson('x').replace('minutes: 5\n', ''))).toBe('content/04-test.mdx:1: front matter: a lesson needs "minutes" (its estimated study time)');
    expect(problem(lesson('x').replace('minutes: 5', 'minutes: 2.5'))).toMatch(/:1: front matter: "minutes" must be a whole number above 0, got 2.5/);
    expect(problem(lesson('x').replace('lesson: 4', 'kind: handout'))).toMatch(/front matter: "kind" must be "guide"/);
    expect(problem(lesson('x').replace('minutes: 5', 'minutes: 5\ncolour: red'))).toMatch(/unknown key "colour"/);
    expect(problem('# No front matter\n')).toMatch(/:1: a lesson starts with `---` front matter/);
  });

  it('the skeleton of ## headings', () => {
    expect(problem(lesson('x').replace('## Explore', '## Play'))).toMatch(/:8: the `##` headings must be: What you will learn · Predict first · <one or more teaching sections> · Explore/);
  });

  it('components and their props, against the registries', () => {
    const at = (body: string) => problem(lesson(body));
    expect(at('<Figure experiment="finding-99" />')).toMatch(/:18: <Figure>: unknown experiment "finding-99" \(known: finding-1/);
    expect(at('<Chart experiment="finding-1" />')).toMatch(/:18: <Chart>: unknown component/);
    expect(at('<Finding experiment="finding-3" colour="red" />')).toMatch(/<Finding>: unknown prop "colour" \(allowed: experiment, options\)/);
    expect(at('<Figure experiment="finding-3" options={{ vms: someVariable }} />')).toMatch(/<Figure>: prop "options": props must be JSON-compatible literals, not a Identifier expression/);
    expect(at('<Figure experiment="finding-3" options={{ vms: 0 }} />')).toMatch(/<Figure>: options: finding-3\.vms: got 0; expected a number from 1/);
    expect(at('<Figure experiment="finding-3" controls={["nope"]} />')).toMatch(/<Figure>: controls: "nope" is not a control of finding-3/);
    expect(at('Peak <Value experiment="finding-3" path="measured" digits="two" />.')).toMatch(/<Value>: prop "digits" must be an integer from 0 to 10, got "two"/);
    expect(at('Peak <Value experiment="finding-3" />.')).toMatch(/<Value>: missing prop "path"/);
    expect(at('<Value experiment="finding-3" path="measured.teamGbps" />')).toMatch(/<Value>: is inline: put it inside a sentence/);
    expect(at('A <span>tag</span>.')).toMatch(/inline <span> is not supported/);
    expect(at('A {curly} brace.')).toMatch(/MDX expression/);
    expect(at('import x from "y";')).toMatch(/import\/export is not allowed/);
    expect(at('```ts cel\nconsole.log(1)\n```')).toMatch(/:18: code block "ts cel": unknown info string/);
    expect(at('```ts exercise\nconsole.log(1)\n```')).toMatch(/"ts exercise" block must sit inside an <Exercise>/);
    expect(at('<Hint>Alone</Hint>')).toMatch(/<Hint>: must sit inside an <Exercise>/);
  });

  it('exercises: registered id, one exercise block, markers, the check call and its answer variable', () => {
    const ex = (text: string) => problem(lesson('x', text));
    expect(ex(EXERCISE.replace(/ex-06-1/g, 'ex-06-99'))).toMatch(/unknown exercise "ex-06-99": add it to lib\/exercises/);
    expect(ex(EXERCISE.replace('// BEGIN SOLUTION\n', ''))).toMatch(/needs "\/\/ BEGIN SOLUTION" and "\/\/ END SOLUTION" lines/);
    expect(ex(EXERCISE.replace("check('ex-06-1', ex06_1);", "check('ex-06-2', ex06_1);"))).toMatch(/checks 'ex-06-2' inside <Exercise id="ex-06-1">/);
    expect(ex(EXERCISE.replace(/ex06_1/g, 'answer'))).toMatch(/checks answer, but exercise ex-06-1 reads its answer from ex06_1/);
    expect(ex(EXERCISE.replace(/```ts exercise[\s\S]*?```/, 'No code.'))).toMatch(/<Exercise id="ex-06-1"> needs one "ts exercise" block/);
  });

  it('a lesson with nothing to run', () => {
    const text = lesson('x').replace(/<Figure[^\n]*\/>/, 'x').replace(/<Finding[^\n]*\/>/, 'x');
    expect(problem(text)).toMatch(/a lesson needs at least one runnable cell, <Figure> or <Finding>/);
  });
});

describe('lessonNotebook', () => {
  const notebook = lessonNotebook(parse(lesson(
    'See [lesson 3](03-stream-hashing.mdx#top).\n\n```text\nplain\n```\n\nPeak <Value experiment="finding-3" path="measured.teamGbps" options={{ vms: 4 }} unit="Gbps" /> of <Value experiment="finding-3" path="measured.maxHyperVPortPeakSendGbps" options={{ vms: 4 }} digits={1} />.',
    EXERCISE,
  )));
  const text = (i: number) => [notebook.cells[i].source].flat().join('');
  const all = notebook.cells.map((_, i) => text(i));

  it('starts with the title and summary and keeps nbformat 4.5 for tslab', () => {
    expect(text(0)).toBe('# Lesson 4: A test lesson\n\nOne sentence. *(About 5 minutes.)*');
    expect(notebook.metadata?.kernelspec?.name).toBe('tslab');
    expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 5]);
  });

  it('writes a paragraph with numbers as one showValues call', () => {
    const cell = all.find((t) => t.includes('showValues('))!;
    expect(cell.split('\n')).toHaveLength(2);
    expect(cell).toContain(`showValues('Peak {0} of {1}.', [{ experiment: 'finding-3', path: 'measured.teamGbps', options: { vms: 4 }, unit: 'Gbps' }, { experiment: 'finding-3', path: 'measured.maxHyperVPortPeakSendGbps', options: { vms: 4 }, digits: 1 }]);`);
    // And the call fills in what the site shows.
    expect(lab.valuesMarkdown('Peak {0}.', [{ experiment: 'finding-3', path: 'measured.teamGbps', options: { vms: 4 }, unit: 'Gbps' }])).toBe('Peak 20 Gbps.');
  });

  it('links to other lessons point at their notebooks; text fences lose their info string', () => {
    expect(all.join('\n')).toContain('[lesson 3](03-stream-hashing.ipynb#top)');
    expect(all.join('\n')).toContain('```\nplain\n```');
  });

  it('folds hints and solutions, the solution in a cell of its own, and marks the exercise cell', () => {
    expect(all.join('\n')).toContain('### Exercise 1: Predict the cap\n\nWhat peak rate?\n\n<details><summary>Hint</summary>\n\nWho limits what is sent?\n\n</details>');
    expect(all).toContain("<details><summary>Solution</summary>\n\nOne member's speed.\n\n</details>");
    const exercise = notebook.cells.find((c) => c.metadata?.teaming_lab?.exercise === 'ex-06-1');
    expect(exercise?.metadata).toEqual({ teaming_lab: { exercise: 'ex-06-1', answerName: 'ex06_1' } });
    expect([exercise!.source].flat().join('')).toContain('// BEGIN SOLUTION');
  });

  it('is deterministic: cell ids from the file name and position', () => {
    expect(notebook.cells.map((c) => c.id)).toEqual(notebook.cells.map((_, i) => `04-test-${String(i).padStart(3, '0')}`));
  });
});
