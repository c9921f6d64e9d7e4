// When to try a Last9 call again, and how long to wait first. Pure: time and randomness come in.

export interface RetryPolicy {
  /** Retries after the first try. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What one try came to: an HTTP status (with its Retry-After header), or a network-level failure. */
export type AttemptOutcome = { status: number; retryAfter?: string } | { networkError: string };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: 'success' | 'not-retryable' | 'attempts-exhausted' | 'out-of-time' };

/** A try that has not been answered by then is abandoned and, if there is time, tried again. */
export const MIN_ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * How long one try may wait for an answer: an equal share of the step's budget, so that a hung
 * request can still be retried, but never less than MIN_ATTEMPT_TIMEOUT_MS, so that a slow but
 * working Last9 is not cut off. The step's deadline caps it in any case.
 */
export function attemptTimeoutMs(budgetMs: number, policy: RetryPolicy): number {
  return Math.max(MIN_ATTEMPT_TIMEOUT_MS, Math.floor(budgetMs / (policy.maxRetries + 1)));
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so
 * waits still grow with each retry while concurrent jobs spread out.
 */
export function backoffDelayMs(retryNumber: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined if absent or unreadable. */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its day and month ("Sun, 06 Nov 1994 08:49:37 GMT"); Date.parse alone would
  // also take "-1" or "1.5" for dates.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export interface RetryContext {
  /** Tries made so far, this one included (1 after the first try). */
  attempts: number;
  outcome: AttemptOutcome;
  policy: RetryPolicy;
  /** Time left in the step's budget for Last9. */
  remainingMs: number;
  nowMs: number;
  random: () => number;
}

export function decideRetry(context: RetryContext): RetryDecision {
  const { outcome, attempts, policy, remainingMs } = context;
  if ('status' in outcome) {
    if (outcome.status >= 200 && outcome.status < 300) return { retry: false, reason: 'success' };
    if (!isRetryableStatus(outcome.status)) return { retry: false, reason: 'not-retryable' };
  }
  if (attempts > policy.maxRetries) return { retry: false, reason: 'attempts-exhausted' };

  const backoff = backoffDelayMs(attempts, policy, context.random);
  const retryAfter = 'status' in outcome ? parseRetryAfterMs(outcome.retryAfter, context.nowMs) : undefined;
  const delayMs = Math.max(backoff, retryAfter ?? 0);
  // A retry only helps if it can wait and still have time left to be answered.
  if (delayMs >= remainingMs) return { retry: false, reason: 'out-of-time' };
  return { retry: true, delayMs };
}
