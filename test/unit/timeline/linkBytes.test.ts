import { describe, expect, it } from 'vitest';
import { linkBytes, simulateTimeline } from '../../../lib/timeline';
import { GB, links } from './timelineFixtures';

describe('linkBytes', () => {
  it('linkBytes(result) adds up the bytes of the flows crossing each link', () => {
    // Expectations: A/send carried 1 + 2 GB, B/receive 2 GB, an unused link 0, because every flow moves
    // all its bytes over each of its links.
    const result = simulateTimeline({
      links: links({ 'A/send': 10, 'B/receive': 10, 'C/receive': 10, unused: 1 }),
      flows: [
        { id: 'ab', links: ['A/send', 'B/receive'], bytes: 2 * GB, startS: 0 },
        { id: 'ac', links: ['A/send', 'C/receive'], bytes: 1 * GB, startS: 0.3 },
      ],
    });
    expect(linkBytes(result)).toEqual({ 'A/send': 3 * GB, 'B/receive': 2 * GB, 'C/receive': 1 * GB, unused: 0 });
  });
});
