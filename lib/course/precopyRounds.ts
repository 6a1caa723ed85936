import { defineExperiment } from '../experiments/defineExperiment';
import { fmt } from '../experiments/usage';
import { barFigure } from '../figures';
import { precopyModel } from '../migration';
import type { PrecopyModelResult } from '../migration';
import { SCENARIO_DEFAULTS } from '../scenario';
import { articleSetup } from '../experiments/articleScenario';

/** Options of the `precopy-rounds` experiment; each defaults to its control's default. */
export interface PrecopyRoundsOptions extends Record<string, unknown> {
  /** VM memory, GiB, 1 to 256. Default 8. */
  memoryGiB: number;
  /** Rate at which the VM dirties memory, MB/s, 0 to 3000. Default 50 (the article scenario's). */
  dirtyMBps: number;
  /** Bandwidth of the migration: one member's speed, Gbps: 1, 5, 10 or 25. Default 10. */
  memberGbps: number;
}

/**
 * The `precopy-rounds` experiment (lesson 5): one VM's pre-copy migration in the closed-form model, round by
 * round, with the scenario defaults every lesson uses (stop threshold, round cap, resume and setup time) in
 * its measured figures, so a lesson can quote them. The claim is the pre-copy pattern: each round carries
 * lambda = dirty rate / bandwidth times the previous one, and the VM pauses only for a small last round. It
 * does not hold for a VM that dirties memory too fast for its link.
 */
export const precopyRounds = defineExperiment<PrecopyRoundsOptions, PrecopyModelResult>({
  id: 'precopy-rounds',
  finding: null,
  title: 'Pre-copy rounds of one live migration',
  controls: [
    { name: 'memoryGiB', label: 'VM memory (GiB)', kind: 'number', min: 1, max: 256, step: 1, default: 8 },
    { name: 'dirtyMBps', label: 'Dirty rate (MB/s)', kind: 'number', min: 0, max: 3000, step: 50, default: 50 },
    { name: 'memberGbps', label: 'Bandwidth (Gbps)', kind: 'select', options: [1, 5, 10, 25], default: 10 },
  ],
  run({ memoryGiB, dirtyMBps, memberGbps }) {
    const lm = SCENARIO_DEFAULTS.liveMigration;
    const bandwidthBytesPerS = (memberGbps * 1e9) / 8;
    const lambda = (dirtyMBps * 1e6) / bandwidthBytesPerS;
    const memoryBytes = memoryGiB * 2 ** 30;
    const model = precopyModel({
      memoryBytes,
      dirtyBytesPerS: dirtyMBps * 1e6,
      bandwidthBytesPerS,
      maxRounds: lm.maxRounds,
      stopThresholdBytes: lm.stopThresholdMB * 1e6,
      resumeS: lm.resumeS,
    });
    const rounds = model.rounds;
    const ratio = rounds.length > 1 && rounds[0].bytes > 0 ? rounds[1].bytes / rounds[0].bytes : 0;
    const last = rounds[rounds.length - 1];
    const convergenceLimitLambda = Math.pow((lm.stopThresholdMB * 1e6) / memoryBytes, 1 / lm.maxRounds);
    const article = articleSetup();
    const holds = model.converged && Math.abs(ratio - lambda) <= 1e-9 + lambda * 1e-9 && last.bytes <= lm.stopThresholdMB * 1e6;
    return {
      id: 'precopy-rounds',
      claim: 'Each pre-copy round carries lambda (dirty rate / bandwidth) times the bytes of the one before, and the VM converges: it pauses only for a last round no larger than the stop threshold.',
      holds,
      measured: {
        memoryGiB,
        dirtyMBps,
        memberGbps,
        lambda,
        firstRoundMB: rounds[0].bytes / 1e6,
        secondRoundMB: rounds.length > 1 ? rounds[1].bytes / 1e6 : 0,
        precopyRounds: model.precopyRounds,
        converged: model.converged,
        totalGB: model.totalBytes / 1e9,
        migrationS: model.totalS,
        downtimeMs: model.downtimeS * 1000,
        stopThresholdMB: lm.stopThresholdMB,
        maxRounds: lm.maxRounds,
        resumeS: lm.resumeS,
        resumeMs: lm.resumeS * 1000,
        setupS: lm.setupS,
        simultaneousDefault: lm.simultaneous,
        convergenceLimitLambda,
        convergenceLimitMBps: (convergenceLimitLambda * bandwidthBytesPerS) / 1e6,
        articleTeamingMode: article.teamingMode,
        articleLoadBalancingAlgorithm: article.loadBalancingAlgorithm,
        articleMembers: article.members,
        articleMemberGbps: article.memberGbps,
        articleVms: article.vms,
        articleMemoryGiB: article.memoryGiB,
        articleDirtyMBps: article.dirtyMBps,
        articleSwitchLoadBalance: article.switchLoadBalance,
        articleConnections: article.connections,
        articleSeed: article.seed,
      },
      summary:
        `A VM of ${memoryGiB} GiB dirtying ${dirtyMBps} MB/s over ${memberGbps} Gbps (lambda ${fmt(lambda, 3)}) ran ${model.precopyRounds} pre-copy round(s)` +
        `${model.converged ? '' : ' without converging'}, sent ${fmt(model.totalBytes / 1e9, 2)} GB in ${fmt(model.totalS, 2)} s and paused for ${fmt(model.downtimeS * 1000, 1)} ms.`,
      data: model,
      figure: barFigure({
        title: `Pre-copy rounds: ${memoryGiB} GiB, ${dirtyMBps} MB/s, ${memberGbps} Gbps`,
        categories: rounds.map((_, i) => (i < model.precopyRounds ? `round ${i}` : 'stop-and-copy')),
        series: [{ name: 'MB sent', values: rounds.map((r) => r.bytes / 1e6) }],
        yTitle: 'MB',
        reference: { value: lm.stopThresholdMB, label: 'stop threshold' },
      }),
    };
  },
});
