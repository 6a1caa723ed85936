export { precopyRounds } from './precopyRounds';
export type { PrecopyRoundsOptions } from './precopyRounds';
export { hashSpreadOdds } from './hashSpreadOdds';
export type { HashSpreadOddsOptions } from './hashSpreadOdds';
