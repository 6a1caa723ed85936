// The site renders the parser's blocks (site/builder/renderLesson.ts). These tests pin the DOM contract
// the client relies on (docs/lesson-format.md): every runnable cell carries the output it printed when the
// site was built, under <div class="tl-cell-output" data-prerendered>; code is highlighted at build time.
import { describe, expect, it } from 'vitest';
import * as lab from '../../../lib/index';
import { parseLesson } from '../../../scripts/lesson/parseLesson';
import { getHighlighter } from '../../../site/builder/highlight';
import { renderLesson } from '../../../site/builder/renderLesson';
import { runCell } from '../../../site/builder/runCell';

const page = (teaching: string) =>
  [
    '---\ntitle: T\nlesson: 2\nsummary: S.\nminutes: 1\n---\n',
    ...['What you will learn', 'Predict first'].map((h) => `## ${h}\n\nText.\n`),
    `## Teaching\n\n${teaching}\n`,
    ...['Explore', 'What we found', 'Exercises', 'Summary'].map((h) => `## ${h}\n\nText.\n`),
  ].join('\n');

async function render(teaching: string) {
  const lesson = parseLesson(page(teaching), 'content/02-t.mdx', lab);
  return await renderLesson(lesson, { lab, highlighter: await getHighlighter(), lessonHref: (h) => h.replace(/^(\d\d-[\w-]+)\.mdx/, '../$1/') });
}

describe('runCell (build-time execution)', () => {
  it('captures console lines, tables and figures, with numbers rounded', () => {
    const run = runCell(
      "import { experiments, show } from 'teaming-lab';\nconsole.log('x', { a: 17.894551742054396 });\nconsole.table([{ n: 1 }, { n: 2.00004 }]);\nshow(experiments['finding-3'].run({ vms: 2 }).figure);",
      lab,
    );
    expect(run.error).toBeNull();
    expect(run.outputs[0]).toEqual({ kind: 'text', level: 'log', text: 'x { a: 17.895 }' });
    expect(run.outputs[1]).toEqual({ kind: 'table', columns: ['n'], rows: [{ index: '0', cells: ['1'] }, { index: '1', cells: ['2'] }] });
    expect(run.outputs[2].kind).toBe('figure');
  });

  it('routes the library’s own printing (check) into the cell and reports errors by name', () => {
    expect(runCell("import { check } from 'teaming-lab';\ncheck('ex-06-1', 10);", lab).outputs[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/^(PASS|FAIL) ex-06-1/) });
    expect(runCell("throw new RangeError('bad');", lab).error).toBe('RangeError: bad');
    expect(runCell("import fs from 'fs';\nconsole.log(fs);", lab).error).toMatch(/only from 'teaming-lab'/);
    expect(runCell('const a: number = ;', lab).error).toMatch(/^SyntaxError/);
  });

  it('stops an endless loop', () => {
    expect(runCell('for (;;) {}', lab).error).toMatch(/timed out/);
  }, 20_000);
});

describe('renderLesson', () => {
  it('emits each cell’s build-time output under the cell, highlighted source above it', { timeout: 60_000 }, async () => {
    const { html } = await render("```ts cell\nimport { experiments, show } from 'teaming-lab';\nconsole.log('hello');\nshow(experiments['finding-3'].run({ vms: 2 }).figure);\n```");
    const cell = /<div class="tl-cell" [\s\S]*?<\/div><\/div>/.exec(html)![0];
    expect(cell).toContain('<pre class="tl-cell-source tl-hl" tabindex="0"><code class="language-ts"><span class="line"><span style="--shiki-light:');
    expect(cell).toContain('<div class="tl-cell-output" data-prerendered="" aria-live="polite"><pre class="tl-out tl-out-log">hello</pre><div class="tl-plot tl-cell-plot" data-state="static"><script type="application/json" class="tl-cell-figure-json">{"data":');
  });

  it('fills in <Value> with the library’s formatting and rewrites lesson links', async () => {
    const { html } = await render('Team <Value experiment="finding-3" path="measured.teamGbps" options={{ vms: 4 }} unit="Gbps" />, see [lesson 3](03-x.mdx#a).\n\n```ts cell\nconsole.log(1);\n```');
    expect(html).toContain('<span class="tl-value" title="Computed by finding-3 (measured.teamGbps)">20\u00a0Gbps</span>');
    expect(html).toContain('<a href="../03-x/#a">lesson 3</a>');
  });

  it('states a claim once: in the finding box when the page has one, the figure caption says what is plotted', async () => {
    const claim = lab.experiments['finding-3'].run({}).claim;
    const count = (html: string, text: string) => html.split(text.replace(/'/g, '&#x27;')).length - 1;
    const both = (await render('<Figure experiment="finding-3" />\n\n<Finding experiment="finding-3" />\n\n```ts cell\nconsole.log(1);\n```')).html;
    expect(count(both, claim)).toBe(1);
    expect(both).toMatch(/<figcaption><p class="tl-plotted">Plotted: bars for HyperVPort and Address Hash \(TransportPorts\), a dashed line for one member; Gbps for SI, Static and Lacp\.<\/p><p class="tl-claim-check">With these settings, the claim of finding 3 \(in the box below\) <span class="tl-verdict-wrap"><span class="tl-verdict tl-holds">holds<\/span><\/span>\.<\/p>/);
    const alone = (await render('<Figure experiment="finding-3" />\n\n```ts cell\nconsole.log(1);\n```')).html;
    expect(count(alone, claim)).toBe(1);
    expect(alone).toContain('<p class="tl-plotted">Plotted: ');
    expect(alone).toContain('<p class="tl-claim"><strong>Claim: </strong>');
  });

  it('fails the build naming the line of a <Value> whose path the result lacks', async () => {
    await expect(render('Intro.\n\nPeak <Value experiment="finding-3" path="measured.noSuchNumber" />.\n\n```ts cell\nconsole.log(1);\n```')).rejects.toThrow(/^content\/02-t\.mdx:20: <Value experiment="finding-3" path="measured\.noSuchNumber">: path: got "measured\.noSuchNumber"/);
  });

  it('fails the build naming file and line when a cell throws', async () => {
    await expect(render("Intro.\n\n```ts cell\nthrow new Error('broken');\n```")).rejects.toThrow(/^content\/02-t\.mdx:20: the cell failed when the site was built: Error: broken$/);
  });
});
