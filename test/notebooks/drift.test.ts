// The notebooks are generated from content/*.mdx (scripts/generate-notebooks.mjs). A notebook edited by
// hand, or a lesson changed without regenerating, would make the two surfaces disagree: this test fails
// then, naming the stale files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planNotebooks, writeNotebooks } from '../../scripts/generate-notebooks.mjs';
import { REPO_ROOT } from '../../scripts/jupyter-env.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'teaming-lab-drift-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('notebooks/ against content/', () => {
  it('every lesson parses, and regenerating it changes no notebook', () => {
    const plan = planNotebooks(REPO_ROOT);
    expect(plan.errors).toEqual([]);
    expect(plan.notebooks.length).toBeGreaterThan(0);
    expect(plan.notebooks.filter((n) => !n.upToDate).map((n) => n.target)).toEqual([]);
    expect(plan.orphans).toEqual([]);
  });

  it('`generate-notebooks.mjs --check` exits 0 on this tree', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'generate-notebooks.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the check does catch a hand-edited notebook and a notebook without a lesson', () => {
    // A copy of content/ with freshly generated notebooks, then one notebook changed and one extra added:
    // the check must report exactly those two.
    cpSync(join(REPO_ROOT, 'content'), join(scratch, 'content'), { recursive: true });
    expect(writeNotebooks(scratch).errors).toEqual([]);
    expect(planNotebooks(scratch).notebooks.every((n) => n.upToDate)).toBe(true);
    const first = planNotebooks(scratch).notebooks[0];
    writeFileSync(join(scratch, first.target), first.json.replace('"nbformat": 4', '"nbformat": 4 '));
    writeFileSync(join(scratch, 'notebooks', 'zz-extra.ipynb'), '{}\n');
    const plan = planNotebooks(scratch);
    expect(plan.notebooks.filter((n) => !n.upToDate).map((n) => n.target)).toEqual([first.target]);
    expect(plan.orphans).toEqual(['notebooks/zz-extra.ipynb']);
  });
});
