import { InputError } from '../InputError';
import { exercises as registry } from '../exercises';
import type { Exercise } from '../exercises';
import type { Notebook, NotebookCell } from './Notebook';
import { cloneJson, sourceLines } from './Notebook';
import { IDENTIFIER, answerCaptureSource } from './answerCapture';
import { exerciseOfCell } from './exerciseCell';

/** One exercise a grading notebook checks, and where its cells are. */
export interface GradingPlanEntry {
  /** Exercise id, e.g. `ex-06-1`. */
  id: string;
  /** The answer variable the capture cell reads; undefined when it cannot be told. */
  answerName?: string;
  /** Position of the student's exercise cell in the grading notebook; undefined when the submission has none. */
  exerciseIndex?: number;
  /** Position of the capture cell that follows it; undefined when there is none. */
  captureIndex?: number;
  /** Why the exercise cannot be graded although its cell is there (an answer name that is not a variable name). */
  problem?: string;
}

/** Options of `gradingNotebook`. */
export interface GradingNotebookOptions {
  /** The exercises by id. Default: the library's registry. */
  exercises?: Record<string, Exercise>;
  /** The lesson whose numbered exercises the notebook must answer, when its metadata does not say
   * (`metadata.teaming_lab.lesson` wins). Default: none. */
  lesson?: number;
}

/** What `gradingNotebook` returns. */
export interface GradingNotebook {
  /** The copy to execute: the submission's cells, outputs cleared, a capture cell after each exercise cell. */
  notebook: Notebook;
  /** The exercises to report, in lesson order: those the notebook's lesson has, plus any other found. */
  plan: GradingPlanEntry[];
  /** The lesson the notebook answers, when known. */
  lesson?: number;
  /** Things in the notebook that were ignored, for the report (a cell naming an exercise the course does not have). */
  ignored: string[];
}

/**
 * Builds the copy of a submission that grading executes. Pure: the submission is not changed. Every code
 * cell loses its outputs; after each exercise cell (see `exerciseOfCell`; when a student duplicated one,
 * the last copy counts) comes a capture cell (`answerCaptureSource`) that prints the answer's value; the
 * check runs outside the kernel (`readGrades`). The numbered exercises of the notebook's lesson
 * (`metadata.teaming_lab.lesson`, else `options.lesson`; `ex-06-1` ... for lesson 6) with no cell in the
 * submission are listed in the plan without cells, so a deleted exercise still shows as failed. A cell
 * naming an exercise the registry does not have is ignored (listed in `ignored`).
 *
 * @throws InputError naming the cell when the notebook is not nbformat 4 (no cells list, a cell that is
 * not an object with a cell_type); `gradeSubmissions` turns that into failed exercises for that notebook only.
 */
export function gradingNotebook(submission: Notebook, options: GradingNotebookOptions = {}): GradingNotebook {
  const known = options.exercises ?? registry;
  if (submission === null || typeof submission !== 'object' || !Array.isArray(submission.cells)) {
    throw new InputError('notebook', submission === null ? null : typeof submission, 'a Jupyter notebook (nbformat 4) with a cells list');
  }
  submission.cells.forEach((cell: unknown, index) => {
    const record = cell !== null && typeof cell === 'object' && !Array.isArray(cell) ? (cell as Record<string, unknown>) : undefined;
    if (record === undefined || typeof record.cell_type !== 'string') {
      throw new InputError(`cell ${index + 1}`, cell === null || typeof cell !== 'object' ? cell : Array.isArray(cell) ? 'an array' : 'an object without cell_type', 'a notebook cell (an object with cell_type)');
    }
    if (record.metadata !== undefined && (record.metadata === null || typeof record.metadata !== 'object')) {
      throw new InputError(`cell ${index + 1} metadata`, record.metadata, 'an object');
    }
  });
  const source = cloneJson(submission);
  const ignored: string[] = [];
  const has = (id: string) => Object.prototype.hasOwnProperty.call(known, id);
  const infoOf = source.cells.map((cell, index) => {
    const info = exerciseOfCell(cell, known);
    if (info && !has(info.id)) {
      ignored.push(`cell ${index + 1} names exercise ${JSON.stringify(info.id.slice(0, 40))}, which the course does not have`);
      return undefined;
    }
    return info;
  });
  const lastCellOf = new Map<string, number>();
  infoOf.forEach((info, index) => {
    if (info) lastCellOf.set(info.id, index);
  });
  const cells: NotebookCell[] = [];
  const entries = new Map<string, GradingPlanEntry>();
  source.cells.forEach((cell, index) => {
    if (cell.cell_type === 'code') {
      cell.outputs = [];
      cell.execution_count = null;
    }
    cells.push(cell);
    const info = infoOf[index];
    if (!info || lastCellOf.get(info.id) !== index) return;
    const entry: GradingPlanEntry = { id: info.id, exerciseIndex: cells.length - 1 };
    if (info.answerName !== undefined && !IDENTIFIER.test(info.answerName)) {
      entry.problem = `the answer name ${JSON.stringify(info.answerName.slice(0, 40))} in the cell's metadata is not a variable name`;
    } else if (info.answerName !== undefined) {
      entry.answerName = info.answerName;
      entry.captureIndex = cells.length;
      cells.push({
        cell_type: 'code',
        execution_count: null,
        id: `teaming-lab-capture-${cells.length}`,
        metadata: { teaming_lab: { capture_of: info.id } },
        outputs: [],
        source: sourceLines(answerCaptureSource(info.id, info.answerName)),
      });
    }
    entries.set(info.id, entry);
  });
  const fromMetadata = source.metadata?.teaming_lab?.lesson;
  const lesson = typeof fromMetadata === 'number' && Number.isInteger(fromMetadata) ? fromMetadata : options.lesson;
  for (const id of lessonExerciseIds(lesson, known)) if (!entries.has(id)) entries.set(id, { id, answerName: known[id]?.answerName });
  const plan = [...entries.values()].sort((a, b) => compareIds(a.id, b.id));
  return { notebook: { ...source, cells }, plan, ...(lesson === undefined ? {} : { lesson }), ignored };
}

/**
 * The numbered exercises of a lesson (`ex-06-1` ... for lesson 6), in order: what its notebook must answer.
 * A named one such as the workshop's `ex-10-capstone` lives in the facilitator guide, so no lesson
 * notebook is expected to answer it.
 */
export function lessonExerciseIds(lesson: number | undefined, known: Record<string, Exercise> = registry): string[] {
  if (lesson === undefined) return [];
  const numbered = new RegExp(`^ex-0*${lesson}-\\d+$`);
  return Object.values(known)
    .filter((e) => e.lesson === lesson && numbered.test(e.id))
    .map((e) => e.id)
    .sort(compareIds);
}

/** Orders exercise ids by their numbers (`ex-06-2` before `ex-06-10`). */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    if (i % 2 === 1 && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
