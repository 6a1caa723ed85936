import type { Exercise } from './Exercise';
import { lesson02 } from './lesson02';
import { lesson03 } from './lesson03';

/** Lesson files register their exercises here (one import and one spread per lesson). */
const all: Exercise[] = [...lesson02, ...lesson03];

/** Every exercise by id. */
export const exercises: Record<string, Exercise> = Object.fromEntries(all.map((e) => [e.id, e]));
