// Chart lines that lie on top of each other: the later one is drawn dashed so the earlier one shows through
// (lesson 2 draws both of HV1's members at 5 Gbps; drawn solid, the first member's line was hidden).
import { describe, expect, it } from 'vitest';
import { coincide, dashCoincidingLines } from '../../../site/client/plotTheme';

const line = (name: string, y: number[], extra: Record<string, unknown> = {}) => ({ type: 'scatter', mode: 'lines', name, x: y.map((_, i) => i), y, ...extra });

describe('coincide', () => {
  it('holds when at least half of the points are equal at the same x, and not otherwise', () => {
    expect(coincide(line('a', [0, 5, 5, 5]), line('b', [0, 5, 5, 4]))).toBe(true);
    expect(coincide(line('a', [0, 5, 5, 5]), line('b', [1, 4, 5, 4]))).toBe(false);
    expect(coincide(line('a', [5, 5]), line('b', [5, 5, 5])), 'different lengths').toBe(false);
    expect(coincide(line('a', []), line('b', [])), 'no points').toBe(false);
  });
});

describe('dashCoincidingLines', () => {
  it('dashes each solid line lying on an earlier one, with a different pattern per line covered', () => {
    const out = dashCoincidingLines([line('nic1', [5, 5, 5]), line('nic2', [5, 5, 5]), line('nic3', [5, 5, 5]), line('other', [0, 10, 10])]);
    expect(out.map((t) => (t.line as { dash?: string } | undefined)?.dash)).toEqual([undefined, 'dash', 'dot', undefined]);
  });

  it('leaves bars, reference lines and distinct lines alone, and keeps the trace\'s other line settings', () => {
    const bar = { type: 'bar', x: [0, 1], y: [5, 5] };
    const reference = line('one member', [5, 5], { line: { dash: 'dash', width: 3 } });
    const coloured = line('b', [5, 5], { line: { color: 'red' } });
    const out = dashCoincidingLines([bar, line('a', [5, 5]), reference, coloured]);
    expect(out[0]).toBe(bar);
    expect(out[2]).toBe(reference);
    expect(out[3].line).toEqual({ color: 'red', dash: 'dash' });
  });
});
