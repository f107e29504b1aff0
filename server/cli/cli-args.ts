import { InvalidArgumentError } from '@commander-js/extra-typings';

/** Parses a database id (a positive integer); commander reports the message as a usage error. */
export function parseId(value: string): number {
  return parseIntIn(value, 1, Number.MAX_SAFE_INTEGER, 'Not an id (a positive integer).');
}

/** Parses a token lifetime in days, within what the API accepts too (1–3650). */
export function parseDays(value: string): number {
  return parseIntIn(value, 1, 3650, 'Expected a whole number of days from 1 to 3650.');
}

/** Checks a token name the way the API does (1–100 characters after trimming). */
export function parseTokenName(value: string): string {
  const name = value.trim();
  if (name === '' || name.length > 100) throw new InvalidArgumentError('Expected 1–100 characters.');
  return name;
}

function parseIntIn(value: string, min: number, max: number, message: string): number {
  // A strict pattern: Number('1e3') or parseInt('12abc') would accept what the admin did not mean.
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(message);
  const n = Number(value.trim());
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(message);
  return n;
}
