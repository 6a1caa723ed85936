// Lesson component props must be JSON-compatible literals (the notebook generator reads the same text)
// and must match the experiment's controls; anything else is a build error with a reason.
import { describe, expect, it } from 'vitest';
import { LessonError, checkProps, controlValueProblem, literalValue } from '../../../site/builder/props.mjs';
import { solutionCode, studentCode } from '../../../site/builder/remarkLesson.mjs';

const lit = (value: unknown) => ({ type: 'Literal', value });

describe('literalValue', () => {
  it('evaluates objects, arrays, negative numbers and plain template strings', () => {
    const node = { type: 'ObjectExpression', properties: [
      { type: 'Property', kind: 'init', key: { type: 'Identifier', name: 'vms' }, value: lit(4) },
      { type: 'Property', kind: 'init', key: lit('mode'), value: { type: 'TemplateLiteral', expressions: [], quasis: [{ value: { cooked: 'Lacp' } }] } },
      { type: 'Property', kind: 'init', key: { type: 'Identifier', name: 'list' }, value: { type: 'ArrayExpression', elements: [{ type: 'UnaryExpression', operator: '-', argument: lit(1) }, lit(true)] } },
    ] };
    expect(literalValue(node)).toEqual({ vms: 4, mode: 'Lacp', list: [-1, true] });
  });
  it('rejects identifiers, calls and spreads, because only literals are portable to the notebooks', () => {
    expect(() => literalValue({ type: 'Identifier', name: 'x' })).toThrow(LessonError);
    expect(() => literalValue({ type: 'CallExpression' })).toThrow(LessonError);
    expect(() => literalValue({ type: 'ObjectExpression', properties: [{ type: 'SpreadElement' }] })).toThrow(LessonError);
  });
});

describe('controlValueProblem', () => {
  const number = { kind: 'number', min: 1, max: 12 };
  it('accepts values inside the spec and explains the rest', () => {
    expect(controlValueProblem(number, 4)).toBeNull();
    expect(controlValueProblem(number, 0)).toMatch(/at least 1/);
    expect(controlValueProblem(number, '4')).toMatch(/number/);
    expect(controlValueProblem({ kind: 'select', options: ['Lacp', 'Static'] }, 'lacp')).toMatch(/one of/);
    expect(controlValueProblem({ kind: 'toggle' }, 1)).toMatch(/true or false/);
  });
});

describe('checkProps', () => {
  const lab = { experiments: { 'finding-3': { id: 'finding-3', controls: [{ name: 'vms', kind: 'number', min: 1, max: 12 }] } } };
  it('passes a well-formed Figure and names each kind of mistake', () => {
    expect(() => checkProps('Figure', { experiment: 'finding-3', options: { vms: 4 }, controls: ['vms'] }, lab)).not.toThrow();
    expect(() => checkProps('Figure', { experiment: 'finding-9' }, lab)).toThrow(/unknown experiment "finding-9"/);
    expect(() => checkProps('Figure', {}, lab)).toThrow(/missing prop "experiment"/);
    expect(() => checkProps('Value', { experiment: 'finding-3', path: 'measured x' }, lab)).toThrow(/dotted path/);
    expect(() => checkProps('Figure', { experiment: 'finding-3', options: { vms: 40 } }, lab)).toThrow(/options\.vms must be at most 12/);
  });
});

describe('exercise cells', () => {
  const code = "import { check } from 'teaming-lab';\n// BEGIN SOLUTION\nconst ex06_1 = 10;\n// END SOLUTION\ncheck('ex-06-1', ex06_1);";
  it('gives students a stub in place of the solution lines', () => {
    const student = studentCode(code, 'ex06_1');
    expect(student).not.toContain('= 10');
    expect(student).toContain('const ex06_1: any = undefined;');
    expect(student).toContain("check('ex-06-1', ex06_1);");
  });
  it('shows the solution without its markers', () => {
    expect(solutionCode(code)).toBe("import { check } from 'teaming-lab';\nconst ex06_1 = 10;\ncheck('ex-06-1', ex06_1);");
  });
});
