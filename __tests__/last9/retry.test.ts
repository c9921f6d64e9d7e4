import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attemptTimeoutMs, backoffDelayMs, decideRetry, MIN_ATTEMPT_TIMEOUT_MS, parseRetryAfterMs, type AttemptOutcome, type RetryContext, type RetryDecision } from '../../src/last9/retry.js';
import { readSettings } from '../../src/runner/settings.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** A context with plenty of time and a generous policy; each test overrides what it is about. */
function decide(outcome: AttemptOutcome, overrides: Partial<Omit<RetryContext, 'outcome'>> = {}): RetryDecision {
  return decideRetry({
    attempts: 1,
    outcome,
    policy: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 },
    remainingMs: 600_000,
    nowMs: NOW,
    random: () => 0.5,
    ...overrides,
  });
}

/** How many tries a call makes when every try gives `outcome`, following decideRetry to the end. */
function triesUntilGivingUp(outcome: AttemptOutcome, maxRetries: number): { tries: number; last: RetryDecision } {
  for (let attempts = 1; attempts < 100; attempts++) {
    const decision = decide(outcome, { attempts, policy: { maxRetries, baseDelayMs: 10, maxDelayMs: 100 } });
    if (!decision.retry) return { tries: attempts, last: decision };
  }
  throw new Error('never gave up');
}

describe('decideRetry: which outcomes are retried', () => {
  for (const status of [200, 201, 202, 204, 299]) {
    test(`${status} is success`, () => {
      assert.deepEqual(decide({ status }), { retry: false, reason: 'success' });
    });
  }

  for (const status of [400, 401, 403, 404, 409, 422]) {
    test(`${status} is never retried, even on the first try`, () => {
      assert.deepEqual(decide({ status }), { retry: false, reason: 'not-retryable' });
      assert.deepEqual(decide({ status, retryAfter: '1' }), { retry: false, reason: 'not-retryable' }, 'not even with Retry-After');
    });
  }

  for (const status of [429, 500, 502, 503, 504]) {
    test(`${status} is retried`, () => {
      const decision = decide({ status });
      assert.equal(decision.retry, true);
    });
  }

  test('a network error is retried', () => {
    assert.equal(decide({ networkError: 'ECONNRESET: socket hang up' }).retry, true);
  });

  for (const outcome of [{ status: 503 }, { status: 429 }, { networkError: 'ECONNREFUSED' }] as AttemptOutcome[]) {
    for (const maxRetries of [0, 1, 3]) {
      test(`${JSON.stringify(outcome)} with max_retry_attempts ${maxRetries}: at most ${1 + maxRetries} tries`, () => {
        const { tries, last } = triesUntilGivingUp(outcome, maxRetries);
        assert.equal(tries, 1 + maxRetries);
        assert.deepEqual(last, { retry: false, reason: 'attempts-exhausted' });
      });
    }
  }

  test('a 4xx gives up after one try whatever the policy', () => {
    assert.equal(triesUntilGivingUp({ status: 401 }, 5).tries, 1);
  });
});

describe('decideRetry: how long to wait', () => {
  test('Retry-After in seconds is honoured when longer than the backoff', () => {
    const decision = decide({ status: 429, retryAfter: '20' }, { random: () => 1 });
    assert.ok(decision.retry);
    assert.ok(decision.delayMs >= 20_000, `waited ${decision.delayMs} ms`);
  });

  test('Retry-After as an HTTP date is honoured', () => {
    const retryAfter = new Date(NOW + 45_000).toUTCString();
    const decision = decide({ status: 503, retryAfter });
    assert.ok(decision.retry);
    assert.ok(decision.delayMs >= 45_000, `waited ${decision.delayMs} ms`);
    assert.ok(decision.delayMs < 46_000, `waited ${decision.delayMs} ms`);
  });

  test('a short Retry-After does not shorten the backoff', () => {
    const decision = decide({ status: 503, retryAfter: '0' }, { attempts: 3, random: () => 1 });
    assert.ok(decision.retry);
    assert.equal(decision.delayMs, 4000);
  });

  test('a Retry-After beyond the remaining budget gives up as out-of-time', () => {
    assert.deepEqual(decide({ status: 429, retryAfter: '120' }, { remainingMs: 60_000 }), { retry: false, reason: 'out-of-time' });
    const date = new Date(NOW + 120_000).toUTCString();
    assert.deepEqual(decide({ status: 503, retryAfter: date }, { remainingMs: 60_000 }), { retry: false, reason: 'out-of-time' });
  });

  test('a wait that would use up the whole budget gives up as out-of-time (no time left to be answered)', () => {
    assert.deepEqual(decide({ status: 429, retryAfter: '10' }, { remainingMs: 10_000 }), { retry: false, reason: 'out-of-time' });
    assert.equal(decide({ status: 429, retryAfter: '10' }, { remainingMs: 10_001 }).retry, true);
  });

  test('a backoff longer than the remaining budget gives up as out-of-time', () => {
    assert.deepEqual(decide({ networkError: 'ETIMEDOUT' }, { remainingMs: 100, random: () => 0 }), { retry: false, reason: 'out-of-time' });
  });

  test('attempts exhausted is reported before out-of-time', () => {
    assert.deepEqual(decide({ status: 500 }, { attempts: 4, remainingMs: 0 }), { retry: false, reason: 'attempts-exhausted' });
  });

  test('the backoff doubles with each retry (random fixed at 1: the full step)', () => {
    const policy = { maxRetries: 10, baseDelayMs: 500, maxDelayMs: 1_000_000 };
    const delays = [1, 2, 3, 4, 5].map((attempts) => {
      const decision = decide({ status: 503 }, { attempts, policy, random: () => 1 });
      assert.ok(decision.retry);
      return decision.delayMs;
    });
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000]);
  });

  test('the backoff is capped at max_retry_backoff_ms', () => {
    const policy = { maxRetries: 20, baseDelayMs: 1000, maxDelayMs: 5000 };
    for (const attempts of [4, 5, 10, 20]) {
      const decision = decide({ status: 503 }, { attempts, policy, random: () => 1 });
      assert.ok(decision.retry);
      assert.ok(decision.delayMs <= 5000, `retry ${attempts} waited ${decision.delayMs} ms`);
    }
    const last = decide({ status: 503 }, { attempts: 20, policy, random: () => 1 });
    assert.ok(last.retry);
    assert.equal(last.delayMs, 5000);
  });

  test('jitter is bounded: random 0 gives half the step, random 1 the full step', () => {
    const policy = { maxRetries: 10, baseDelayMs: 1000, maxDelayMs: 30_000 };
    for (const retryNumber of [1, 2, 3, 4, 5, 6, 7]) {
      const step = Math.min(30_000, 1000 * 2 ** (retryNumber - 1));
      const low = backoffDelayMs(retryNumber, policy, () => 0);
      const high = backoffDelayMs(retryNumber, policy, () => 1);
      assert.equal(low, step / 2, `retry ${retryNumber}, random 0`);
      assert.equal(high, step, `retry ${retryNumber}, random 1`);
      const middle = backoffDelayMs(retryNumber, policy, () => 0.37);
      assert.ok(middle >= low && middle <= high);
    }
  });

  test('jitter spreads waits: different random values give different waits', () => {
    const policy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };
    assert.notEqual(backoffDelayMs(2, policy, () => 0.1), backoffDelayMs(2, policy, () => 0.9));
  });

  test('a zero base delay retries at once', () => {
    const decision = decide({ status: 503 }, { policy: { maxRetries: 3, baseDelayMs: 0, maxDelayMs: 0 }, remainingMs: 1000 });
    assert.deepEqual(decision, { retry: true, delayMs: 0 });
  });

  test('delays are whole milliseconds', () => {
    const decision = decide({ status: 503 }, { policy: { maxRetries: 3, baseDelayMs: 333, maxDelayMs: 30_000 }, random: () => 0.123 });
    assert.ok(decision.retry);
    assert.ok(Number.isInteger(decision.delayMs), String(decision.delayMs));
  });
});

describe('parseRetryAfterMs', () => {
  test('absent or blank is undefined', () => {
    assert.equal(parseRetryAfterMs(undefined, NOW), undefined);
    assert.equal(parseRetryAfterMs('', NOW), undefined);
    assert.equal(parseRetryAfterMs('   ', NOW), undefined);
  });

  test('delta-seconds become milliseconds', () => {
    assert.equal(parseRetryAfterMs('0', NOW), 0);
    assert.equal(parseRetryAfterMs('1', NOW), 1000);
    assert.equal(parseRetryAfterMs('120', NOW), 120_000);
    assert.equal(parseRetryAfterMs(' 7 ', NOW), 7000);
  });

  test('an HTTP date in the future is the time until it', () => {
    assert.equal(parseRetryAfterMs(new Date(NOW + 30_000).toUTCString(), NOW), 30_000);
    assert.equal(parseRetryAfterMs('Thu, 15 Jan 2026 12:01:00 GMT', NOW), 60_000);
  });

  test('an HTTP date in the past is 0, not negative', () => {
    assert.equal(parseRetryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', NOW), 0);
  });

  for (const unreadable of ['soon', '-1', '1.5', '5s', 'NaN', '1e3', '--']) {
    test(`"${unreadable}" is unreadable: undefined`, () => {
      assert.equal(parseRetryAfterMs(unreadable, NOW), undefined);
    });
  }

  test('an unreadable Retry-After falls back to the backoff', () => {
    const decision = decide({ status: 503, retryAfter: 'later' }, { random: () => 1 });
    assert.deepEqual(decision, { retry: true, delayMs: 1000 });
  });
});

describe('attemptTimeoutMs', () => {
  test('an equal share of the budget per try, so that a hung try can be retried', () => {
    assert.equal(attemptTimeoutMs(30_000, { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 }), 7_500);
    assert.equal(attemptTimeoutMs(60_000, { maxRetries: 0, baseDelayMs: 1_000, maxDelayMs: 30_000 }), 60_000);
  });

  test('never less than 5 s, so that a slow Last9 is not cut off', () => {
    assert.equal(attemptTimeoutMs(2_000, { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 }), MIN_ATTEMPT_TIMEOUT_MS);
    assert.equal(MIN_ATTEMPT_TIMEOUT_MS, 5_000);
  });
});

describe('the defaults against a Last9 that never answers', () => {
  // The step's budget and retry policy when a workflow sets only the required inputs.
  const { settings } = readSettings((name) => ({ refresh_token: 'rt-123456', org_slug: 'acme', env: 'prod' })[name] ?? '', { GITHUB_REPOSITORY: 'acme/api' });
  const budgetMs = settings?.timeoutMs ?? Number.NaN;
  const policy = settings?.retry ?? { maxRetries: Number.NaN, baseDelayMs: Number.NaN, maxDelayMs: Number.NaN };

  test('a 30 s budget shared by 4 tries: 7.5 s each', () => {
    assert.equal(budgetMs, 30_000);
    assert.equal(policy.maxRetries + 1, 4);
    assert.equal(attemptTimeoutMs(budgetMs, policy), 7_500);
  });

  // Follows a call as Last9Client makes it: each try waits at most attemptTimeoutMs and never past
  // the deadline; a try cut by the deadline ends the call, an abandoned one goes to decideRetry.
  for (const random of [0, 1]) {
    test(`three tries time out after 7.5 s and back off, the 4th is cut by the deadline at 30 s (jitter ${random})`, () => {
      const waits: number[] = [];
      let nowMs = 0;
      for (let attempts = 1; attempts <= 10; attempts++) {
        const remainingMs = budgetMs - nowMs;
        const waitMs = Math.min(remainingMs, attemptTimeoutMs(budgetMs, policy));
        waits.push(waitMs);
        nowMs += waitMs;
        if (waitMs >= remainingMs) break;
        const decision = decideRetry({ attempts, outcome: { networkError: `no answer within ${waitMs / 1000} s` }, policy, remainingMs: budgetMs - nowMs, nowMs, random: () => random });
        assert.ok(decision.retry, `try ${attempts} was not retried: ${JSON.stringify(decision)}`);
        nowMs += decision.delayMs;
      }
      assert.equal(waits.length, 4, `tries waited ${JSON.stringify(waits)} ms`);
      assert.deepEqual(waits.slice(0, 3), [7_500, 7_500, 7_500]);
      assert.ok((waits[3] ?? Infinity) < 7_500, 'the 4th try is cut short by the deadline');
      assert.equal(nowMs, 30_000, 'the call ends when the budget does, not before and not after');
    });
  }
});
