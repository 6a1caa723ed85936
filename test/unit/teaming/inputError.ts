import { expect } from 'vitest';
import { InputError } from '../../../lib/InputError';

/** Runs `action`, expecting an InputError on `field`; returns it so the test can check value and wording. */
export function inputError(action: () => unknown, field: string): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    return error as InputError;
  }
  throw new Error(`expected an InputError on ${field}, but nothing was thrown`);
}
