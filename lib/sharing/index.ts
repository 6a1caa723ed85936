export { maxMinFair } from './maxMinFair';
export type { SharedLink, SharedFlow, MaxMinFairInput, MaxMinFairResult } from './maxMinFair';
export { maxMinFairIndexed, maxMinFairIndexedInto } from './maxMinFairIndexed';
export type { IndexedMaxMinProblem, IndexedMaxMinSolution } from './maxMinFairIndexed';
export { MaxMinSystem } from './MaxMinSystem';
