import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { exercises } from '../../../lib/exercises';

// Assertions shared by the lesson exercise tests: a lesson's exercises are registered under its number
// (and, where asked, match the lesson's check lines), each lesson solution passes and each plausible wrong
// answer fails, so a learner is never told "correct" for a mistake nor "not yet" for the model's answer.

/** An answer as a failure message shows it. */
const shown = (answer: unknown): string => (typeof answer === 'object' && answer !== null ? JSON.stringify(answer) : String(answer));

/** Whether the registry's check for exercise `id` accepts `answer`. */
export const pass = (id: string, answer: unknown): boolean => exercises[id].check(answer).pass;

/** Asserts that exercise `id` accepts every one of `answers`. */
export function expectRight(id: string, ...answers: unknown[]): void {
  for (const answer of answers) expect(pass(id, answer), `${id} should accept ${shown(answer)}`).toBe(true);
}

/** Asserts that exercise `id` refuses every one of `answers`. */
export function expectWrong(id: string, ...answers: unknown[]): void {
  for (const answer of answers) expect(pass(id, answer), `${id} should refuse ${shown(answer)}`).toBe(false);
}

/** The lesson's exercises as the MDX declares them: id and the variable its check line reads. */
export function lessonExercises(prefix: string): Array<{ id: string; answerName: string }> {
  const dir = new URL('../../../content/', import.meta.url);
  const file = readdirSync(dir).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.mdx'));
  if (!file) throw new Error(`no content/${prefix}-*.mdx`);
  const text = readFileSync(new URL(file, dir), 'utf8');
  return [...text.matchAll(/^check\('([^']+)', (\w+)\);$/gm)].map((m) => ({ id: m[1], answerName: m[2] }));
}

/** Options of expectRegistered. */
export interface RegisteredOptions {
  /** Which registry ids belong to the lesson. Default: those starting with `ex-NN-`. */
  belongs?: (id: string) => boolean;
  /**
   * Also require the lesson's MDX check lines to name exactly these exercises, in order, with the registry's
   * answer names (the grader reads the variable named answerName). Default: false.
   */
  matchLessonCells?: boolean;
}

/** Asserts that exactly `expectedIds` are registered for `lesson`, and returns them sorted. */
export function expectRegistered(lesson: number, expectedIds: string[], options: RegisteredOptions = {}): string[] {
  const prefix = String(lesson).padStart(2, '0');
  const belongs = options.belongs ?? ((id: string) => id.startsWith(`ex-${prefix}-`));
  const ids = Object.keys(exercises).filter(belongs).sort();
  expect(ids).toEqual(expectedIds);
  for (const id of ids) expect(exercises[id].lesson, id).toBe(lesson);
  if (options.matchLessonCells) {
    expect(lessonExercises(prefix)).toEqual(ids.map((id) => ({ id, answerName: exercises[id].answerName })));
  }
  return ids;
}
