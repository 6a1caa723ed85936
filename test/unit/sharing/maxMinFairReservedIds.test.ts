import { describe, expect, it } from 'vitest';
import { maxMinFair } from '../../../lib/sharing';
import { InputError } from '../../../lib/InputError';
import { RESERVED_NAMES } from '../../../lib/fieldChecks';

// Review finding: maxMinFair returns rates and bottlenecks as plain objects keyed by flow id, so a flow
// id `__proto__` was silently lost (the assignment set the prototype). Such ids are now refused.

describe('maxMinFair: flow ids that plain objects cannot key', () => {
  it('refuses each reserved name as a flow id, naming the flow', () => {
    for (const id of RESERVED_NAMES) {
      let caught: unknown;
      try {
        maxMinFair({ links: [{ id: 'a', capacity: 10 }], flows: [{ id: 'x', links: ['a'] }, { id, links: ['a'] }] });
      } catch (error) {
        caught = error;
      }
      expect(caught, id).toBeInstanceOf(InputError);
      expect((caught as InputError).field).toBe('flows[1].id');
    }
  });

  it('still accepts a reserved name as a link id, since links are never keys of the result', () => {
    // One 10-unit link, two flows: 5 each, both frozen by that link, whose id comes back as a value.
    const { rates, bottlenecks } = maxMinFair({
      links: [{ id: '__proto__', capacity: 10 }],
      flows: [{ id: 'x', links: ['__proto__'] }, { id: 'y', links: ['__proto__'] }],
    });
    expect(rates).toEqual({ x: 5, y: 5 });
    expect(bottlenecks).toEqual({ x: '__proto__', y: '__proto__' });
  });
});
