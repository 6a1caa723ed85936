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

/** Every experiment, by id, in the order `reproduce` runs them. Notebooks, the site and the CLI all look
 * experiments up here. */
export const experiments: Record<string, Experiment> = {
  [oneStreamOneMember.id]: oneStreamOneMember,
  [manyDestinations.id]: manyDestinations,
  [hyperVPortCap.id]: hyperVPortCap,
  [switchDependentAllMembers.id]: switchDependentAllMembers,
  [switchIndependentAddressHash.id]: switchIndependentAddressHash,
  [counterVisibility.id]: counterVisibility,
  [simultaneousSetting.id]: simultaneousSetting,
  [sprayingHurts.id]: sprayingHurts,
  [dynamicMode.id]: dynamicMode,
  [linuxBonding.id]: linuxBonding,
  [failover.id]: failover,
  [transports.id]: transports,
  [networkDesign.id]: networkDesign,
  [drainPlanExperiment.id]: drainPlanExperiment,
  [precopyRounds.id]: precopyRounds,
};
