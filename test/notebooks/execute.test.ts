// Executes EVERY notebook in notebooks/ through real Jupyter (Debian's nbclient, the tslab kernel),
// one kernel at a time, and checks what a learner would see: no cell fails, each notebook shows as many
// charts as its lesson has <Figure> tags, and every "Finding N:" line says "holds".
// A missing Jupyter is an error (scripts/ensure-system-deps.sh installs it when it can), never a skip.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR, executeNotebook, prepareJupyter } from '../../scripts/jupyter-env.mjs';
import type { ExecutedNotebook } from '../../scripts/jupyter-env.mjs';
import { errors, figureOutputs, lessonExpectations, verdicts } from './outputs';
import type { Output } from './outputs';

const notebooks = readdirSync(NOTEBOOKS_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

/** Seconds one cell may take before the run fails (the slowest experiment takes a few seconds). */
const CELL_TIMEOUT_SECONDS = 120;

beforeAll(() => {
  prepareJupyter({ log: (m) => console.error(m) });
}, 600_000);

describe('notebooks executed in Jupyter with the tslab kernel', () => {
  it('there are notebooks to run', () => {
    expect(notebooks.length).toBeGreaterThan(0);
  });

  for (const name of notebooks) {
    it(`${name}: every cell runs, the figures render, every finding holds`, async () => {
      const run: ExecutedNotebook = await executeNotebook(join(NOTEBOOKS_DIR, name), { cellTimeoutSeconds: CELL_TIMEOUT_SECONDS });
      expect(run.error, `a cell of ${name} failed:\n${run.error}`).toBeNull();
      expect(run.ok).toBe(true);

      const outputs: Output[] = run.notebook.cells.flatMap((c) => c.outputs ?? []);
      expect(errors(outputs)).toEqual([]);

      const source = (run.notebook as { metadata?: { teaming_lab?: { generated_from?: string } } }).metadata?.teaming_lab?.generated_from;
      expect(source, `${name} has no metadata.teaming_lab.generated_from`).toMatch(/^content\/.+\.mdx$/);
      const expected = lessonExpectations(source!);

      // One figure output per <Figure> tag: each show() call emits exactly one marked HTML output.
      expect(figureOutputs(outputs)).toHaveLength(expected.figures);

      // One verdict per <Finding> tag, and the article's claim holds in the model for each.
      const found = verdicts(outputs);
      expect(found).toHaveLength(expected.findings);
      for (const v of found) expect(`${v.finding}: ${v.verdict}`).toBe(`${v.finding}: holds`);
    });
  }
});
