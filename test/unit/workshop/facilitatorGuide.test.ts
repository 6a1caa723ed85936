import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as library from '../../../lib';
import { COMMANDS } from '../../../lib/cli';
import { experimentById, experiments } from '../../../lib/experiments';
import { answerStub } from '../../../lib/workshop';
import { planNotebooks } from '../../../scripts/generate-notebooks';
import { parseLesson } from '../../../scripts/lesson/parseLesson';

// content/facilitator-guide.mdx tells a facilitator what to type and what to click. Every command, file,
// figure control and lesson it names must exist, or the workshop breaks in front of the room; and its
// capstone's solution must pass while the student stub fails.

const REPO = join(__dirname, '..', '..', '..');
const FILE = 'content/facilitator-guide.mdx';
const text = readFileSync(join(REPO, FILE), 'utf8');

/** The guide's `ts exercise` block, as written (with its solution markers). */
const exerciseBlock = /```ts exercise\n([\s\S]*?)\n```/.exec(text)![1];

function run(source: string): string[] {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    new Function('require', 'exports', js)(() => library, {});
  } finally {
    console.log = log;
  }
  return lines;
}

describe('the facilitator guide', () => {
  it('is a guide page: title, summary and kind: guide, no lesson number, so no notebook is generated', async () => {
    const { frontMatter } = parseLesson(text, FILE, library);
    expect(frontMatter.kind).toBe('guide');
    expect(frontMatter.lesson).toBeUndefined();
    expect(typeof frontMatter.title).toBe('string');
    expect(typeof frontMatter.summary).toBe('string');
    const plan = await planNotebooks(REPO, library);
    expect(plan.errors).toEqual([]);
    expect(plan.notebooks.map((n) => n.source)).not.toContain(FILE);
  });

  it('names only CLI commands that exist, and scenario files that exist', () => {
    const names = new Set(COMMANDS.map((c) => c.name));
    const used = [...text.matchAll(/npx teaming-lab ([a-z-]+)/g)].map((m) => m[1]).filter((w) => w !== '--help');
    expect(used.length).toBeGreaterThan(5);
    for (const command of used) expect(names.has(command), command).toBe(true);
    const files = [...text.matchAll(/lib\/scenarios\/[\w.-]+\.json/g)].map((m) => m[0]);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(existsSync(join(REPO, file)), file).toBe(true);
  });

  it("names only figure controls that the lesson's figures offer", () => {
    // Each demo paragraph says "in lesson N" and then names controls in backticks; every backticked word
    // that is a control of some experiment must be a control of an experiment that lesson N shows.
    const allControls = new Set(Object.values(experiments).flatMap((e) => e.controls.map((c) => c.name)));
    for (const m of text.matchAll(/Demo: in lesson (\d+),([\s\S]*?)(?=\n\n)/g)) {
      const lessonNumber = m[1].padStart(2, '0');
      const lessonName = readdirSync(join(REPO, 'content')).find((f) => f.startsWith(`${lessonNumber}-`));
      expect(lessonName, `lesson ${m[1]} exists`).toBeDefined();
      const lessonFile = readFileSync(join(REPO, 'content', lessonName!), 'utf8');
      const shown = [...lessonFile.matchAll(/<Figure experiment="([\w-]+)"/g)].map((f) => f[1]);
      const offered = new Set(shown.flatMap((id) => (experimentById(id)?.controls ?? []).map((c) => c.name)));
      const named = [...m[2].matchAll(/`(\w+)`/g)].map((w) => w[1]).filter((w) => allControls.has(w));
      expect(named.length, `lesson ${m[1]} demo names a control`).toBeGreaterThan(0);
      for (const control of named) expect(offered.has(control), `lesson ${m[1]}: ${control}`).toBe(true);
    }
  });

  it('has a capstone whose solution passes and whose student stub fails', () => {
    // Because the solution runs the model for each setup, and the stub leaves the answer undefined.
    const solution = exerciseBlock.split('\n').filter((l) => !/\/\/ (BEGIN|END) SOLUTION/.test(l)).join('\n');
    expect(run(solution)).toEqual(['PASS ex-10-capstone: correct: all six setups match the model']);
    const stub = exerciseBlock.replace(/\/\/ BEGIN SOLUTION[\s\S]*\/\/ END SOLUTION/, answerStub('ex10_capstone'));
    const lines = run(stub);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^FAIL ex-10-capstone: /);
  });
});
