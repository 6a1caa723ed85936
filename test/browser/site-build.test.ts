// The site builder refuses a broken lesson loudly: a non-zero exit and a message naming the file, the line
// and the component, for an unknown experiment, an unknown component and a bad prop. A lesson typo must
// never ship as a silently empty figure.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build';
import { loadLabForNode } from '../../site/builder/lab';

const ROOT = path.resolve(__dirname, '../..');
const LIB_ENTRY = path.resolve(process.env.LIB_ENTRY ?? path.join(ROOT, 'lib', 'index.ts'));
let dir = '';
let experiment = '';
let control = '';

/** The rest of the lesson skeleton, with one runnable cell, so that only the body under test can fail. */
const SKELETON_REST = ['Predict first', 'A teaching section', 'Explore', 'What we found', 'Exercises', 'Summary']
  .map((h) => `## ${h}\n\nSome text.\n`)
  .join('\n') + '\n```ts cell\nconsole.log(1 + 1);\n```\n';
const lesson = (body: string) => `---\ntitle: Broken on purpose\nlesson: 1\nsummary: A lesson with one mistake.\nminutes: 1\n---\n\n## What you will learn\n\n${body}\n\n${SKELETON_REST}`;

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
    expect(await failure(`<Figure experiment="${experiment}" options={{ noSuchOption: 1 }} />`)).toMatch(/01-broken\.mdx:10: <Figure>: options: [\w-]+\.noSuchOption: got 1; expected one of the options/);
    expect(await failure(`Peak <Value experiment="${experiment}" path="measured.noSuchNumber" />.`)).toMatch(/01-broken\.mdx:10: <Value experiment="[^"]+" path="measured\.noSuchNumber">: path: got "measured\.noSuchNumber"/);
    expect(await failure('```ts cel\nconsole.log(1)\n```')).toMatch(/01-broken\.mdx:10: code block "ts cel": unknown info string/);
  }, 120_000);

  it('names the file whose front matter is neither a lesson (lesson: N) nor a guide (kind: guide)', async () => {
    // A page without either would fall into neither list; the build must say which file to fix.
    const content = await mkdtemp(path.join(dir, 'content-'));
    await writeFile(path.join(content, '01-broken.mdx'), lesson('Some text.'));
    await writeFile(path.join(content, 'notes.mdx'), '---\ntitle: Loose notes\nsummary: Neither a lesson nor a guide.\n---\n\nSome text.\n');
    await writeFile(path.join(content, 'odd.mdx'), '---\ntitle: Odd kind\nkind: handout\nsummary: An unknown kind.\n---\n\nSome text.\n');
    const message = await buildSite({ contentDir: content, outDir: path.join(content, 'dist'), libEntry: LIB_ENTRY, quiet: true }).then(
      () => 'the build succeeded',
      (e: Error) => e.message,
    );
    expect(message).toMatch(/notes\.mdx:1: front matter: a page needs "lesson: N" \(a lesson\) or "kind: guide"/);
    expect(message).toMatch(/odd\.mdx:1: front matter: "kind" must be "guide"/);
    expect(message).not.toMatch(/01-broken\.mdx/);
  }, 60_000);

  it('exits non-zero from the command line, printing the problem', () => {
    // Same check through `npm run site:build` (site/build.ts through the TypeScript loader), which `npm start` runs.
    const content = path.join(dir, 'cli');
    return mkdir(content).then(async () => {
      await writeFile(path.join(content, '01-broken.mdx'), lesson('<Figure experiment="finding-99" />'));
      const r = spawnSync(process.execPath, ['--import', './scripts/ts-loader.mjs', path.join('site', 'build.ts')], {
        cwd: ROOT,
        env: { ...process.env, CONTENT_DIR: content, OUT_DIR: path.join(content, 'dist'), LIB_ENTRY }, encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/01-broken\.mdx:10: <Figure>: unknown experiment "finding-99"/);
    });
  }, 60_000);
});

describe('site build: lessons and guides', () => {
  it('lists guides (kind: guide) apart from the lessons, with no previous/next links between the two', async () => {
    // Setup: lessons 1 and 2 and one guide. Expect the guide under "For instructors" on the home page
    // and in the navigation, lesson 2 with no "next" (the guide is not lesson 3), and the guide with no
    // pager at all, because guides form their own list.
    const content = await mkdtemp(path.join(dir, 'content-'));
    const page = (n: number) => lesson('Some text.').replace('lesson: 1', `lesson: ${n}`).replace('Broken on purpose', `Lesson page ${n}`);
    await writeFile(path.join(content, '01-one.mdx'), page(1));
    await writeFile(path.join(content, '02-two.mdx'), page(2));
    await writeFile(path.join(content, 'a-guide.mdx'), '---\ntitle: The guide\nkind: guide\nsummary: For whoever runs the course.\n---\n\n## Who this is for\n\nSome text.\n');
    const out = path.join(content, 'dist');
    const built = await buildSite({ contentDir: content, outDir: out, libEntry: LIB_ENTRY, quiet: true });
    expect(built.lessons.map((l) => `${l.slug}:${l.kind}`)).toEqual(['01-one:lesson', '02-two:lesson', 'a-guide:guide']);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    const lessonsPart = home.slice(home.indexOf('<h2 id="lessons">'), home.indexOf('<h2 id="for-instructors">'));
    expect(lessonsPart).toContain('href="02-two/"');
    expect(lessonsPart).not.toContain('a-guide/');
    expect(home.slice(home.indexOf('<h2 id="for-instructors">For instructors</h2>'))).toContain('href="a-guide/"');
    const nav = (html: string) => /<nav class="tl-lessons"[\s\S]*?<\/nav>/.exec(html)![0];
    const two = await readFile(path.join(out, '02-two', 'index.html'), 'utf8');
    expect(nav(two)).toMatch(/<\/ol><p [^>]*id="guides-title">For instructors<\/p><ul [^>]*><li><a href="\.\.\/a-guide\/">The guide<\/a>/);
    expect(two).toContain('rel="prev" href="../01-one/"');
    expect(two).not.toContain('rel="next"');
    const guide = await readFile(path.join(out, 'a-guide', 'index.html'), 'utf8');
    expect(guide).not.toContain('class="tl-pager"');
  }, 60_000);
});
