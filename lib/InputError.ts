/**
 * The one error the library throws for bad input. It names the field, the value it got and what is
 * allowed, so that the CLI can print it as one line and a notebook or page can show it as is.
 *
 * @example new InputError('team.members[1].gbps', -10, 'a number greater than 0')
 */
export class InputError extends Error {
  /** Path of the offending field, e.g. `hosts[0].team.teamingMode`. */
  readonly field: string;
  /** The value that was given (as received, before any conversion). */
  readonly value: unknown;
  /** What would have been accepted, in words, e.g. `one of SwitchIndependent, Static, Lacp`. */
  readonly allowed: string;

  constructor(field: string, value: unknown, allowed: string) {
    super(`${field}: got ${formatValue(value)}; expected ${allowed}`);
    this.name = 'InputError';
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }
}

/** Shows a value the way a user typed it: strings quoted, objects as compact JSON, long text cut. */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined; // a cycle or a BigInt inside
    }
    // JSON.stringify gives undefined for a function or a symbol; String() of an object is "[object Object]".
    text = json ?? (typeof value === 'object' ? `a ${(value as object).constructor?.name ?? 'null-prototype'} object that is not plain JSON` : `a ${typeof value}`);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
