import { exercises as registry } from '../exercises';
import type { Exercise } from '../exercises';
import type { Notebook } from './Notebook';
import { readCapturedAnswer } from './answerCapture';
import type { GradingPlanEntry } from './gradingNotebook';

/** How one code cell of a grading run went (what the Python runner reports). */
export interface CellRun {
  /** Position of the cell in the grading notebook. */
  index: number;
  /** `ok`, `error` (the kernel reported an error: a compile or runtime error), `timeout` (ran past the
   * per-cell timeout; the kernel was replaced), `dead` (the kernel died), `not-run` (never reached). */
  status: 'ok' | 'error' | 'timeout' | 'dead' | 'not-run';
  /** Seconds it took. */
  seconds: number;
  /** True when the cell's output went past the runner's cap and the rest was dropped. */
  outputCapped?: boolean;
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
  /** The per-cell timeout used, for messages. */
  timeoutSeconds: number;
  /** The exercises by id, whose checks decide. Default: the library's registry (the grader's own copy). */
  exercises?: Record<string, Exercise>;
}

/**
 * Reads the grades from an executed grading notebook and decides them here, outside the student's
 * kernel: an exercise passes only when its exercise cell ran without error, its capture cell printed
 * exactly one answer line (`readCapturedAnswer`), and this process's own check of the exercise accepts
 * the decoded value. Anything else fails, with the reason: no exercise cell, the cell failed (its first
 * error line), ran past the timeout, was never reached, the answer line is missing, repeated or malformed,
 * or the check threw.
 */
export function readGrades(executed: Notebook, plan: GradingPlanEntry[], report: RunnerReport, options: ReadGradesOptions): ExerciseGrade[] {
  const known = options.exercises ?? registry;
  const runs = new Map(report.cells.map((run) => [run.index, run]));
  const notReached = `not reached: ${report.fatal ?? 'the run stopped before this cell'}`;
  return plan.map((entry): ExerciseGrade => {
    const fail = (message: string): ExerciseGrade => ({ exercise: entry.id, pass: false, message });
    if (entry.exerciseIndex === undefined) return fail('no exercise cell for this exercise in the notebook (deleted or renamed?)');
    if (entry.problem !== undefined) return fail(entry.problem);
    if (entry.captureIndex === undefined) return fail(`cannot tell which variable holds the answer to ${entry.id}`);
    const cellRun = runs.get(entry.exerciseIndex);
    const cell = executed.cells[entry.exerciseIndex];
    switch (cellRun?.status ?? 'not-run') {
      case 'not-run':
        return fail(notReached);
      case 'timeout':
        return fail(`the exercise cell ran past the ${options.timeoutSeconds} s timeout (an endless loop?); grading went on in a fresh kernel`);
      case 'dead':
        return fail('the kernel died while running the exercise cell (a memory or CPU limit?); grading went on in a fresh kernel');
      case 'error':
        return fail(`the exercise cell failed: ${firstErrorLine(cell?.outputs ?? [])}`);
      default:
        break;
    }
    const captureRun = runs.get(entry.captureIndex);
    const captureStatus = captureRun?.status ?? 'not-run';
    if (captureStatus === 'not-run') return fail(notReached);
    const outputs = executed.cells[entry.captureIndex]?.outputs ?? [];
    const captured = readCapturedAnswer(streamText(outputs, 'stdout'), entry.id);
    if (!captured.ok) {
      const why =
        captureStatus === 'timeout'
          ? `it ran past the ${options.timeoutSeconds} s timeout`
          : captureStatus === 'dead'
            ? 'the kernel died'
            : captureStatus === 'error'
              ? firstErrorLine(outputs)
              : captured.reason;
      return fail(`could not read the answer from the kernel (${why})`);
    }
    const exercise = Object.prototype.hasOwnProperty.call(known, entry.id) ? known[entry.id] : undefined;
    if (exercise === undefined) return fail(`this version of teaming-lab has no exercise ${entry.id}`);
    try {
      const result = exercise.check(captured.value);
      return { exercise: entry.id, pass: result.pass === true, message: String(result.message) };
    } catch (error) {
      return fail(`the check failed: ${error instanceof Error ? error.message : String(error)}`);
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
