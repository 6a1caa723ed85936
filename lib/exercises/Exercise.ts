/** What a check says about an answer. */
export interface CheckResult {
  /** The exercise checked. */
  id: string;
  /** True when the answer is right. */
  pass: boolean;
  /** One line for the learner: what was right or what to look at again. Never gives the answer away. */
  message: string;
}

/**
 * An exercise's automatic check. The question, hints and solution live in the lesson (MDX); the check
 * lives here and computes the right answer from the model, so a changed scenario still checks correctly.
 */
export interface Exercise {
  /** Stable id, `ex-LL-N` (lesson LL, exercise N), e.g. `ex-06-1`. */
  id: string;
  /** Lesson number (2 to 10). */
  lesson: number;
  /** Short title. */
  title: string;
  /** Name of the variable the solution cell assigns (`ex06_1`); the grader reads it. */
  answerName: string;
  /** What kind of answer: a number, one of `options`, free text, or any value (checked in code). */
  kind: 'number' | 'choice' | 'text' | 'value';
  /** Allowed answers for a `choice`. */
  options?: string[];
  /** Unit shown next to an answer box on the site, e.g. `Gbps`. */
  unit?: string;
  /** Decides whether `answer` is right. Pure; never throws for a wrong answer (returns pass false). */
  check(answer: unknown): CheckResult;
}
