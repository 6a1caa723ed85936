import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../../lib/experiments';
import type { ExperimentControl } from '../../../lib/experiments';
import { InputError } from '../../../lib/InputError';

const controls: ExperimentControl[] = [
  { name: 'vms', label: 'VMs', kind: 'number', min: 1, max: 12, step: 1, default: 4 },
  { name: 'mode', label: 'Mode', kind: 'select', options: ['Static', 'Lacp'], default: 'Lacp' },
];

/** The InputError `action` throws. */
function inputErrorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

describe('resolveOptions(experimentId, controls, options)', () => {
  it('fills the controls\' defaults and keeps the values given', () => {
    // Because a page or notebook may set any subset of the controls.
    expect(resolveOptions('x', controls, {})).toEqual({ vms: 4, mode: 'Lacp' });
    expect(resolveOptions('x', controls, { vms: 6 })).toEqual({ vms: 6, mode: 'Lacp' });
  });

  it('refuses options that are not an object with InputError naming the experiment', () => {
    // Because `experiment.run(null)` (a notebook passing a missing value) used to end in a TypeError
    // from Object.keys(null).
    for (const options of [null, 5, 'vms', []]) {
      expect(inputErrorOf(() => resolveOptions('x', controls, options as never)).field).toBe('x');
    }
  });

  it('names the option of a wrong value', () => {
    // Because 13 is above the control's max and 2.5 is not whole though the step is 1.
    expect(inputErrorOf(() => resolveOptions('x', controls, { vms: 13 })).field).toBe('x.vms');
    expect(inputErrorOf(() => resolveOptions('x', controls, { vms: 2.5 })).field).toBe('x.vms');
    expect(inputErrorOf(() => resolveOptions('x', controls, { mode: 'lacp' })).field).toBe('x.mode');
  });
});
