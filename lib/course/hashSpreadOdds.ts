import { defineExperiment } from '../experiments/defineExperiment';
import { fmt } from '../experiments/usage';
import { barFigure } from '../figures';
import { collisionProbability, expectedMembersUsed, membersUsedDistribution } from '../hashing';

/** Options of the `spread-odds` experiment; each defaults to its control's default. */
export interface HashSpreadOddsOptions extends Record<string, unknown> {
  /** Connections hashed onto the team, 1 to 64. Default 4. */
  connections: number;
  /** Active members of the team, 1 to 16. Default 4. */
  members: number;
  /** Independent groups of `connections` connections, 1 to 16, each hashed on its own draw (for example the
   * waves of a drain, one group per wave of migrations running together). Default 1. */
  groups: number;
}

/**
 * The `spread-odds` experiment (lessons 6, 10 and 12): the odds of a uniform hash, before any particular
 * hash or port is chosen. N connections, each hashed independently onto one of M members (the "balls into
 * bins" model, lesson 3), use every member with `allMembersUsedProbability`, put two on one member with
 * `collisionProbability`, and use `expectedMembersUsed` members on average. The lessons quote these values
 * wherever they say "likely" or "with some probability", so the words come with a number. With `groups` > 1
 * it also gives the odds over several independent groups (say, the two waves of a four-VM drain two at a time):
 * that at least one group, or every group, uses all members. The claim: as
 * many connections as members are not enough to promise every member is used (for M >= 2 and N >= M).
 */
export const hashSpreadOdds = defineExperiment<HashSpreadOddsOptions, number[]>({
  id: 'spread-odds',
  finding: null,
  // Exact odds from the formula, not a simulation: nothing to draw, so an ensemble runs it once.
  dependsOnDraw: false,
  title: 'How likely a hash spreads N connections over every member',
  controls: [
    { name: 'connections', label: 'Connections', kind: 'number', min: 1, max: 64, step: 1, default: 4 },
    { name: 'members', label: 'Members per team', kind: 'number', min: 1, max: 16, step: 1, default: 4 },
    { name: 'groups', label: 'Independent groups', kind: 'number', min: 1, max: 16, step: 1, default: 1 },
  ],
  run({ connections, members, groups }) {
    // Entry i: the probability that exactly i + 1 members are in use (none in use is impossible for N >= 1).
    const distribution = membersUsedDistribution(connections, members).slice(1);
    const allUsed = distribution[members - 1];
    const collision = collisionProbability(connections, members);
    const expectedUsed = expectedMembersUsed(connections, members);
    const holds = members === 1 || connections < members || allUsed < 1;
    return {
      id: 'spread-odds',
      claim: 'Hashing as many connections as there are members (or more) uses every member only with some probability, never with certainty.',
      holds,
      measured: {
        connections,
        members,
        allMembersUsedProbability: allUsed,
        notAllMembersUsedProbability: 1 - allUsed,
        collisionProbability: collision,
        expectedMembersUsed: expectedUsed,
        oneMemberProbability: members * Math.pow(1 / members, connections),
        groups,
        // Groups are independent draws: at least one uses every member, or every one of them does.
        anyGroupAllMembersProbability: 1 - Math.pow(1 - allUsed, groups),
        everyGroupAllMembersProbability: Math.pow(allUsed, groups),
      },
      summary:
        `${connections} connection(s) hashed uniformly onto ${members} member(s) use all of them with probability ${fmt(allUsed, 3)} ` +
        `and ${fmt(expectedUsed, 2)} members on average; two share a member with probability ${fmt(collision, 3)}.`,
      data: distribution,
      figure: barFigure({
        title: `Members used by ${connections} connection(s) on ${members} member(s)`,
        categories: distribution.map((_, i) => `${i + 1} member(s)`),
        series: [{ name: 'probability', values: distribution }],
        yTitle: 'probability',
      }),
    };
  },
});
