import { describe, expect, it } from 'vitest';
import { concurrentUse, sampleRates, taskManagerView } from '../../../lib/counters';
import { articleScenario, runScenario } from '../../../lib/experiments';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 9's exercise checks (finding 6, counters and sampling): each lesson solution must pass and a
// plausible wrong answer must fail. The expected values are derived from the run's byte totals and the
// definition of a sampled rate (bytes in the interval x 8 / interval length), not copied from output.

/** The lesson's run: two VMs of `memoryGiB` from HV1 to HV2, LACP + Address Hash, 0.5 s setup jitter. */
function lessonRun(memoryGiB: number) {
  const sim = runScenario(articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 2, memoryGiB, setupJitterS: 0.5, seed: 3 }));
  const links = sim.links.filter((l) => l.host === 'HV1' && l.direction === 'send').map((l) => l.id);
  return { sim, links };
}

describe('lesson 9 exercises', () => {
  it('are registered for lesson 9, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    expectRegistered(9, ['ex-09-1', 'ex-09-2', 'ex-09-3', 'ex-09-4'], { matchLessonCells: true });
  });

  it('ex-09-1: the highest 1 s sample lies between one member (10 Gbps) and the true peak (20 Gbps)', () => {
    // Because a 1 s sample is the average over the second, and the two bursts overlap for only part of
    // one second: above one member (both run in that second), below the team (not for the whole second).
    const { sim, links } = lessonRun(1);
    const samples = sampleRates(sim.timeline, { links, intervalS: 1 });
    const highest = Math.max(...samples.timesS.map((_, k) => links.reduce((s, id) => s + samples.gbps[id][k], 0)));
    expect(highest).toBeGreaterThan(10);
    expect(highest).toBeLessThan(20);
    expectRight('ex-09-1', highest);
    expectWrong('ex-09-1', 20, 10);
  });

  it('ex-09-2: with 4 s samples the whole run falls in one sample: all bytes sent x 8 / 4 s', () => {
    // Because the run ends before 4 s, the first 4 s sample holds every byte HV1 sent.
    const { sim } = lessonRun(1);
    expect(sim.result.durationS).toBeLessThan(4);
    const sentGB = Object.values(sim.result.hosts.HV1.members).reduce((s, m) => s + m.sentGB, 0);
    const expected = (sentGB * 8) / 4;
    expectRight('ex-09-2', expected);
    expectWrong('ex-09-2', 20, 10);
  });

  it('ex-09-3: a person watching Task Manager misses two 1 GiB migrations', () => {
    // Because the two 1 GiB bursts overlap for about one update, under the assumed 3 s to notice.
    expectRight('ex-09-3', 'no');
    expectWrong('ex-09-3', 'yes');
  });

  it('ex-09-4: only the smallest memory size that Task Manager shows passes', () => {
    // Because the question asks for the smallest size; search it with the same views the lesson uses.
    const notices = (memoryGiB: number) => {
      const { sim, links } = lessonRun(memoryGiB);
      return concurrentUse(taskManagerView(sim.timeline, { links, updateIntervalS: 1, minVisibleS: 3 }), { thresholdGbps: 1 }).seen;
    };
    let smallest = 1;
    while (smallest < 64 && !notices(smallest)) smallest++;
    expect(smallest).toBeGreaterThan(1); // 1 GiB is missed (ex-09-3)
    expectRight('ex-09-4', smallest);
    expectWrong('ex-09-4', smallest - 1, smallest + 1, 64, 0, 'three');
  });
});
