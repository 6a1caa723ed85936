// The site builder refuses a broken lesson loudly: a non-zero exit and a message naming the file, the line
// and the component, for an unknown experiment, an unknown component and a bad prop. A lesson typo must
// never ship as a silently empty figure.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build.mjs';
import { loadLabForNode } from '../../site/builder/lab.mjs';

const ROOT = path.resolve(__dirname, '../..');
const LIB_ENTRY = path.resolve(process.env.LIB_ENTRY ?? path.join(ROOT, 'lib', 'index.ts'));
let dir = '';
let experiment = '';
let control = '';

const lesson = (body: string) => `---\ntitle: Broken on purpose\nlesson: 1\nsummary: A lesson with one mistake.\nminutes: 1\n---\n\n## What you will learn\n\n${body}\n`;

async function failure(body: string): Promise<string> {
  const content = await mkdtemp(path.join(dir, 'content-'));
  await writeFile(path.join(content, '01-broken.mdx'), lesson(body));
  try {
    await buildSite({ contentDir: content, outDir: path.join(content, 'dist'), libEntry: LIB_ENTRY, quiet: true });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the build succeeded');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'teaming-lab-site-build-'));
  const lab = await loadLabForNode(LIB_ENTRY);
  const withControls = Object.values(lab.experiments as Record<string, { id: string; controls: Array<{ name: string }> }>).find((e) => e.controls.length > 0);
  if (!withControls) throw new Error('no experiment has controls');
  experiment = withControls.id;
  control = withControls.controls[0].name;
});
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('site build failures', () => {
  it('names the file, line and component for an unknown experiment id', async () => {
    const message = await failure('<Figure experiment="finding-99" />');
    expect(message).toMatch(/01-broken\.mdx:10: <Figure>: unknown experiment "finding-99"/);
  }, 60_000);

  it('names an unknown component', async () => {
    expect(await failure('<Chart experiment="finding-1" />')).toMatch(/01-broken\.mdx:10: <Chart>: unknown component/);
  }, 60_000);

  it('rejects bad props: an unknown prop, a non-literal, a wrong type, an unknown control', async () => {
    expect(await failure(`<Finding experiment="${experiment}" colour="red" />`)).toMatch(/<Finding>: unknown prop "colour"/);
    expect(await failure(`<Figure experiment="${experiment}" options={{ ${control}: someVariable }} />`)).toMatch(/<Figure>: prop "options": props must be JSON-compatible literals/);
    expect(await failure(`Peak <Value experiment="${experiment}" path="measured" digits="two" />.`)).toMatch(/<Value>: prop "digits" must be an integer/);
    expect(await failure(`<Figure experiment="${experiment}" controls={["noSuchControl"]} />`)).toMatch(/<Figure>: controls: "noSuchControl" is not a control/);
    expect(await failure(`<Figure experiment="${experiment}" options={{ noSuchOption: 1 }} />`)).toMatch(/<Figure>: options\.noSuchOption is not an option/);
    expect(await failure(`Peak <Value experiment="${experiment}" path="measured.noSuchNumber" />.`)).toMatch(/01-broken\.mdx: <Value experiment="[^"]+" path="measured\.noSuchNumber">/);
    expect(await failure('```ts cel\nconsole.log(1)\n```')).toMatch(/01-broken\.mdx:10: code block "ts cel": unknown info string/);
  }, 120_000);

  it('exits non-zero from the command line, printing the problem', () => {
    // Same check through `node site/build.mjs`, which `npm start` runs.
    const content = path.join(dir, 'cli');
    return mkdir(content).then(async () => {
      await writeFile(path.join(content, '01-broken.mdx'), lesson('<Figure experiment="finding-99" />'));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'site', 'build.mjs')], {
        env: { ...process.env, CONTENT_DIR: content, OUT_DIR: path.join(content, 'dist'), LIB_ENTRY }, encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/01-broken\.mdx:10: <Figure>: unknown experiment "finding-99"/);
    });
  }, 60_000);
});
