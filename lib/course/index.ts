export { precopyRounds } from './precopyRounds';
export type { PrecopyRoundsOptions } from './precopyRounds';
