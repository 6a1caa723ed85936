export type { CheckResult, Exercise } from './Exercise';
export { defineExercise, numberCheck, choiceCheck } from './defineExercise';
export type { NumberCheckOptions } from './defineExercise';
export { exercises } from './registry';
export { check } from './check';
