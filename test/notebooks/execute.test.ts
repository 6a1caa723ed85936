// Executes EVERY notebook in notebooks/ through real Jupyter (Debian's nbclient, the tslab kernel),
// two kernels at a time (the machine's cores), and checks what a learner would see: no cell fails, each notebook shows as many
// charts as its lesson has <Figure> tags (plus its show() calls), every "Finding N:" line says "holds",
// and every exercise cell (the course version, with its solution) prints PASS from its check, once.
// It also checks what an executed notebook weighs: plotly.js travels once per notebook (the first chart),
// so a saved executed lesson stays under 2 MB, and numbers the library prints are rounded.
// A missing Jupyter is an error (scripts/ensure-system-deps.sh installs it when it can), never a skip.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR, executeNotebook, prepareJupyter } from '../../scripts/jupyter-env';
import type { ExecutedNotebook } from '../../scripts/jupyter-env';
import { checks, errors, figureOutputs, lessonExpectations, plainText, verdicts } from './outputs';
import type { Output } from './outputs';

const notebooks = readdirSync(NOTEBOOKS_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

/** Seconds one cell may take before the run fails (the slowest experiment takes a few seconds). */
const CELL_TIMEOUT_SECONDS = 120;

/** Kernels run at once: tslab compiles every cell, so one per core (TEAMING_LAB_NOTEBOOK_JOBS overrides). */
const JOBS = Number(process.env.TEAMING_LAB_NOTEBOOK_JOBS ?? Math.min(2, availableParallelism()));

/** The lesson each notebook was generated from (its metadata says so). */
function lessonOf(name: string): string | undefined {
  return JSON.parse(readFileSync(join(NOTEBOOKS_DIR, name), 'utf8')).metadata?.teaming_lab?.generated_from;
}

/** Every notebook's run, started in beforeAll with at most JOBS at a time; each test awaits its own. */
const runs = new Map<string, Promise<ExecutedNotebook>>();

beforeAll(() => {
  prepareJupyter({ log: (m) => console.error(m) });
  let active = 0;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    if (active >= JOBS) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
  };
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  for (const name of notebooks) {
    const run = slot().then(() => executeNotebook(join(NOTEBOOKS_DIR, name), { cellTimeoutSeconds: CELL_TIMEOUT_SECONDS }).finally(release));
    run.catch(() => undefined); // reported by the test that awaits it
    runs.set(name, run);
  }
}, 600_000);

describe('notebooks executed in Jupyter with the tslab kernel', () => {
  it('there are notebooks to run', () => {
    expect(notebooks.length).toBeGreaterThan(0);
  });

  for (const name of notebooks) {
    it(`${name}: every cell runs, the figures render, every finding holds, every solution passes`, async () => {
      const source = lessonOf(name);
      expect(source, `${name} has no metadata.teaming_lab.generated_from`).toMatch(/^content\/.+\.mdx$/);
      const expected = lessonExpectations(source!);
      const run = await runs.get(name)!;
      expect(run.error, `a cell of ${name} failed:\n${run.error}`).toBeNull();
      expect(run.ok).toBe(true);

      const outputs: Output[] = run.notebook.cells.flatMap((c) => c.outputs ?? []);
      expect(errors(outputs)).toEqual([]);

      // One figure output per <Figure> tag (and per show() in a runnable cell): each emits one marked output.
      expect(figureOutputs(outputs)).toHaveLength(expected.figures);

      // One verdict per <Finding> tag, and the article's claim holds in the model for each.
      const found = verdicts(outputs);
      expect(found).toHaveLength(expected.findings);
      for (const v of found) expect(`${v.finding}: ${v.verdict}`).toBe(`${v.finding}: holds`);

      // Each exercise cell holds its solution, so its check prints exactly one PASS line with its id.
      for (const exercise of expected.exercises) {
        const cell = run.notebook.cells.find((c) => c.metadata?.teaming_lab?.exercise === exercise.id);
        expect(cell, `no cell for exercise ${exercise.id}`).toBeDefined();
        const lines = checks(cell!.outputs ?? []);
        expect(lines.map((l) => `${l.result} ${l.id}`), lines.map((l) => l.line).join(' / ')).toEqual([`PASS ${exercise.id}`]);
      }
      expect(checks(outputs).filter((l) => l.result !== 'PASS')).toEqual([]);

      // check()'s PASS line is the cell's last output: the kernel does not echo the result object after it.
      // (A solution may print a one-line summary of what it found before checking.)
      for (const exercise of expected.exercises) {
        const cell = run.notebook.cells.find((c) => c.metadata?.teaming_lab?.exercise === exercise.id)!;
        const text = plainText(cell.outputs ?? []).trim();
        expect(text.split('\n').at(-1), exercise.id).toMatch(new RegExp(`^PASS ${exercise.id}\\b`));
        expect(text, `${exercise.id} prints raw floats`).not.toMatch(/\d\.\d{6,}/);
      }

      // One copy of plotly.js per notebook, whatever its number of charts, so the saved file stays small.
      const executed = JSON.stringify(run.notebook);
      // (Counted as the bundle's <script> element: each chart's loader also names the type, to find it.)
      expect(executed.match(/<script type=\\"text\/x-teaming-lab-plotly\\"/g)?.length ?? 0).toBe(expected.figures > 0 ? 1 : 0);
      expect(Buffer.byteLength(executed), `${name} executed`).toBeLessThan(2 * 1024 * 1024);

      // Numbers the library writes into prose and findings are rounded (no 17.894551742054396).
      const markdown = outputs.map((o) => [o.data?.['text/markdown'] ?? ''].flat().join('')).join('\n');
      expect(markdown.match(/\d\.\d{4,}/g) ?? []).toEqual([]);
    });
  }
});
