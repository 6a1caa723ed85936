import type { Experiment } from './Experiment';
import { oneStreamOneMember } from './oneStreamOneMember';
import { manyDestinations } from './manyDestinations';
import { hyperVPortCap } from './hyperVPortCap';
import { switchDependentAllMembers } from './switchDependentAllMembers';
import { switchIndependentAddressHash } from './switchIndependentAddressHash';
import { counterVisibility } from './counterVisibility';
import { simultaneousSetting } from './simultaneousSetting';
import { sprayingHurts } from './sprayingHurts';
import { dynamicMode } from './dynamicMode';
import { linuxBonding } from './linuxBonding';
import { failover } from './failover';
import { transports } from './transports';
import { networkDesign } from '../design/networkDesign';
import { drainPlanExperiment } from '../design/drainPlan';
import { precopyRounds } from '../course/precopyRounds';
import { hashSpreadOdds } from '../course/hashSpreadOdds';
import { findingDraws } from './findingDraws';

/** Every experiment, by id, in the order `reproduce` runs them. Notebooks, the site and the CLI all look
 * experiments up here. Typed with `satisfies`, so `experiments['finding-5'].run().data` has the experiment's
 * own data type (no casts in lessons); a test checks that every key equals its experiment's `id`. */
export const experiments = {
  'finding-1': oneStreamOneMember,
  'finding-2': manyDestinations,
  'finding-3': hyperVPortCap,
  'finding-4': switchDependentAllMembers,
  'finding-5': switchIndependentAddressHash,
  'finding-6': counterVisibility,
  'finding-7': simultaneousSetting,
  'finding-8': sprayingHurts,
  'dynamic-mode': dynamicMode,
  'linux-bonding': linuxBonding,
  failover,
  transports,
  'network-design': networkDesign,
  'drain-plan': drainPlanExperiment,
  'precopy-rounds': precopyRounds,
  'spread-odds': hashSpreadOdds,
  'finding-draws': findingDraws,
} satisfies Record<string, Experiment>;

/** The id of a registered experiment, e.g. `finding-3`. */
export type ExperimentId = keyof typeof experiments;

/** The experiment registered under `id`, or undefined: for ids read from input (CLI arguments, lesson tags). */
export function experimentById(id: string): Experiment | undefined {
  const all: Record<string, Experiment> = experiments;
  return Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined;
}
