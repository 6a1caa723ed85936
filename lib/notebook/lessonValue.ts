import { InputError } from '../InputError';
import { formatMeasured } from '../formatMeasured';

/** Options for `lessonValue`, the props of a lesson's `<Value>` tag. */
export interface LessonValueOptions {
  /** Decimals to show for a number (0 to 10). Default: whole numbers as they are, others rounded to at
   * most 3 decimals (`formatMeasured`), never a raw float such as 17.894551742054396. */
  digits?: number;
  /** Unit written after the number with a space, e.g. `Gbps`. Default: none. */
  unit?: string;
}

/**
 * The text a lesson's `<Value path=... digits=... unit=... />` stands for: the value at a dotted
 * `path` of an experiment result (e.g. `measured.peakSendGbps`), formatted. Pure; the site and the
 * notebooks both use it, so a number reads the same in both.
 */
export function lessonValue(result: unknown, path: string, options: LessonValueOptions = {}): string {
  if (typeof path !== 'string' || path === '') throw new InputError('path', path, 'a dotted path such as measured.peakSendGbps');
  let value: unknown = result;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) {
      throw new InputError('path', path, 'a path that exists in the experiment result');
    }
    value = (value as Record<string, unknown>)[key];
  }
  const { digits, unit } = options;
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 0 || digits > 10)) {
    throw new InputError('digits', digits, 'a whole number from 0 to 10');
  }
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InputError(path, value, 'a finite number');
    text = digits === undefined ? formatMeasured(value) : value.toFixed(digits);
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    text = String(value);
  } else {
    throw new InputError(path, value, 'a number, string or boolean');
  }
  if (unit !== undefined && typeof unit !== 'string') throw new InputError('unit', unit, 'a string');
  return unit ? `${text} ${unit}` : text;
}
