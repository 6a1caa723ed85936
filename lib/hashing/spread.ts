import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { checkSelectMemberOptions, selectMember } from './selectMember';
import type { SelectMemberOptions } from './selectMember';

/*
 * Closed forms for N flows, each hashed independently and uniformly onto one of M members (the
 * "balls into bins" model of a good hash). They say how much spreading to expect before any
 * particular hash is chosen.
 */

const MAX_FLOWS = 10_000;
const MAX_MEMBERS = 1_000;

/**
 * Probability that at least two of `flows` flows land on the same member (the birthday problem):
 * 1 - M! / ((M - N)! M^N), and 1 once there are more flows than members.
 *
 * @example collisionProbability(2, 2) // => 0.5
 * @throws InputError unless flows is an integer 0..10000 and members an integer 1..1000.
 */
export function collisionProbability(flows: number, members: number): number {
  checkCounts(flows, members);
  if (flows > members) return 1;
  let allApart = 1;
  for (let i = 0; i < flows; i++) allApart *= (members - i) / members;
  return 1 - allApart;
}

/**
 * Probability that every member carries at least one of the flows: the number of surjections from
 * N flows onto M members divided by M^N, i.e. the inclusion-exclusion sum
 * Σ_k (-1)^k C(M,k) ((M-k)/M)^N. It is evaluated with the equivalent occupancy recurrence (add one
 * flow at a time, tracking how many members are in use), which does not suffer the sum's
 * cancellation when the result is tiny.
 *
 * @example allMembersUsedProbability(3, 2) // => 0.75
 * @throws InputError unless flows is an integer 0..10000 and members an integer 1..1000.
 */
export function allMembersUsedProbability(flows: number, members: number): number {
  checkCounts(flows, members);
  if (flows < members) return 0;
  return membersUsedDistribution(flows, members)[members];
}

/**
 * Expected number of members that carry at least one flow: M (1 - (1 - 1/M)^N).
 *
 * @example expectedMembersUsed(2, 2) // => 1.5
 * @throws InputError unless flows is an integer 0..10000 and members an integer 1..1000.
 */
export function expectedMembersUsed(flows: number, members: number): number {
  checkCounts(flows, members);
  return members * (1 - Math.pow(1 - 1 / members, flows));
}

/**
 * Exact distribution of the busiest member's load: entry k is the probability that the most
 * loaded member carries exactly k flows (k = 0..N, so the array has N + 1 entries summing to 1).
 * Computed by dynamic programming over members: the probability that no member exceeds k,
 * minus the same for k - 1.
 *
 * @example busiestMemberDistribution(2, 2) // => [0, 0.5, 0.5]
 * @throws InputError unless flows is an integer 0..128 and members an integer 1..64.
 */
export function busiestMemberDistribution(flows: number, members: number): number[] {
  if (!Number.isInteger(flows) || flows < 0 || flows > 128) {
    throw new InputError('flows', flows, 'an integer from 0 to 128');
  }
  if (!Number.isInteger(members) || members < 1 || members > 64) {
    throw new InputError('members', members, 'an integer from 1 to 64');
  }
  const atMost: number[] = [];
  for (let k = 0; k <= flows; k++) atMost.push(probabilityNoMemberExceeds(k, flows, members));
  return atMost.map((p, k) => Math.max(0, p - (k === 0 ? 0 : atMost[k - 1])));
}

/** Options for `spreadOverMembers`: the same as `selectMember`'s. */
export type SpreadOverMembersOptions = SelectMemberOptions;

/**
 * How many of the connections each member carries under a hash policy (index = member, 0-based).
 *
 * @throws InputError as `selectMember` does.
 */
export function spreadOverMembers(connections: readonly Connection[], options: SpreadOverMembersOptions): number[] {
  checkSelectMemberOptions(options);
  const counts = new Array<number>(options.members).fill(0);
  for (const conn of connections) counts[selectMember(conn, options).member] += 1;
  return counts;
}

/**
 * Exact distribution of how many members are in use: entry j is the probability that exactly j of the
 * `members` members carry at least one of `flows` uniformly hashed flows (j = 0..M, so M + 1 entries
 * summing to 1). Built flow by flow: each new flow lands on a used member with probability j / M.
 *
 * @example membersUsedDistribution(2, 2) // => [0, 0.5, 0.5]
 * @throws InputError unless flows is an integer 0..10000 and members an integer 1..1000.
 */
export function membersUsedDistribution(flows: number, members: number): number[] {
  checkCounts(flows, members);
  let used = new Array<number>(members + 1).fill(0);
  used[0] = 1;
  for (let n = 0; n < flows; n++) {
    const next = new Array<number>(members + 1).fill(0);
    for (let j = 0; j <= members; j++) {
      if (used[j] === 0) continue;
      next[j] += used[j] * (j / members);
      if (j < members) next[j + 1] += used[j] * ((members - j) / members);
    }
    used = next;
  }
  return used;
}

/**
 * P(every member carries at most `cap` flows). With w(m, n) = (ways to place n labelled flows on m
 * members, each at most cap) / M^n, w(m, n) = Σ_j C(n, j) M^-j w(m - 1, n - j) and the answer is
 * w(M, N).
 */
function probabilityNoMemberExceeds(cap: number, flows: number, members: number): number {
  let w = new Array<number>(flows + 1).fill(0);
  w[0] = 1;
  for (let m = 1; m <= members; m++) {
    const next = new Array<number>(flows + 1).fill(0);
    for (let n = 0; n <= flows; n++) {
      let term = 1; // C(n, j) / M^j, starting at j = 0
      let sum = 0;
      for (let j = 0; j <= Math.min(cap, n); j++) {
        sum += term * w[n - j];
        term *= (n - j) / ((j + 1) * members);
      }
      next[n] = sum;
    }
    w = next;
  }
  return Math.min(1, w[flows]);
}

function checkCounts(flows: number, members: number): void {
  if (!Number.isInteger(flows) || flows < 0 || flows > MAX_FLOWS) {
    throw new InputError('flows', flows, `an integer from 0 to ${MAX_FLOWS}`);
  }
  if (!Number.isInteger(members) || members < 1 || members > MAX_MEMBERS) {
    throw new InputError('members', members, `an integer from 1 to ${MAX_MEMBERS}`);
  }
}
