import type { Notebook } from './Notebook';
import type { GradingPlanEntry } from './gradingNotebook';
import { gradeTag } from './gradingNotebook';

/** How one code cell of a grading run went (what the Python runner reports). */
export interface CellRun {
  /** Position of the cell in the grading notebook. */
  index: number;
  /** `ok`, `error` (the kernel reported an error: a compile or runtime error), `timeout` (ran past the
   * per-cell timeout; the kernel was replaced), `dead` (the kernel died), `not-run` (never reached). */
  status: 'ok' | 'error' | 'timeout' | 'dead' | 'not-run';
  /** Seconds it took. */
  seconds: number;
}

/** The runner's report on one grading notebook. */
export interface RunnerReport {
  /** Every code cell, in order. */
  cells: CellRun[];
  /** How many times a fresh kernel replaced one that hung or died. */
  restarts: number;
  /** Why the run stopped early (a kernel that did not start ...); null when it ran to the end. */
  fatal: string | null;
}

/** One exercise's grade. */
export interface ExerciseGrade {
  /** Exercise id. */
  exercise: string;
  /** True when the check passed. */
  pass: boolean;
  /** The check's message, or why the exercise failed without one. */
  message: string;
}

/** Options of `readGrades`. */
export interface ReadGradesOptions {
  /** The run's nonce (only lines tagged with it count). */
  nonce: string;
  /** The per-cell timeout used, for messages. */
  timeoutSeconds: number;
}

/**
 * Reads the grades from an executed grading notebook. An exercise passes only when its exercise cell ran
 * without error and its grading cell printed exactly one line tagged with the run's nonce saying it passed.
 * Anything else fails, with the reason: no exercise cell, the cell failed (its first error line), ran past
 * the timeout, was never reached, or the grading line is missing or repeated (output tampered with).
 */
export function readGrades(executed: Notebook, plan: GradingPlanEntry[], report: RunnerReport, options: ReadGradesOptions): ExerciseGrade[] {
  const runs = new Map(report.cells.map((run) => [run.index, run]));
  const tag = `${gradeTag(options.nonce)} `;
  const notReached = `not reached: ${report.fatal ?? 'the run stopped before this cell'}`;
  return plan.map((entry): ExerciseGrade => {
    const fail = (message: string): ExerciseGrade => ({ exercise: entry.id, pass: false, message });
    if (entry.exerciseIndex === undefined) return fail('no exercise cell for this exercise in the notebook (deleted or renamed?)');
    if (entry.gradingIndex === undefined) return fail(`cannot tell which variable holds the answer to ${entry.id}`);
    const cellRun = runs.get(entry.exerciseIndex);
    const cell = executed.cells[entry.exerciseIndex];
    switch (cellRun?.status ?? 'not-run') {
      case 'not-run':
        return fail(notReached);
      case 'timeout':
        return fail(`the exercise cell ran past the ${options.timeoutSeconds} s timeout (an endless loop?); grading went on in a fresh kernel`);
      case 'dead':
        return fail('the kernel died while running the exercise cell');
      case 'error':
        return fail(`the exercise cell failed: ${firstErrorLine(cell?.outputs ?? [])}`);
      default:
        break;
    }
    const gradingRun = runs.get(entry.gradingIndex);
    if ((gradingRun?.status ?? 'not-run') === 'not-run') return fail(notReached);
    const outputs = executed.cells[entry.gradingIndex]?.outputs ?? [];
    const lines = streamText(outputs, 'stdout')
      .split('\n')
      .filter((line) => line.startsWith(tag));
    if (lines.length > 1) return fail('more than one grading line (output tampered with?)');
    if (lines.length === 0) {
      const reason = gradingRun?.status === 'timeout' ? `ran past the ${options.timeoutSeconds} s timeout` : firstErrorLine(outputs);
      return fail(`no grading result (the grading cell: ${reason})`);
    }
    try {
      const line = JSON.parse(lines[0].slice(tag.length)) as { id?: unknown; pass?: unknown; message?: unknown };
      if (line.id !== entry.id || typeof line.pass !== 'boolean' || typeof line.message !== 'string') return fail('malformed grading line');
      return { exercise: entry.id, pass: line.pass, message: line.message };
    } catch {
      return fail('malformed grading line');
    }
  });
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';
}

/** The text a cell wrote on one stream. */
function streamText(outputs: Array<Record<string, any>>, name: string): string {
  return outputs
    .filter((o) => o.output_type === 'stream' && o.name === name)
    .map((o) => text(o.text))
    .join('');
}

/**
 * The most telling line of a failed cell's outputs: an error output's `ename: evalue`, else the line of
 * stderr that names the error (`Error: boom`, `2:20 - Expression expected.`), else its first line.
 */
export function firstErrorLine(outputs: Array<Record<string, any>>): string {
  const error = outputs.find((o) => o.output_type === 'error');
  if (error) return cut(`${error.ename}: ${error.evalue}`);
  const lines = streamText(outputs, 'stderr')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const named = lines.find((line) => /^([A-Z]\w*)?(Error|Exception)\b.*:/.test(line) || /^\d+:\d+ - /.test(line));
  return cut(named ?? lines[0] ?? 'an error with no message');
}

function cut(line: string): string {
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
