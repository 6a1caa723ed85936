import type { Figure } from '../Figure';
import { baseLayout, round3, SERIES_COLORS } from '../figures';
import { sprayingCalibration, sprayingDetectors, sprayingStudy } from '../packet';
import type { SprayingPoint } from '../packet';
import { defineExperiment } from './defineExperiment';
import { fmt } from './usage';

/** Options of finding 8 (`sprayingHurts`); each defaults to its control's default. */
export interface SprayingHurtsOptions extends Record<string, unknown> {
  /** Largest team size of the sweep (1 Gbps members), 2 to 8. Default 4. */
  members: number;
  /** Per-packet delay spread, µs, 0 to 64. Default `sprayingCalibration.delaySpreadUs` (16). */
  delaySpreadUs: number;
  /** Simulated seconds per run: 0.1, 0.2 or 0.3. Default 0.2. */
  durationS: number;
}

/**
 * Finding 8: spraying one stream over several members reorders packets and hurts TCP throughput. One TCP
 * connection runs through the packet-level model twice for each team size: per flow (every packet on one
 * member, what NIC teams do) and round robin (bonding's `balance-rr`), with three loss detectors: a
 * duplicate-ACK threshold of 3 (RFC 5681, Linux's initial `tcp_reordering`), 2 (old Windows
 * `TcpMaxDupAcks`) and time-based RACK. Reordering makes the threshold detectors retransmit segments that
 * were only late and cut the window, so the stream gets well short of N members' worth.
 */
export const sprayingHurts = defineExperiment<SprayingHurtsOptions, SprayingPoint[]>({
  id: 'finding-8',
  finding: 8,
  title: 'Spraying one stream over several members reorders it and costs throughput',
  dependsOnDraw: false,
  controls: [
    { name: 'members', label: 'Members', kind: 'number', min: 2, max: 8, step: 1, default: 4 },
    { name: 'delaySpreadUs', label: 'Per-packet delay spread (µs)', kind: 'number', min: 0, max: 64, step: 4, default: sprayingCalibration.delaySpreadUs },
    { name: 'durationS', label: 'Simulated seconds per run', kind: 'select', options: [0.1, 0.2, 0.3], default: 0.2 },
  ],
  run({ members, delaySpreadUs, durationS }) {
    const study = sprayingStudy({ maxMembers: members, delaySpreadUs, delaySpreadsUs: [delaySpreadUs], durationS });
    const points = study.byMembers;
    const at = (scheduling: string, detector: string) =>
      points.find((p) => p.members === members && p.scheduling === scheduling && p.detector === detector) as SprayingPoint;
    const perFlow = at('perFlow', sprayingDetectors[0].label);
    const rr3 = at('roundRobin', 'dupack 3');
    const rr2 = at('roundRobin', 'dupack 2');
    const rack = at('roundRobin', 'rack');
    const holds =
      perFlow.reorderedArrivals === 0 &&
      perFlow.membersWorth <= 1.0001 &&
      rr3.reorderedArrivals > 0 &&
      rr3.spuriousRetransmits > 0 &&
      rr3.membersWorth < 0.9 * members &&
      rr2.membersWorth < 0.9 * members;
    return {
      id: 'finding-8',
      claim: 'Spraying one TCP stream over several members reorders its packets and, with a sender that detects loss by counting duplicate ACKs, hurts its throughput.',
      holds,
      anyHash: { statement: 'Sprayed round robin, one stream is reordered and gets well short of N members\' worth; kept on one member it is not reordered.', holds },
      observation: { statement: 'Spraying one stream cost throughput (no hash plays a part: the same in every draw).', appeared: holds },
      measured: {
        members,
        delaySpreadUs,
        perFlowMembersWorth: perFlow.membersWorth,
        roundRobinDupack3MembersWorth: rr3.membersWorth,
        roundRobinDupack2MembersWorth: rr2.membersWorth,
        roundRobinRackMembersWorth: rack.membersWorth,
        roundRobinDupack3SpuriousRetransmits: rr3.spuriousRetransmits,
        roundRobinDupack3ReorderedArrivals: rr3.reorderedArrivals,
        documentedMembersWorth: sprayingCalibration.documentedMembersWorth,
      },
      summary:
        `One stream sprayed round robin over ${members} members got ${fmt(rr3.membersWorth, 2)} members' worth with a ` +
        `duplicate-ACK threshold of 3 (${rr3.spuriousRetransmits} needless retransmits), ${fmt(rr2.membersWorth, 2)} with 2 and ` +
        `${fmt(rack.membersWorth, 2)} with RACK; kept on one member it got ${fmt(perFlow.membersWorth, 2)}.`,
      data: points,
      figure: sprayingFigure(points, members),
    };
  },
});

/** Goodput in members' worth against team size, one line per scheduling and detector, plus the ideal. */
function sprayingFigure(points: SprayingPoint[], members: number): Figure {
  const sizes = Array.from({ length: members }, (_, i) => i + 1);
  const series: Array<{ name: string; scheduling: string; detector: string }> = [
    { name: 'per flow', scheduling: 'perFlow', detector: sprayingDetectors[0].label },
    ...sprayingDetectors.map((d) => ({ name: `round robin, ${d.label}`, scheduling: 'roundRobin', detector: d.label })),
  ];
  const data: Figure['data'] = series.map((s, i) => ({
    type: 'scatter',
    mode: 'lines+markers',
    name: s.name,
    line: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
    x: sizes,
    y: sizes.map((n) => round3(points.find((p) => p.members === n && p.scheduling === s.scheduling && p.detector === s.detector)?.membersWorth ?? 0)),
  }));
  data.push({ type: 'scatter', mode: 'lines', name: 'ideal (N members)', line: { dash: 'dash', color: '#888888' }, x: sizes, y: sizes });
  return { data, layout: baseLayout({ title: 'One TCP stream: goodput by team size', xTitle: 'members', yTitle: "members' worth of goodput" }) };
}
