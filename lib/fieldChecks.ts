import { InputError } from './InputError';

/**
 * Small checks shared by the validators (`validateTeam`, `validateScenario`, the CLI's input files).
 * Each takes the value, the path of the field it came from, and throws an `InputError` naming both
 * and what would have been accepted. None of them converts a wrong value into a right one.
 */

/** The path of a child field: `childField('hosts[0]', 'team')` is `hosts[0].team`; from the root, just the key. */
export function childField(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of an array item: `itemField('hosts', 1)` is `hosts[1]`. */
export function itemField(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A plain object (not null, not an array). `what` names it in the error, e.g. `a team object`. */
export function checkObject(value: unknown, field: string, what = 'an object'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(field || 'input', value, what);
  }
  return value as Record<string, unknown>;
}

/**
 * Rejects keys that are not in `known`, naming the first one found, so that a typo such as
 * `memoryGb` is reported instead of silently ignored.
 */
export function checkKnownKeys(object: Record<string, unknown>, field: string, known: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      const suggestion = closestKey(key, known);
      const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
      throw new InputError(childField(field, key), object[key], `no field named ${key} here (known fields: ${known.join(', ')})${hint}`);
    }
  }
}

/** An array of `min` to `max` items. */
export function checkArray(value: unknown, field: string, min = 0, max = Infinity): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw new InputError(field, value, `an array of ${countWords(min, max)}`);
  }
  return value;
}

/** A non-empty string. */
export function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, value, 'a non-empty string');
  return value;
}

/**
 * Names the library refuses for things it keys plain objects by (hosts, members, VMs, flows): the
 * properties every plain object inherits (`__proto__`, `constructor`, `toString`, ...) and `prototype`.
 * A result such as `{ [hostName]: traffic }` would lose or corrupt an entry under one of these.
 */
export const RESERVED_NAMES: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  'toString', 'toLocaleString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
];

/** A name used as a key of a plain object: a non-empty string that is not one of `RESERVED_NAMES`. */
export function checkName(value: unknown, field: string): string {
  const name = checkString(value, field);
  if (RESERVED_NAMES.includes(name)) {
    throw new InputError(field, value, `a non-empty string other than ${RESERVED_NAMES.join(', ')} (names become object keys)`);
  }
  return name;
}

/** A boolean. */
export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new InputError(field, value, 'true or false');
  return value;
}

/** One of a fixed list of strings (an enum such as PowerShell's `TeamingMode`). */
export function checkOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InputError(field, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Bounds for `checkNumber`. Every field is optional; without any, any finite number passes. */
export interface NumberRule {
  /** Require a whole number. Default false. */
  integer?: boolean;
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Value the number must be greater than (exclusive lower bound), e.g. 0 for a speed. */
  greaterThan?: number;
}

/** A finite number (never NaN or Infinity) within the rule's bounds. */
export function checkNumber(value: unknown, field: string, rule: NumberRule = {}): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isSafeInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.greaterThan === undefined || value > rule.greaterThan);
  if (!ok) throw new InputError(field, value, describeNumberRule(rule));
  return value as number;
}

/** The rule in words, e.g. `an integer from 1 to 64`, `a number greater than 0`. */
export function describeNumberRule(rule: NumberRule): string {
  const noun = rule.integer ? 'an integer' : 'a number';
  const { min, max, greaterThan } = rule;
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (greaterThan !== undefined) return `${noun} greater than ${greaterThan}${max !== undefined ? ` and at most ${max}` : ''}`;
  if (min !== undefined) return `${noun} of at least ${min}`;
  if (max !== undefined) return `${noun} of at most ${max}`;
  return rule.integer ? 'an integer' : 'a finite number';
}

function countWords(min: number, max: number): string {
  if (max === Infinity) return min === 0 ? 'any length' : `at least ${min} item${min === 1 ? '' : 's'}`;
  if (min === max) return `exactly ${min} items`;
  return `${min} to ${max} items`;
}

/** The known key closest to a misspelt one (case-insensitive edit distance at most 2), or else the one it
 * abbreviates (`cap` for `capGbps`), if any. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const abbreviated = lower.length >= 3 ? known.filter((candidate) => candidate.toLowerCase().startsWith(lower)) : [];
  let best: string | undefined = abbreviated.length === 1 ? abbreviated[0] : undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
