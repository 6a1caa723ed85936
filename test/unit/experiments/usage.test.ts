import { describe, expect, it } from 'vitest';
import { ARTICLE_DRAW_SEED, articleScenario, hostUsage, runScenario } from '../../../lib/experiments';
import { InputError } from '../../../lib/InputError';

describe('hostUsage(result, host, shareThreshold)', () => {
  // Four 8 GiB VMs over 2 x 10 Gbps LACP teams with Address Hash (the article's lab), in the named draw
  // (seed 3) whose connections hash onto both members: both members carry bytes.
  const result = runScenario(articleScenario({ seed: ARTICLE_DRAW_SEED })).result;

  it('counts the members that carried at least the threshold share of the host bytes', () => {
    // Because HV1 only sends and HV2 only receives in this drain: 2 send members and 0 receive members
    // at HV1; a threshold of 1 (100 %) keeps no member, since two members share the bytes.
    const source = hostUsage(result, 'HV1');
    expect([source.sendMembers, source.receiveMembers]).toEqual([2, 0]);
    expect(hostUsage(result, 'HV1', 1).sendMembers).toBe(0);
  });

  it('refuses an unknown host and a threshold outside 0..1 with InputError', () => {
    // Because an unknown host used to throw a plain Error, and a NaN threshold counted no member at all.
    const fieldOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).field;
      }
      return 'nothing thrown';
    };
    expect(fieldOf(() => hostUsage(result, 'HV9'))).toBe('host');
    expect(fieldOf(() => hostUsage(result, 'HV1', NaN))).toBe('shareThreshold');
    expect(fieldOf(() => hostUsage(result, 'HV1', 1.5))).toBe('shareThreshold');
  });
});
