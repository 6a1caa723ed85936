import type { Figure } from '../Figure';
import { memberRatesFigure } from '../figures';
import type { ScenarioInput, ScenarioSimulation } from '../scenario';
import type { LoadBalancingAlgorithm, TeamingMode } from '../teaming/Team';
import { articleScenario } from './articleScenario';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { fmt } from './usage';
import { seedControl } from './controls';

/** Options of `failover`; each defaults to its control's default. */
export interface FailoverOptions extends Record<string, unknown> {
  /** The teams' `TeamingMode`. Default Lacp. */
  teamingMode: string;
  /** The teams' `LoadBalancingAlgorithm` (not MacAddresses). Default TransportPorts. */
  loadBalancingAlgorithm: string;
  /** VMs migrating at once, 1 to 12. Default 4. */
  vms: number;
  /** When HV1's NIC1 fails, seconds, 0.5 to 30. Default 5. */
  failAtS: number;
  /** When NIC1 comes back, seconds, 0 to 60; 0 (or any time not after the failure) means never. Default 0. */
  restoreAtS: number;
  /** The scenario seed of the one run shown (see `seedControl`); an ensemble's draws replace it. Default 1. */
  seed: number;
}

/** Average rate of one member of HV1 before and after the failure. */
export interface FailoverMemberRates {
  /** Member name. */
  member: string;
  /** Average send rate from 0 to the failure, Gbps. */
  sendBeforeGbps: number;
  /** Average send rate from the failure to the end of the drain (or to the restoration), Gbps. */
  sendAfterGbps: number;
  /** Average receive rate of HV2's member of the same name before the failure, Gbps. */
  receiveBeforeGbps: number;
  /** The same after the failure. */
  receiveAfterGbps: number;
}

/** Data of the failover experiment. */
export interface FailoverData {
  /** HV1's members' average rates before and after the failure (HV2's same-named members for receive). */
  rates: FailoverMemberRates[];
  /** GB sent by every member of every host. */
  sentGB: number;
  /** GB received by every member of every host. */
  receivedGB: number;
  /** GB the migrations' passes had to move (the sum of every pass's bytes). */
  passGB: number;
  /** When each migration ended, seconds. */
  migrationEndS: Record<string, number>;
}

/** Bytes per second carried at 1 Gbps. */
const BYTES_PER_GBPS_SECOND = 1e9 / 8;

/** Average rate of a link between two times, Gbps, from the timeline's segments. */
function averageGbps(sim: ScenarioSimulation, linkId: string, fromS: number, toS: number): number {
  if (!(toS > fromS)) return 0;
  let bytes = 0;
  for (const segment of sim.timeline.segments) {
    const span = Math.min(segment.endS, toS) - Math.max(segment.startS, fromS);
    if (span <= 0) continue;
    const rate = segment.linkGbps.find(([id]) => id === linkId);
    if (rate) bytes += rate[1] * BYTES_PER_GBPS_SECOND * span;
  }
  return bytes / BYTES_PER_GBPS_SECOND / (toS - fromS);
}

/**
 * Beyond the article: a member of the source host's team fails in the middle of a drain. At that moment
 * the flows re-map as the team does it (hash modulo the members left; Switch Independent inbound moves
 * with the primary; a standby takes over only on failure), the migrations in flight carry on, and no
 * byte is lost: every byte sent is received, and they add up to what the migrations' passes had to
 * move. The figure shows HV1's per-member send rates, sampled every half second, with the failure marked.
 */
export const failover = defineExperiment<FailoverOptions, FailoverData>({
  id: 'failover',
  finding: null,
  title: 'A member fails mid-drain: flows move to the survivors and the drain completes',
  controls: [
    { name: 'teamingMode', label: 'Teaming mode', kind: 'select', options: ['SwitchIndependent', 'Static', 'Lacp'], default: 'Lacp' },
    { name: 'loadBalancingAlgorithm', label: 'Load balancing', kind: 'select', options: ['TransportPorts', 'IPAddresses', 'HyperVPort', 'Dynamic'], default: 'TransportPorts' },
    { name: 'vms', label: 'VMs migrating at once', kind: 'number', min: 1, max: 12, step: 1, default: 4 },
    { name: 'failAtS', label: 'HV1 NIC1 fails at (s)', kind: 'number', min: 0.5, max: 30, step: 0.5, default: 5 },
    { name: 'restoreAtS', label: 'NIC1 comes back at (s, 0 = never)', kind: 'number', min: 0, max: 60, step: 0.5, default: 0 },
    seedControl(),
  ],
  run({ teamingMode, loadBalancingAlgorithm, vms, failAtS, restoreAtS, seed }, draw) {
    const events: NonNullable<ScenarioInput['events']> = [{ atS: failAtS, host: 'HV1', member: 'NIC1', state: 'failed' }];
    if (restoreAtS > failAtS) events.push({ atS: restoreAtS, host: 'HV1', member: 'NIC1', state: 'up' });
    const input: ScenarioInput = {
      ...articleScenario({
        teamingMode: teamingMode as TeamingMode,
        loadBalancingAlgorithm: loadBalancingAlgorithm as LoadBalancingAlgorithm,
        vms,
        simultaneous: vms,
        seed,
      }),
      events,
    };
    const sim = runScenario(input, draw);
    const { result } = sim;
    const afterEndS = restoreAtS > failAtS ? Math.min(restoreAtS, result.durationS) : result.durationS;
    const members = Object.keys(result.hosts.HV1.members);
    const rates: FailoverMemberRates[] = members.map((member) => ({
      member,
      sendBeforeGbps: averageGbps(sim, `HV1/${member}/send`, 0, Math.min(failAtS, result.durationS)),
      sendAfterGbps: averageGbps(sim, `HV1/${member}/send`, failAtS, afterEndS),
      receiveBeforeGbps: averageGbps(sim, `HV2/${member}/receive`, 0, Math.min(failAtS, result.durationS)),
      receiveAfterGbps: averageGbps(sim, `HV2/${member}/receive`, failAtS, afterEndS),
    }));
    const sum = (key: 'sentGB' | 'receivedGB') =>
      Object.values(result.hosts).reduce((total, host) => total + Object.values(host.members).reduce((s, m) => s + m[key], 0), 0);
    const sentGB = sum('sentGB');
    const receivedGB = sum('receivedGB');
    const passGB = sim.timeline.flows.filter((f) => f.tag !== 'timer').reduce((s, f) => s + f.bytes, 0) / 1e9;
    const migrationEndS = Object.fromEntries(result.migrations.map((m) => [m.vm, m.endS]));
    const failedDuringDrain = failAtS < result.durationS;
    const completed = result.migrations.every((m) => Number.isFinite(m.endS));
    const conserved = Math.abs(sentGB - receivedGB) <= 1e-9 * sentGB && Math.abs(sentGB - passGB) <= 1e-9 * sentGB;
    const failed = rates[0];
    const survivorsCarry = rates.slice(1).some((r) => r.sendAfterGbps > 0);
    const holds = failedDuringDrain && completed && conserved && failed.sendAfterGbps === 0 && survivorsCarry;
    const moved = result.migrations.reduce((n, m) => n + (m.reroutes?.length ?? 0), 0);

    const figure: Figure = memberRatesFigure(sim, { hosts: ['HV1'], direction: 'send', intervalS: 0.5, title: `HV1 send rate per member; NIC1 fails at ${failAtS} s` });
    const marks = [{ atS: failAtS, label: 'NIC1 fails' }];
    if (restoreAtS > failAtS) marks.push({ atS: restoreAtS, label: 'NIC1 back' });
    figure.layout.shapes = marks.map((m) => ({ type: 'line', xref: 'x', yref: 'paper', x0: m.atS, x1: m.atS, y0: 0, y1: 1, line: { dash: 'dot', color: '#888888' } }));
    figure.layout.annotations = marks.map((m) => ({ x: m.atS, y: 1, xref: 'x', yref: 'paper', text: m.label, showarrow: false, yanchor: 'bottom' }));

    return {
      id: 'failover',
      claim: 'When a team member fails in the middle of a drain, its flows move to the surviving members, every migration completes, and no byte is lost, whatever the hash.',
      holds,
      anyHash: { statement: 'After the failure the failed member carries nothing, the survivors carry on, every migration completes and every byte sent arrives.', holds },
      observation: { statement: 'The drain completed on the surviving members.', appeared: holds },
      measured: {
        vms,
        failAtS,
        drainS: result.durationS,
        migrationsCompleted: result.migrations.filter((m) => Number.isFinite(m.endS)).length,
        flowMoves: moved,
        sentGB,
        receivedGB,
        passGB,
        failedMemberSendBeforeGbps: failed.sendBeforeGbps,
        failedMemberSendAfterGbps: failed.sendAfterGbps,
        survivorsSendAfterGbps: rates.slice(1).reduce((s, r) => s + r.sendAfterGbps, 0),
      },
      summary:
        `NIC1 of HV1 failed at ${failAtS} s; ${moved} flow move(s) later all ${vms} migrations completed by ${fmt(result.durationS)} s. ` +
        `HV1 sent ${fmt(sentGB, 3)} GB and HV2 received ${fmt(receivedGB, 3)} GB. NIC1 sent ${fmt(failed.sendBeforeGbps)} Gbps on average before and ` +
        `${fmt(failed.sendAfterGbps)} after; the survivors ${fmt(rates.slice(1).reduce((s, r) => s + r.sendAfterGbps, 0))} Gbps after.`,
      data: { rates, sentGB, receivedGB, passGB, migrationEndS },
      figure,
    };
  },
});
