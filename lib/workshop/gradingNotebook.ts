import { InputError } from '../InputError';
import { exercises as registry } from '../exercises';
import type { Exercise } from '../exercises';
import type { Notebook, NotebookCell } from './Notebook';
import { cloneJson, sourceLines } from './Notebook';
import { exerciseOfCell } from './exerciseCell';

/** One exercise a grading notebook checks, and where its cells are. */
export interface GradingPlanEntry {
  /** Exercise id, e.g. `ex-06-1`. */
  id: string;
  /** The answer variable the grading cell reads; undefined when it cannot be told. */
  answerName?: string;
  /** Position of the student's exercise cell in the grading notebook; undefined when the submission has none. */
  exerciseIndex?: number;
  /** Position of the grading cell that follows it; undefined when there is none. */
  gradingIndex?: number;
}

/** Options of `gradingNotebook`. */
export interface GradingNotebookOptions {
  /** The run's secret: grading cells tag their result line with it. 16 or more hex digits. */
  nonce: string;
  /** The exercises by id. Default: the library's registry. */
  exercises?: Record<string, Exercise>;
}

/** What `gradingNotebook` returns. */
export interface GradingNotebook {
  /** The copy to execute: the submission's cells, outputs cleared, a grading cell after each exercise cell. */
  notebook: Notebook;
  /** The exercises to report, in lesson order: those the notebook's lesson has, plus any other found. */
  plan: GradingPlanEntry[];
}

/** The tag that starts a grading cell's result line. */
export function gradeTag(nonce: string): string {
  return `TEAMING-LAB-GRADE-${nonce}`;
}

/**
 * The hidden grading cell for one exercise: it reads the answer variable (undefined when the exercise
 * cell failed and never declared it), runs the library's check for the exercise and prints one line,
 * `<tag> {"id","pass","message"}`. A check that throws counts as a fail.
 */
export function gradingCellSource(id: string, answerName: string, nonce: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(answerName)) throw new InputError('answerName', answerName, 'a JavaScript identifier');
  const idText = JSON.stringify(id);
  return [
    `// Added by \`teaming-lab workshop grade\` to its own copy: checks ${id}.`,
    "import { exercises as tlGradeExercises } from 'teaming-lab';",
    '{',
    '  let tlGradeLine: { id: string; pass: boolean; message: string };',
    '  try {',
    `    // @ts-ignore: ${answerName} does not exist when the exercise cell failed`,
    `    const tlGradeAnswer: unknown = typeof ${answerName} === 'undefined' ? undefined : ${answerName};`,
    `    const tlGradeExercise = tlGradeExercises[${idText}];`,
    `    if (tlGradeExercise === undefined) throw new Error('this version of teaming-lab has no exercise ' + ${idText});`,
    '    const tlGradeResult = tlGradeExercise.check(tlGradeAnswer);',
    `    tlGradeLine = { id: ${idText}, pass: tlGradeResult.pass === true, message: String(tlGradeResult.message) };`,
    '  } catch (tlGradeError) {',
    `    tlGradeLine = { id: ${idText}, pass: false, message: 'the check failed: ' + (tlGradeError instanceof Error ? tlGradeError.message : String(tlGradeError)) };`,
    '  }',
    `  console.log(${JSON.stringify(`${gradeTag(nonce)} `)} + JSON.stringify(tlGradeLine));`,
    '}',
  ].join('\n');
}

/**
 * Builds the copy of a submission that grading executes. Pure: the submission is not changed. Every code
 * cell loses its outputs; after each exercise cell (see `exerciseOfCell`; when a student duplicated one,
 * the last copy counts) comes a grading cell (`gradingCellSource`). The numbered exercises of the
 * notebook's lesson (`metadata.teaming_lab.lesson`; `ex-06-1` ... for lesson 6) with no cell in the
 * submission are listed in the plan without cells, so a deleted exercise still shows as failed.
 */
export function gradingNotebook(submission: Notebook, options: GradingNotebookOptions): GradingNotebook {
  if (!/^[0-9a-f]{16,}$/.test(options.nonce)) throw new InputError('nonce', options.nonce, '16 or more lowercase hex digits');
  const known = options.exercises ?? registry;
  if (!submission || !Array.isArray(submission.cells)) throw new InputError('notebook', submission, 'a Jupyter notebook (nbformat 4) with a cells list');
  const source = cloneJson(submission);
  const lastCellOf = new Map<string, number>();
  const infoOf = source.cells.map((cell) => exerciseOfCell(cell, known));
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
    if (info.answerName !== undefined) {
      entry.answerName = info.answerName;
      entry.gradingIndex = cells.length;
      cells.push({
        cell_type: 'code',
        execution_count: null,
        id: `teaming-lab-grade-${cells.length}`,
        metadata: { teaming_lab: { grading_of: info.id } },
        outputs: [],
        source: sourceLines(gradingCellSource(info.id, info.answerName, options.nonce)),
      });
    }
    entries.set(info.id, entry);
  });
  const lesson = source.metadata?.teaming_lab?.lesson;
  // A lesson's notebook holds its numbered exercises (`ex-06-1`); a named one such as the workshop's
  // `ex-10-capstone` lives in the facilitator guide, so no lesson notebook is expected to answer it.
  const numbered = (id: string) => typeof lesson === 'number' && new RegExp(`^ex-0*${lesson}-\\d+$`).test(id);
  const expected = Object.values(known)
    .filter((e) => e.lesson === lesson && numbered(e.id))
    .map((e) => e.id);
  for (const id of expected) if (!entries.has(id)) entries.set(id, { id, answerName: known[id]?.answerName });
  const plan = [...entries.values()].sort((a, b) => compareIds(a.id, b.id));
  return { notebook: { ...source, cells }, plan };
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
