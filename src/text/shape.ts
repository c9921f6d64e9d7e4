// Checks of values from outside (a webhook payload, a server's JSON, the runner's files) against
// the type they should have. Each gives the value when it fits and undefined when it does not, so
// that what does not fit is unknown, never guessed at. Pure.

/** 40 hex digits, as git and GitHub name a commit. */
export const COMMIT_SHA = /^[0-9a-f]{40}$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A safe integer of at least `min`: never NaN, a fraction, a float beyond 2^53 or a BigInt. */
export function wholeNumber(value: unknown, min = 0): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : undefined;
}

export function commitSha(value: unknown): string | undefined {
  return typeof value === 'string' && COMMIT_SHA.test(value) ? value : undefined;
}

export function oneOf<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return choices.includes(value as T) ? (value as T) : undefined;
}

export function list(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A string, number or boolean, as text. */
export function scalarText(value: unknown): string | undefined {
  return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;
}

/** A date GitHub writes (ISO 8601), as it was written. */
export function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}
