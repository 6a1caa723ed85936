import { InputError } from '../InputError';
import type { TimelineResult } from '../timeline';

/**
 * The link ids a counter function works on: the ones asked for (each must have its rates recorded in
 * the result) or, by default, every recorded link.
 */
export function checkLinks(result: TimelineResult, links: string[] | undefined, field = 'links'): string[] {
  if (links === undefined) return result.recordedLinks.slice();
  if (!Array.isArray(links)) throw new InputError(field, links, 'an array of link ids');
  const recorded = new Set(result.recordedLinks);
  links.forEach((id, k) => {
    if (!recorded.has(id)) {
      throw new InputError(`${field}[${k}]`, id, 'the id of a link whose rates the timeline recorded (result.recordedLinks)');
    }
  });
  return links.slice();
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InputError(field, value, 'a finite number greater than 0');
  }
  return value;
}

/** Throws unless `value` is a finite number. */
export function checkFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(field, value, 'a finite number');
  return value;
}
