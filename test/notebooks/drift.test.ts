// The notebooks are generated from content/*.mdx (scripts/generate-notebooks.ts). A notebook edited by
// hand, or a lesson changed without regenerating, would make the two surfaces disagree: this test fails
// then, naming the stale files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as library from '../../lib/index';
import { planNotebooks, writeNotebooks } from '../../scripts/generate-notebooks';
import { REPO_ROOT } from '../../scripts/jupyter-env';

const scratch = mkdtempSync(join(tmpdir(), 'teaming-lab-drift-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('notebooks/ against content/', () => {
  it('every lesson parses, and regenerating it changes no notebook', async () => {
    const plan = await planNotebooks(REPO_ROOT, library);
    expect(plan.errors).toEqual([]);
    expect(plan.notebooks.length).toBeGreaterThan(0);
    expect(plan.notebooks.filter((n) => !n.upToDate).map((n) => n.target)).toEqual([]);
    expect(plan.orphans).toEqual([]);
  });

  it('`npm run notebooks:check` exits 0 on this tree', () => {
    const result = spawnSync(process.execPath, ['--import', './scripts/ts-loader.mjs', join('scripts', 'generate-notebooks.ts'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the check does catch a hand-edited notebook and a notebook without a lesson', async () => {
    // A copy of content/ with freshly generated notebooks, then one notebook changed and one extra added:
    // the check must report exactly those two.
    cpSync(join(REPO_ROOT, 'content'), join(scratch, 'content'), { recursive: true });
    expect((await writeNotebooks(scratch, library)).errors).toEqual([]);
    expect((await planNotebooks(scratch, library)).notebooks.every((n) => n.upToDate)).toBe(true);
    const first = (await planNotebooks(scratch, library)).notebooks[0];
    writeFileSync(join(scratch, first.target), first.json.replace('"nbformat": 4', '"nbformat": 4 '));
    writeFileSync(join(scratch, 'notebooks', 'zz-extra.ipynb'), '{}\n');
    const plan = await planNotebooks(scratch, library);
    expect(plan.notebooks.filter((n) => !n.upToDate).map((n) => n.target)).toEqual([first.target]);
    expect(plan.orphans).toEqual(['notebooks/zz-extra.ipynb']);
  });
});
