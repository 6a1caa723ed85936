/**
 * A measured value as text, the one rule every printed number follows (finding boxes, lesson values,
 * exercise messages): integers as they are, other numbers with at most 3 decimals (60.995, never
 * 60.99511627776), strings and booleans as they are.
 */
export function formatMeasured(value: number | string | boolean): string {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(3)));
}
