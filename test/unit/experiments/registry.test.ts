// The registry is typed with `satisfies`, so its keys are written out as literals: this test keeps each key
// equal to its experiment's id, and checks the lookup used for ids that come from input.
import { describe, expect, it } from 'vitest';
import { experimentById, experiments } from '../../../lib/experiments';

describe('experiments registry', () => {
  it('files every experiment under its own id', () => {
    for (const [key, experiment] of Object.entries(experiments)) expect(key).toBe(experiment.id);
  });

  it('experimentById finds registered ids and nothing else', () => {
    expect(experimentById('finding-3')).toBe(experiments['finding-3']);
    expect(experimentById('finding-99')).toBeUndefined();
    expect(experimentById('toString')).toBeUndefined();
  });

  it('gives each experiment its own data type (no casts needed)', () => {
    // A compile-time check as much as a run-time one: `.data.receivedGB` only type-checks because the
    // registry keeps finding-5's data type.
    const received: Record<string, number> = experiments['finding-5'].run({ vms: 2 }).data.receivedGB;
    expect(Object.keys(received).length).toBeGreaterThan(0);
  });
});
