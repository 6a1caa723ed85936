// Workshop on the site: a learner answers an exercise in its answer box, first wrongly and then rightly,
// and sees both verdicts; the answer is still in its box after a reload. The right and the wrong answer
// are found by asking the library's own check in Node (not typed here), so the test follows the model if a
// scenario changes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build';
import { loadLabForNode } from '../../site/builder/lab';
import { ROOT, type ServedSite, requireChromium, serveBuiltSite, stopServedSite } from './support';

interface Check { pass: boolean; message: string }
type Lab = { exercises: Record<string, { id: string; lesson: number; kind: string; options?: string[]; check(a: unknown): Check }> };

let site: ServedSite | undefined;
let workDir = '';
let origin = '';
let browser: Browser;
let lab: Lab;
let builtSlugs: string[] = [];

beforeAll(async () => {
  requireChromium();
  lab = (await loadLabForNode(path.join(ROOT, 'lib', 'index.ts'))) as Lab;
  site = await serveBuiltSite('teaming-lab-exercise-', (dir) =>
    buildSite({ contentDir: process.env.CONTENT_DIR ?? path.join(ROOT, 'content'), outDir: path.join(dir, 'dist'), quiet: true }),
  );
  ({ workDir, origin, browser } = site);
  builtSlugs = site.built.lessons.map((l) => l.slug);
});

afterAll(async () => {
  await stopServedSite(site);
});

describe('site exercises', () => {
  it('a choice exercise answered wrong then right shows FAIL then PASS, judged by the library in the page, and is kept across a reload', async () => {
    // Find a choice exercise whose lesson page has its answer box, and one wrong and one right option.
    let target: { id: string; slug: string; right: string; wrong: string } | null = null;
    for (const ex of Object.values(lab.exercises)) {
      if (ex.kind !== 'choice' || !ex.options) continue;
      const right = ex.options.find((o) => ex.check(o).pass);
      const wrong = ex.options.find((o) => !ex.check(o).pass);
      const slug = builtSlugs.find((s) => s.startsWith(String(ex.lesson).padStart(2, '0')));
      if (!right || !wrong || !slug) continue;
      const html = await readFile(path.join(workDir, 'dist', slug, 'index.html'), 'utf8');
      if (html.includes(`data-exercise="${ex.id}"`)) {
        target = { id: ex.id, slug, right, wrong };
        break;
      }
    }
    expect(target, 'no choice exercise with an answer box on the site').not.toBeNull();
    const { id, slug, right, wrong } = target!;

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}/${slug}/`);
    const form = page.locator(`form.tl-answer[data-exercise="${id}"]`);
    await form.scrollIntoViewIfNeeded();
    const result = form.locator('.tl-answer-result');

    await form.locator('[name="answer"]').selectOption(wrong);
    await form.locator('button[type="submit"], button:not([type])').first().click();
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/^FAIL /);
    expect(await result.getAttribute('class')).toContain('tl-fails');

    await form.locator('[name="answer"]').selectOption(right);
    await form.locator('button[type="submit"], button:not([type])').first().click();
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/^PASS /);
    expect(await result.getAttribute('class')).toContain('tl-holds');

    // The answer is kept per page (localStorage): a reload shows it again in its box.
    await page.reload();
    await expect.poll(() => page.locator(`form.tl-answer[data-exercise="${id}"] [name="answer"]`).inputValue(), { timeout: 20_000 }).toBe(right);
    expect(errors).toEqual([]);
    await page.close();
  });
});
