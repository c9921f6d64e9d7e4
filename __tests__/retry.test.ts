import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelayMs, decideRetry, parseRetryAfterMs, type AttemptOutcome, type RetryPolicy } from '../src/retry.js';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 };
const NOW = Date.parse('2026-01-15T17:57:22Z');

function decide(outcome: AttemptOutcome, attempts = 1, remainingMs = 30_000, random = () => 0.5) {
  return decideRetry({ attempts, outcome, policy, remainingMs, nowMs: NOW, random });
}

describe('decideRetry', () => {
  test('2xx is success', () => {
    for (const status of [200, 201, 202, 204]) assert.deepEqual(decide({ status }), { retry: false, reason: 'success' });
  });

  test('4xx other than 429 is never retried', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) assert.deepEqual(decide({ status }), { retry: false, reason: 'not-retryable' });
  });

  test('429, 5xx and network errors are retried', () => {
    for (const outcome of [{ status: 429 }, { status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }, { networkError: 'ECONNRESET' }]) {
      assert.equal(decide(outcome).retry, true, JSON.stringify(outcome));
    }
  });

  test('at most 1 + maxRetries tries', () => {
    const tries = (maxRetries: number) => {
      let attempts = 1;
      while (decideRetry({ attempts, outcome: { status: 503 }, policy: { ...policy, maxRetries }, remainingMs: 1e9, nowMs: NOW, random: () => 0 }).retry) attempts++;
      return attempts;
    };
    assert.equal(tries(0), 1);
    assert.equal(tries(3), 4);
    assert.equal(tries(5), 6);
    assert.deepEqual(decide({ status: 503 }, 4), { retry: false, reason: 'attempts-exhausted' });
  });

  test('Retry-After in seconds is waited for at least', () => {
    assert.deepEqual(decide({ status: 429, retryAfter: '7' }, 1, 30_000, () => 0), { retry: true, delayMs: 7_000 });
  });

  test('Retry-After as an HTTP date', () => {
    const date = new Date(NOW + 4_000).toUTCString();
    assert.deepEqual(decide({ status: 503, retryAfter: date }, 1, 30_000, () => 0), { retry: true, delayMs: 4_000 });
  });

  test('a backoff longer than Retry-After wins', () => {
    assert.deepEqual(decide({ status: 503, retryAfter: '1' }, 3, 30_000, () => 1), { retry: true, delayMs: 4_000 });
  });

  test('a wait that does not fit the time left is not started', () => {
    assert.deepEqual(decide({ status: 429, retryAfter: '120' }), { retry: false, reason: 'out-of-time' });
    assert.deepEqual(decide({ status: 503 }, 1, 400), { retry: false, reason: 'out-of-time' });
    assert.deepEqual(decide({ networkError: 'ETIMEDOUT' }, 1, 0), { retry: false, reason: 'out-of-time' });
  });
});

describe('backoffDelayMs', () => {
  test('doubles with each retry, capped at maxDelayMs', () => {
    const ceiling = (retry: number) => backoffDelayMs(retry, policy, () => 1);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(ceiling), [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  test('jitter stays between half and all of the step', () => {
    assert.equal(backoffDelayMs(3, policy, () => 0), 2_000);
    assert.equal(backoffDelayMs(3, policy, () => 1), 4_000);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelayMs(2, policy, Math.random);
      assert.ok(delay >= 1_000 && delay <= 2_000, String(delay));
    }
  });

  test('a zero base means no wait', () => assert.equal(backoffDelayMs(5, { ...policy, baseDelayMs: 0 }, () => 1), 0));
});

describe('parseRetryAfterMs', () => {
  const cases: Array<[string | undefined, number | undefined]> = [
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    [' 2 ', 2_000],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    [new Date(NOW + 10_000).toUTCString(), 10_000],
    [new Date(NOW - 10_000).toUTCString(), 0],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(parseRetryAfterMs(header, NOW), expected));
  }
});
