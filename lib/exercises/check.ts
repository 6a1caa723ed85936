import { InputError } from '../InputError';
import type { CheckResult } from './Exercise';
import { exercises } from './registry';

/**
 * Checks an answer and prints one line for the learner (`PASS ex-06-1: correct ...` or `FAIL ex-06-1:
 * not yet ...`), which is what notebook check cells and the site's runnable cells show. Returns the
 * result too, for code that wants it. An unknown exercise id is an input error (a typo in a lesson).
 */
export function check(id: string, answer: unknown): CheckResult {
  const exercise = Object.prototype.hasOwnProperty.call(exercises, id) ? exercises[id] : undefined;
  if (!exercise) throw new InputError('exercise', id, `one of ${Object.keys(exercises).join(', ')}`);
  const result = exercise.check(answer);
  console.log(`${result.pass ? 'PASS' : 'FAIL'} ${result.message}`);
  // A notebook kernel (tslab) prints the value of a cell's last expression with util.inspect: the line
  // above already said everything, so the result inspects as nothing instead of echoing it again.
  Object.defineProperty(result, Symbol.for('nodejs.util.inspect.custom'), { value: () => '', enumerable: false });
  return result;
}
