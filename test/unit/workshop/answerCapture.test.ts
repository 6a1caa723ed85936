import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { ANSWER_TAG, MAX_ANSWER_CHARS, answerCaptureSource, decodeAnswer, readCapturedAnswer } from '../../../lib/workshop';

// How a student's answer leaves their kernel: the capture cell encodes the value as plain JSON and the
// grader decodes it into a value its own check takes. The round trip must keep what a check can tell
// apart (undefined, NaN, -0, nested objects), and a tampered line must be a reason, never a throw and
// never a value the kernel could not have held.

/** Runs a capture cell the way tslab would (transpiled, the answer variable in scope) and returns its stdout. */
function capture(answerName: string, value: unknown, declared = true): string {
  const js = ts.transpileModule(answerCaptureSource('ex-02-1', answerName), { compilerOptions: { target: ts.ScriptTarget.ES2020 } }).outputText;
  const lines: string[] = [];
  const fakeConsole = { log: (...args: unknown[]) => lines.push(args.join(' ')) };
  if (declared) new Function(answerName, 'console', js)(value, fakeConsole);
  else new Function('console', js)(fakeConsole);
  return `${lines.join('\n')}\n`;
}
const roundTrip = (value: unknown) => {
  const read = readCapturedAnswer(capture('ex02_1', value), 'ex-02-1');
  if (!read.ok) throw new Error(read.reason);
  return read.value;
};

describe('answerCaptureSource and readCapturedAnswer', () => {
  it('round-trips the values checks take: numbers, strings, objects, arrays, null', () => {
    for (const value of [1, 17.5, 'SwitchIndependent', null, true, [1, 'a', [2]], { teamingMode: 'Lacp', simultaneous: 4, drainS: 98.5, nested: { a: [1] } }]) {
      expect(roundTrip(value)).toEqual(value);
    }
  });

  it('keeps what JSON would lose: undefined, NaN, the infinities, -0, bigints', () => {
    expect(roundTrip(undefined)).toBeUndefined();
    expect(roundTrip(Number.NaN)).toBeNaN();
    expect(roundTrip(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(roundTrip(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
    expect(roundTrip(12n)).toBe(12n);
    expect(roundTrip({ a: undefined })).toEqual({ a: undefined });
  });

  it('reads an undeclared answer (the exercise cell failed) as undefined', () => {
    expect(readCapturedAnswer(capture('ex02_1', undefined, false), 'ex-02-1')).toEqual({ ok: true, value: undefined });
  });

  it('turns functions into a stand-in and cycles into a reason, never a hang', () => {
    expect(typeof roundTrip(() => 1)).toBe('function');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(readCapturedAnswer(capture('ex02_1', cyclic), 'ex-02-1')).toEqual({ ok: false, reason: 'an unreadable answer: the answer is too big or has a cycle' });
  });

  it('decodes __proto__ as a plain key, never as a prototype', () => {
    const line = `${ANSWER_TAG} {"id":"ex-02-1","answer":{"$":"object","v":{"__proto__":{"$":"object","v":{"polluted":true}}}}}\n`;
    const read = readCapturedAnswer(line, 'ex-02-1');
    expect(read.ok).toBe(true);
    const value = (read as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a reason for a tampered line: two lines, another id, unknown markers, bare arrays, too long', () => {
    const one = capture('ex02_1', 1);
    expect(readCapturedAnswer(one + one, 'ex-02-1')).toEqual({ ok: false, reason: 'more than one answer line (output tampered with?)' });
    expect(readCapturedAnswer(one, 'ex-02-2')).toEqual({ ok: false, reason: 'a malformed answer line' });
    expect(readCapturedAnswer(`${ANSWER_TAG} {"id":"ex-02-1"`, 'ex-02-1')).toEqual({ ok: false, reason: 'a malformed answer line' });
    expect(readCapturedAnswer(`${ANSWER_TAG} {"id":"ex-02-1","answer":[1]}`, 'ex-02-1')).toEqual({ ok: false, reason: 'an unreadable answer: an unexpected bare array' });
    expect(readCapturedAnswer(`${ANSWER_TAG} {"id":"ex-02-1","answer":{"$":"bigint","v":"1e9"}}`, 'ex-02-1').ok).toBe(false);
    expect(readCapturedAnswer(`${ANSWER_TAG} ${'x'.repeat(MAX_ANSWER_CHARS)}`, 'ex-02-1')).toEqual({ ok: false, reason: `the answer is over ${MAX_ANSWER_CHARS} characters` });
    expect(readCapturedAnswer('PASS ex-02-1: correct\n', 'ex-02-1')).toEqual({ ok: false, reason: 'no answer line' });
  });

  it('refuses to write an answer name that is not an identifier into code', () => {
    expect(() => answerCaptureSource('ex-02-1', 'x); process.exit(')).toThrow(InputError);
    expect(answerCaptureSource('ex-02-1\nprocess.exit()', 'x').split('\n')[0]).not.toContain('\n');
  });

  it('rejects a nesting deeper than any capture cell writes', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 80; i++) deep = { $: 'array', v: [deep] };
    expect(() => decodeAnswer(deep)).toThrow(/too deep/);
  });
});
