import type { Exercise } from './Exercise';
import { lesson01 } from './lesson01';
import { lesson02 } from './lesson02';
import { lesson03 } from './lesson03';
import { lesson04 } from './lesson04';
import { lesson05 } from './lesson05';
import { lesson06 } from './lesson06';
import { lesson07 } from './lesson07';
import { lesson08 } from './lesson08';
import { lesson09 } from './lesson09';
import { lesson10 } from './lesson10';
import { lesson11 } from './lesson11';
import { lesson12 } from './lesson12';
import { capstone } from './capstone';

/** Lesson files register their exercises here (one import and one spread per lesson). */
const all: Exercise[] = [...lesson01, ...lesson02, ...lesson03, ...lesson04, ...lesson05, ...lesson06, ...lesson07, ...lesson08, ...lesson09, ...lesson10, ...lesson11, ...lesson12, ...capstone];

/** Every exercise by id. */
export const exercises: Record<string, Exercise> = Object.fromEntries(all.map((e) => [e.id, e]));
