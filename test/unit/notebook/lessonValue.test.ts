// lessonValue(result, path, options) is what a lesson's <Value /> tag prints, in notebooks and on the
// site alike. A wrong path must fail loudly, because a silent blank in prose would go unnoticed.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { lessonValue } from '../../../lib/notebook';

const result = { id: 'finding-3', measured: { peakSendGbps: 9.96, vms: 4, mode: 'Lacp', holds: true }, data: { rows: [1] } };

describe('lessonValue(result, path, options)', () => {
  it('reads a dotted path and formats a number with the given digits and unit', () => {
    expect(lessonValue(result, 'measured.peakSendGbps', { digits: 1, unit: 'Gbps' })).toBe('10.0 Gbps');
    expect(lessonValue(result, 'measured.vms')).toBe('4');
    expect(lessonValue(result, 'measured.peakSendGbps')).toBe('9.96');
  });

  it('prints strings and booleans as they are', () => {
    expect(lessonValue(result, 'measured.mode')).toBe('Lacp');
    expect(lessonValue(result, 'measured.holds')).toBe('true');
  });

  it('throws an InputError for a path that does not exist or does not end at a plain value', () => {
    expect(() => lessonValue(result, 'measured.peakReceiveGbps')).toThrow(InputError);
    expect(() => lessonValue(result, 'measured.mode.length')).toThrow(InputError);
    expect(() => lessonValue(result, 'data.rows')).toThrow(InputError);
    expect(() => lessonValue(result, '')).toThrow(InputError);
  });

  it('throws an InputError for digits outside 0..10', () => {
    expect(() => lessonValue(result, 'measured.vms', { digits: -1 })).toThrow(InputError);
    expect(() => lessonValue(result, 'measured.vms', { digits: 1.5 })).toThrow(InputError);
  });
});
