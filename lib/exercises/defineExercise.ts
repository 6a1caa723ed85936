import type { CheckResult, Exercise } from './Exercise';
import { formatMeasured } from '../formatMeasured';

/** Options for `numberCheck`: the right value, computed from the model, and how close is close enough. */
export interface NumberCheckOptions {
  /** Computes the right answer (called at check time, so it follows the current model). */
  expected: () => number;
  /** Relative tolerance. Default 0.02 (2 %). */
  relative?: number;
  /** Absolute tolerance, added to the relative one. Default 0. */
  absolute?: number;
  /** Unit for messages, e.g. `Gbps`. */
  unit?: string;
}

/** Builds a check for a numeric answer within a tolerance of the model's value. */
export function numberCheck(id: string, options: NumberCheckOptions): (answer: unknown) => CheckResult {
  const { expected, relative = 0.02, absolute = 0, unit = '' } = options;
  return (answer) => {
    const value = typeof answer === 'string' && answer.trim() !== '' ? Number(answer) : answer;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { id, pass: false, message: `${id}: expected a number${unit ? ` in ${unit}` : ''}, got ${describe(answer)}` };
    }
    const want = expected();
    const ok = Math.abs(value - want) <= Math.abs(want) * relative + absolute;
    const shown = `${formatMeasured(value)}${unit ? ` ${unit}` : ''}`; // at most 3 decimals: 60.995, not 60.99511627776
    return ok
      ? { id, pass: true, message: `${id}: correct (${shown})` }
      : { id, pass: false, message: `${id}: not yet: ${shown} is ${value > want ? 'too high' : 'too low'}` };
  };
}

/** Builds a check for one of a fixed set of answers (case-insensitive). */
export function choiceCheck(id: string, expected: () => string): (answer: unknown) => CheckResult {
  return (answer) => {
    if (typeof answer !== 'string') return { id, pass: false, message: `${id}: expected one of the listed answers, got ${describe(answer)}` };
    const ok = answer.trim().toLowerCase() === expected().toLowerCase();
    return ok ? { id, pass: true, message: `${id}: correct (${answer})` } : { id, pass: false, message: `${id}: not yet: ${answer} is not it` };
  };
}

/** Describes a wrong-typed answer without dumping a huge value. */
export function describe(value: unknown): string {
  if (value === undefined) return 'no answer yet';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Identity helper that checks the exercise object's shape at compile time. */
export function defineExercise(exercise: Exercise): Exercise {
  return exercise;
}
