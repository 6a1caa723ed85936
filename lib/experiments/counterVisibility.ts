import { concurrentUse, perfmonView, taskManagerView } from '../counters';
import type { Figure } from '../Figure';
import { baseLayout, round3, SERIES_COLORS } from '../figures';
import { articleScenario } from './articleScenario';
import { vmsControl, seedControl } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { fmt } from './usage';

/** Options of finding 6 (`counterVisibility`); each defaults to its control's default. */
export interface CounterVisibilityOptions extends Record<string, unknown> {
  /** VMs migrating from HV1 to HV2, 2 to 8. Default 2. */
  vms: number;
  /** Memory of each small VM, GiB, 0.25 to 4. Default 1. */
  smallMemoryGiB: number;
  /** Memory of each large VM, GiB, 4 to 64. Default 16. */
  largeMemoryGiB: number;
  /** Task Manager's update interval, seconds: 0.5, 1 or 4. Default 1. */
  updateIntervalS: number;
  /** Seconds both members must stay busy before a person watching Task Manager notices, 1 to 10. Default 3. */
  minVisibleS: number;
  /** The scenario seed of the one run shown (see `seedControl`); an ensemble's draws replace it. Default 1. */
  seed: number;
}

/** What each tool showed for one VM size. */
export interface CounterVisibilitySighting {
  /** Memory of each VM, GiB. */
  memoryGiB: number;
  /** Seconds until the last VM resumed on HV2. */
  drainS: number;
  /** Longest stretch with two or more members busy at once, as Performance Monitor's samples show it. */
  concurrentS: number;
  perfmonSees: boolean;
  taskManagerSees: boolean;
  timesS: number[];
  gbps: Record<string, number[]>;
}

/**
 * Finding 6: the multi-member effect shows in Task Manager only when the migrations are big enough to
 * overlap for a while; a Performance Monitor log shows it every time. Both tools sample the same byte
 * counters; the difference is how they are read. A log is read afterwards, sample by sample, so one
 * sample with both members busy is enough. A live graph must show it for a few updates before a person
 * notices (`minVisibleS`, our assumption: Microsoft documents no such figure). Small VMs migrate in about
 * a second each and barely overlap; large ones keep both members busy for many seconds.
 */
export const counterVisibility = defineExperiment<CounterVisibilityOptions, CounterVisibilitySighting[]>({
  id: 'finding-6',
  finding: 6,
  title: 'Task Manager shows it only for migrations that overlap long enough',
  controls: [
    vmsControl(2, 2, 8),
    { name: 'smallMemoryGiB', label: 'Small VM memory (GiB)', kind: 'number', min: 0.25, max: 4, step: 0.25, default: 1 },
    { name: 'largeMemoryGiB', label: 'Large VM memory (GiB)', kind: 'number', min: 4, max: 64, step: 1, default: 16 },
    { name: 'updateIntervalS', label: 'Update interval (s)', kind: 'select', options: [0.5, 1, 4], default: 1 },
    { name: 'minVisibleS', label: 'Seconds a person needs to notice', kind: 'number', min: 1, max: 10, step: 1, default: 3 },
    seedControl(),
  ],
  run({ vms, smallMemoryGiB, largeMemoryGiB, updateIntervalS, minVisibleS, seed }, draw) {
    const memberGbps = 10;
    const thresholdGbps = memberGbps / 10;
    const look = (memoryGiB: number): CounterVisibilitySighting => {
      const sim = runScenario(
        articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms, memoryGiB, memberGbps, setupJitterS: 0.5, seed }),
        draw,
      );
      const links = sim.links.filter((l) => l.host === 'HV1' && l.direction === 'send').map((l) => l.id);
      const perfmon = perfmonView(sim.timeline, { links, intervalS: 1 });
      const taskManager = taskManagerView(sim.timeline, { links, updateIntervalS, minVisibleS });
      const seenInLog = concurrentUse(perfmon, { thresholdGbps });
      const seenLive = concurrentUse(taskManager, { thresholdGbps });
      const gbps: Record<string, number[]> = {};
      for (const id of links) gbps[id.split('/')[1]] = perfmon.gbps[id];
      return {
        memoryGiB,
        drainS: sim.result.durationS,
        concurrentS: seenInLog.longestS,
        perfmonSees: seenInLog.seen,
        taskManagerSees: seenLive.seen,
        timesS: perfmon.timesS,
        gbps,
      };
    };
    const small = look(smallMemoryGiB);
    const large = look(largeMemoryGiB);
    // The smallest whole GiB per VM at which Task Manager shows both members busy together, with these
    // settings and this draw (lesson 9, exercise 4); 0 when no size up to 64 GiB does (e.g. a draw that puts
    // both connections on one member).
    let smallestTaskManagerGiB = 0;
    for (let memoryGiB = 1; memoryGiB <= 64; memoryGiB++) {
      if (look(memoryGiB).taskManagerSees) {
        smallestTaskManagerGiB = memoryGiB;
        break;
      }
    }
    // Both tools read the same counters, so whatever the draw Task Manager never shows what the log misses,
    // and small VMs' short overlaps never last long enough for a person to notice.
    const holds = (!small.taskManagerSees || small.perfmonSees) && (!large.taskManagerSees || large.perfmonSees) && !small.taskManagerSees;
    const asInArticle = small.perfmonSees && !small.taskManagerSees && large.perfmonSees && large.taskManagerSees;
    return {
      id: 'finding-6',
      claim:
        'Both members busy together (each above a tenth of its speed in the same sample) shows in Task Manager only when migrations are big enough to ' +
        'overlap for a while, and a Performance Monitor log shows it whenever Task Manager does; both need the migrations to land on different members ' +
        'first, which is a draw.',
      holds,
      anyHash: {
        statement: `Task Manager never shows both members busy when the log does not, and never for ${smallMemoryGiB} GiB VMs.`,
        holds,
      },
      observation: {
        statement: `The log showed both members busy for ${smallMemoryGiB} GiB and ${largeMemoryGiB} GiB VMs, Task Manager only for ${largeMemoryGiB} GiB (as the article saw).`,
        appeared: asInArticle,
      },
      measured: {
        vms,
        smallMemoryGiB,
        largeMemoryGiB,
        smallConcurrentS: small.concurrentS,
        largeConcurrentS: large.concurrentS,
        smallPerfmonSees: small.perfmonSees,
        smallTaskManagerSees: small.taskManagerSees,
        largePerfmonSees: large.perfmonSees,
        largeTaskManagerSees: large.taskManagerSees,
        smallestTaskManagerGiB,
      },
      summary:
        `${vms} VMs of ${smallMemoryGiB} GiB kept both members busy for ${fmt(small.concurrentS)} s of 1 s samples ` +
        `(Performance Monitor ${seen(small.perfmonSees)}, Task Manager ${seen(small.taskManagerSees)}); ` +
        `${vms} VMs of ${largeMemoryGiB} GiB for ${fmt(large.concurrentS)} s ` +
        `(Performance Monitor ${seen(large.perfmonSees)}, Task Manager ${seen(large.taskManagerSees)}).`,
      data: [small, large],
      figure: sightingsFigure(small, large),
    };
  },
});

function seen(flag: boolean): string {
  return flag ? 'shows it' : 'misses it';
}

/** Two stacked panels of HV1's per-member send rates in 1 s samples: small VMs above, large below. */
function sightingsFigure(small: CounterVisibilitySighting, large: CounterVisibilitySighting): Figure {
  const data: Figure['data'] = [];
  [small, large].forEach((s, panel) => {
    Object.entries(s.gbps).forEach(([member, values], i) => {
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        line: { shape: 'hv', color: SERIES_COLORS[i % SERIES_COLORS.length] },
        name: `${member} (${s.memoryGiB} GiB VMs)`,
        x: s.timesS.map(round3),
        y: values.map(round3),
        xaxis: panel === 0 ? 'x' : 'x2',
        yaxis: panel === 0 ? 'y' : 'y2',
      });
    });
  });
  const layout = baseLayout({ title: 'HV1 send rate per member, 1 s samples', height: 480 });
  layout.grid = { rows: 2, columns: 1, pattern: 'independent' };
  layout.xaxis = { title: { text: `time (s), ${small.memoryGiB} GiB VMs` }, automargin: true };
  layout.yaxis = { title: { text: 'Gbps' }, rangemode: 'tozero', automargin: true };
  layout.xaxis2 = { title: { text: `time (s), ${large.memoryGiB} GiB VMs` }, automargin: true };
  layout.yaxis2 = { title: { text: 'Gbps' }, rangemode: 'tozero', automargin: true };
  return { data, layout };
}
