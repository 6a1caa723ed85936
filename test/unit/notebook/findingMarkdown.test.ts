// findingMarkdown / findingText / verdictLine turn an ExperimentResult into what a notebook shows. The
// notebook tests grep outputs for "Finding N: holds", so the verdict line's wording is a contract.
import { describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../../lib/experiments/Experiment';
import { InputError } from '../../../lib/InputError';
import { findingMarkdown, findingText, formatMeasured, verdictLine } from '../../../lib/notebook';

function result(overrides: Partial<ExperimentResult> = {}): ExperimentResult {
  return {
    id: 'finding-3',
    claim: 'Hyper-V Port caps a drain at one member.',
    holds: true,
    measured: { peakSendGbps: 10, teamGbps: 20, ratio: 1 / 3, mode: 'Lacp|HyperVPort' },
    summary: 'Peak 10 Gbps of 20.',
    data: null,
    figure: { data: [], layout: {} },
    ...overrides,
  };
}

describe('verdictLine(result, options)', () => {
  it('reads the finding number from the id finding-N', () => {
    expect(verdictLine(result())).toBe('Finding 3: holds');
    expect(verdictLine(result({ holds: false }))).toBe('Finding 3: does not hold');
  });

  it('uses options.finding when given, and the id when it has no number', () => {
    expect(verdictLine(result(), { finding: 7 })).toBe('Finding 7: holds');
    expect(verdictLine(result({ id: 'beyond-spraying' }))).toBe('Finding beyond-spraying: holds');
  });

  it('rejects a finding number that is not a whole number from 1', () => {
    expect(() => verdictLine(result(), { finding: 0 })).toThrow(InputError);
  });
});

describe('findingMarkdown(result)', () => {
  it('has the claim, one table row per measured figure, the summary and the verdict, in that order', () => {
    const md = findingMarkdown(result());
    const lines = md.split('\n');
    expect(lines[0]).toBe('**Finding 3.** Hyper-V Port caps a drain at one member.');
    expect(lines).toContain('| peakSendGbps | 10 |');
    expect(lines).toContain('| ratio | 0.333 |');
    // A "|" inside a value would split the cell: it is escaped.
    expect(lines).toContain('| mode | Lacp\\|HyperVPort |');
    expect(md.indexOf('Peak 10 Gbps of 20.')).toBeLessThan(md.indexOf('Finding 3: holds'));
    expect(lines[lines.length - 1]).toBe('**Finding 3: holds**');
  });

  it('rejects something that is not a result', () => {
    expect(() => findingMarkdown(null as unknown as ExperimentResult)).toThrow(InputError);
    expect(() => findingMarkdown(result({ holds: 'yes' as unknown as boolean }))).toThrow(InputError);
  });
});

describe('findingText(result)', () => {
  it('ends with the same verdict line as the Markdown, on a line of its own', () => {
    const text = findingText(result({ holds: false }));
    expect(text.split('\n').pop()).toBe('Finding 3: does not hold');
    expect(text).toMatch(/^ {2}peakSendGbps +10$/m);
  });
});

describe('formatMeasured(value)', () => {
  it('keeps integers, rounds other numbers to 3 decimals and prints strings and booleans as they are', () => {
    expect(formatMeasured(20)).toBe('20');
    expect(formatMeasured(9.87654)).toBe('9.877');
    expect(formatMeasured(0.1 + 0.2)).toBe('0.3');
    expect(formatMeasured(true)).toBe('true');
    expect(formatMeasured('Lacp')).toBe('Lacp');
  });
});
