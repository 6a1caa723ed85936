import type { Exercise } from './Exercise';

/** Lesson files register their exercises here (one import and one spread per lesson). */
const all: Exercise[] = [];

/** Every exercise by id. */
export const exercises: Record<string, Exercise> = Object.fromEntries(all.map((e) => [e.id, e]));
