import { InputError } from '../InputError';

/*
 * How `workshop grade` reads a student's answer out of their kernel. After each exercise cell the grading
 * copy runs a capture cell that prints the answer variable's value, encoded as plain JSON, on one line
 * tagged `TEAMING-LAB-ANSWER`. The check itself runs later in the grader's own process, with its own copy
 * of the library, on the decoded value: nothing the student's code does to the library, to console.log or
 * to the capture cell can change a verdict, only the value handed in (which the student controls anyway).
 */

/** The tag that starts a capture cell's line. Public on purpose: it is not a secret. */
export const ANSWER_TAG = 'TEAMING-LAB-ANSWER';

/** Largest capture line the grader reads (characters); a larger answer fails as too big. */
export const MAX_ANSWER_CHARS = 1_000_000;

/** A JavaScript identifier, the only thing a capture cell puts in code from the notebook. */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The capture cell for one exercise. It reads the answer variable (undefined when the exercise cell failed
 * and never declared it) and prints `TEAMING-LAB-ANSWER {"id", "answer"}`, the answer encoded so that
 * JSON keeps what a check can tell apart: `undefined`, NaN, the infinities, -0, bigints, functions and
 * symbols become `{"$": ...}` markers; arrays and objects (own enumerable keys) `{"$": "array" | "object",
 * "v": ...}`; a cycle, a nesting deeper than 64 or more than 100,000 values become `{"$": "too-big"}`.
 *
 * @throws InputError when `answerName` is not a JavaScript identifier (it is written into code)
 */
export function answerCaptureSource(id: string, answerName: string): string {
  if (!IDENTIFIER.test(answerName)) throw new InputError('answerName', answerName, 'a JavaScript identifier');
  const header = JSON.stringify(`${ANSWER_TAG} `);
  return [
    `// Added by \`teaming-lab workshop grade\` to its own copy: reads the answer to ${id.replace(/[^\w-]/g, '?')}; the check runs outside this kernel.`,
    '{',
    `  // @ts-ignore: ${answerName} does not exist when the exercise cell failed`,
    `  const tlAnswer: unknown = typeof ${answerName} === 'undefined' ? undefined : ${answerName};`,
    '  let tlCount = 0;',
    '  const tlPath: unknown[] = [];',
    '  const tlEncode = (value: unknown): unknown => {',
    "    if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;",
    "    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: Object.is(value, -0) ? '-0' : String(value) };",
    "    if (typeof value === 'bigint') return { $: 'bigint', v: String(value) };",
    "    if (typeof value !== 'object') return { $: typeof value };",
    "    if (++tlCount > 100000 || tlPath.length >= 64 || tlPath.includes(value)) return { $: 'too-big' };",
    '    tlPath.push(value);',
    '    const out = Array.isArray(value)',
    "      ? { $: 'array', v: Array.from(value, tlEncode) }",
    "      : { $: 'object', v: Object.fromEntries(Object.keys(value).map((key) => [key, tlEncode((value as Record<string, unknown>)[key])])) };",
    '    tlPath.pop();',
    '    return out;',
    '  };',
    `  console.log(${header} + JSON.stringify({ id: ${JSON.stringify(id)}, answer: tlEncode(tlAnswer) }));`,
    '}',
  ].join('\n');
}

/** Why a captured line could not be read. */
export class AnswerFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerFormatError';
  }
}

const MARKERS: Record<string, unknown> = { undefined: undefined, NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, '-0': -0 };

/** Stands in for a function or symbol answer: never called by a check, it only tells it apart. */
function notAValue(): undefined {
  return undefined;
}

/**
 * Decodes an answer encoded by a capture cell into a plain value a check can take: plain objects (with
 * every key as an own data property, `__proto__` included), arrays, strings, numbers, booleans, null,
 * undefined, bigints; a function or symbol becomes a stand-in function.
 *
 * @throws AnswerFormatError for anything a capture cell does not write (the line was tampered with)
 */
export function decodeAnswer(encoded: unknown, depth = 0): unknown {
  if (depth > 70) throw new AnswerFormatError('nested too deep');
  if (encoded === null || typeof encoded === 'boolean' || typeof encoded === 'string') return encoded;
  if (typeof encoded === 'number') {
    if (!Number.isFinite(encoded)) throw new AnswerFormatError('a number JSON cannot hold');
    return encoded;
  }
  if (typeof encoded !== 'object' || Array.isArray(encoded)) throw new AnswerFormatError(`an unexpected ${Array.isArray(encoded) ? 'bare array' : typeof encoded}`);
  const record = encoded as Record<string, unknown>;
  const tag = record.$;
  if (typeof tag !== 'string') throw new AnswerFormatError('a value without its "$" marker');
  if (Object.prototype.hasOwnProperty.call(MARKERS, tag)) return MARKERS[tag];
  switch (tag) {
    case 'bigint':
      if (typeof record.v !== 'string' || !/^-?\d{1,400}$/.test(record.v)) throw new AnswerFormatError('a malformed bigint');
      return BigInt(record.v);
    case 'function':
    case 'symbol':
      return notAValue;
    case 'too-big':
      throw new AnswerFormatError('the answer is too big or has a cycle');
    case 'array':
      if (!Array.isArray(record.v)) throw new AnswerFormatError('a malformed array');
      return record.v.map((item) => decodeAnswer(item, depth + 1));
    case 'object': {
      const v = record.v;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new AnswerFormatError('a malformed object');
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        Object.defineProperty(out, key, { value: decodeAnswer((v as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new AnswerFormatError(`an unknown marker ${JSON.stringify(tag.slice(0, 20))}`);
  }
}

/** What `readCapturedAnswer` finds in a capture cell's standard output. */
export type CapturedAnswer = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Reads the answer to exercise `id` from a capture cell's standard output: exactly one line tagged
 * `TEAMING-LAB-ANSWER` naming `id`, at most MAX_ANSWER_CHARS long, that decodes. Anything else is a
 * reason, never an exception.
 */
export function readCapturedAnswer(stdout: string, id: string): CapturedAnswer {
  const lines = stdout.split('\n').filter((line) => line.startsWith(`${ANSWER_TAG} `));
  if (lines.length === 0) return { ok: false, reason: 'no answer line' };
  if (lines.length > 1) return { ok: false, reason: 'more than one answer line (output tampered with?)' };
  const line = lines[0];
  if (line.length > MAX_ANSWER_CHARS) return { ok: false, reason: `the answer is over ${MAX_ANSWER_CHARS} characters` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(ANSWER_TAG.length + 1));
  } catch {
    return { ok: false, reason: 'a malformed answer line' };
  }
  const record = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  if (record.id !== id || !Object.prototype.hasOwnProperty.call(record, 'answer')) return { ok: false, reason: 'a malformed answer line' };
  try {
    return { ok: true, value: decodeAnswer(record.answer) };
  } catch (error) {
    return { ok: false, reason: `an unreadable answer: ${(error as Error).message}` };
  }
}
