// The fault suite: the bundled action against a fake Last9 that injects each fault. For every case:
// the step's exit code, the requests made, how long the step took, the annotation, and what Last9
// finally received. Never breaks a deploy, never leaks a token, never gives up on a marker early.
// Each test has its own fake Last9 and job, so the cases run side by side: most of their time is
// spent waiting (on a hung server, a Retry-After, a backoff), not working.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { DEFAULT_REFRESH_TOKEN, FakeLast9, type Fault } from '../../testing/fake-last9.js';
import { ownFakeAndJob, type OwnFakeAndJob } from '../../testing/harness.js';
import type { StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';

/** A fake Last9 and a job of the test's own; fast backoff so that retries are counted, not waited for. */
interface Case extends OwnFakeAndJob {
  inject(...faults: Fault[]): void;
  check(step: StepResult, expected: Expectation): void;
}

async function setUp(t: TestContext): Promise<Case> {
  const own = await ownFakeAndJob(t, { retry_backoff_ms: '50', max_retry_backoff_ms: '200' });
  return { ...own, inject: (...faults) => own.fake.faults.push(...faults), check: (step, expected) => check(own.fake, step, expected) };
}

interface Expectation {
  exitCode?: number;
  /** The refresh token the step was given; default: the fake's. */
  refreshToken?: string;
  tokenRequests: number;
  eventRequests: number;
  /** The single warning, or none. */
  warning?: RegExp;
  delivered: boolean;
  maxMs: number;
  minMs?: number;
}

function check(fake: FakeLast9, step: StepResult, expected: Expectation): void {
  assert.equal(step.exitCode, expected.exitCode ?? 0, step.stdout + step.stderr);
  assert.equal(fake.requestsTo('token').length, expected.tokenRequests, 'token requests');
  assert.equal(fake.requestsTo('event').length, expected.eventRequests, 'event requests');
  const warnings = step.annotations.filter((annotation) => annotation.level === 'warning');
  if (expected.warning) {
    assert.equal(warnings.length, 1, JSON.stringify(step.annotations));
    assert.match(warnings[0]?.message ?? '', expected.warning);
    assert.doesNotMatch(warnings[0]?.message ?? '', /\n/, 'an annotation is one line');
  } else {
    assert.deepEqual(step.annotations, []);
  }
  assert.equal(step.outputs.delivered, String(expected.delivered));
  assert.equal(fake.events.length, expected.delivered ? 1 : 0, 'what Last9 received');
  assert.ok(step.durationMs <= expected.maxMs, `the step took ${Math.round(step.durationMs)} ms (at most ${expected.maxMs})`);
  assert.ok(step.durationMs >= (expected.minMs ?? 0), `the step took ${Math.round(step.durationMs)} ms (at least ${expected.minMs})`);
  assertNoSecretsLeaked(step, expected.refreshToken ?? DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  assert.doesNotMatch(step.stdout + step.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

// The groups run side by side, two tests of each at a time; the slow cases come first.
describe('the bundled action against a faulty Last9', { concurrency: true }, () => {
  describe('transient faults are retried', { concurrency: 2 }, () => {
    test('429 with Retry-After: 2 waits at least 2 s before the next try', async (t) => {
      const { fake, job, inputs, inject, check } = await setUp(t);
      inject({ on: 'event', times: 1, respond: { status: 429, headers: { 'Retry-After': '2' } } });
      const step = await job.runMain({ inputs: inputs() });
      check(step, { tokenRequests: 1, eventRequests: 2, delivered: true, minMs: 2_000, maxMs: 6_000 });
      const [limited, retried] = fake.requestsTo('event');
      assert.ok((retried?.receivedAtMs ?? 0) - (limited?.receivedAtMs ?? 0) >= 2_000);
    });

    test('503 twice, then success: delivered, no warning', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'event', times: 2, respond: { status: 503 } });
      check(await job.runMain({ inputs: inputs() }), { tokenRequests: 1, eventRequests: 3, delivered: true, maxMs: 5_000 });
    });

    test('500 forever: exactly 1 + max_retry_attempts tries per event, then a warning', async (t) => {
      const { fake, job, inputs, inject, check } = await setUp(t);
      inject({ on: 'event', respond: { status: 500, body: '{"error":"internal"}' } });
      check(await job.runMain({ inputs: inputs() }), {
        tokenRequests: 1,
        eventRequests: 4,
        warning: /^Last9: could not send the start event \(HTTP 500: \{"error":"internal"\}, after 4 tries\)\. Last9 is unavailable/,
        delivered: false,
        maxMs: 5_000,
      });
      fake.requests.length = 0;
      check(await job.runPost({ inputs: inputs({ max_retry_attempts: '1' }) }), {
        tokenRequests: 0,
        eventRequests: 2,
        warning: /could not send the stop event \(HTTP 500.*after 2 tries/,
        delivered: false,
        maxMs: 5_000,
      });
    });

    test('a Retry-After longer than the budget is not waited for', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'event', respond: { status: 503, headers: { 'Retry-After': '120' } } });
      check(await job.runMain({ inputs: inputs({ timeout_seconds: '5' }) }), {
        tokenRequests: 1,
        eventRequests: 1,
        warning: /HTTP 503.*after 1 try/,
        delivered: false,
        maxMs: 3_000,
      });
    });

    test('connection reset every time: retried, then a warning naming the network error', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'token', respond: 'reset' });
      check(await job.runMain({ inputs: inputs() }), {
        tokenRequests: 4,
        eventRequests: 0,
        warning: /could not exchange the refresh token .*network error: .*(ECONNRESET|socket hang up).*after 4 tries.*api_base_url/,
        delivered: false,
        maxMs: 5_000,
      });
    });
  });

  describe('an unreachable or silent Last9 costs at most timeout_seconds', { concurrency: 2 }, () => {
    // With the defaults (30 s, 3 retries) each try may wait 7.5 s and the 4th is cut by the
    // deadline: retry.test.ts proves that arithmetic. Here the same defaults with timeout_seconds: 2,
    // where a try may wait max(5 s, 2 s / 4) and so the first one is cut by the deadline itself.
    test('a black-holed Last9 adds at most timeout_seconds to a step', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'token', respond: 'hang' });
      const { retry_backoff_ms: _fast, max_retry_backoff_ms: _faster, ...defaults } = inputs({ timeout_seconds: '2' });
      check(await job.runMain({ inputs: defaults }), {
        tokenRequests: 1,
        eventRequests: 0,
        warning: /could not exchange the refresh token for an access token \(no answer within timeout_seconds \(2 s\), after 1 try\)/,
        delivered: false,
        minMs: 2_000,
        maxMs: 2_000 + 1_500,
      });
    });

    test('connection refused: retried within the budget, then a warning naming api_base_url', async (t) => {
      const { job, inputs, check } = await setUp(t);
      const closed = await FakeLast9.start();
      const url = closed.url;
      await closed.stop();
      const step = await job.runMain({ inputs: inputs({ api_base_url: url }) });
      check(step, { tokenRequests: 0, eventRequests: 0, warning: new RegExp(`ECONNREFUSED.*after 4 tries.*reach ${url}`), delivered: false, maxMs: 5_000 });
    });

    test('an unresolvable host: a warning naming the host, within timeout_seconds', async (t) => {
      const { job, inputs, check } = await setUp(t);
      const step = await job.runMain({ inputs: inputs({ api_base_url: 'https://last9.invalid', timeout_seconds: '5' }) });
      check(step, {
        tokenRequests: 0,
        eventRequests: 0,
        warning: /could not exchange the refresh token for an access token \((network error: .*(ENOTFOUND|EAI_AGAIN)|no answer within).*https:\/\/last9\.invalid/,
        delivered: false,
        maxMs: 5_000 + 1_500,
      });
    });
  });

  describe('answers that retrying cannot fix are not retried', { concurrency: 2 }, () => {
    test('a token answer that is not JSON', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'token', respond: 'malformed' });
      check(await job.runMain({ inputs: inputs() }), {
        tokenRequests: 1,
        eventRequests: 0,
        warning: /could not exchange the refresh token for an access token \(the token exchange answered with something that is not JSON.*api_base_url/,
        delivered: false,
        maxMs: 3_000,
      });
    });

    test('401 on the token: the refresh token was rejected, the job goes on', async (t) => {
      // A refresh token the fake does not know: it answers 401 as Last9 does.
      const revoked = 'l9rt-revoked-token-999';
      const { job, inputs, check } = await setUp(t);
      check(await job.runMain({ inputs: inputs({ refresh_token: revoked }) }), {
        refreshToken: revoked,
        tokenRequests: 1,
        eventRequests: 0,
        warning: /HTTP 401: \{"error":"invalid refresh token"\}, after 1 try\)\. Last9 rejected the refresh token: check the refresh_token secret/,
        delivered: false,
        maxMs: 3_000,
      });
    });

    test('403 on the event: the access token lacks the scope', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'event', respond: { status: 403 } });
      check(await job.runMain({ inputs: inputs() }), {
        tokenRequests: 1,
        eventRequests: 1,
        warning: /could not send the start event \(HTTP 403.*after 1 try\)\. Last9 refused the access token: check that the refresh token has write scope/,
        delivered: false,
        maxMs: 3_000,
      });
    });

    test('404 on the event, with an access token that does not name its organization: check org_slug', async (t) => {
      const { fake, job, inputs, check } = await setUp(t);
      fake.tokenOrg = null;
      check(await job.runMain({ inputs: inputs({ org_slug: 'acme-typo' }) }), {
        tokenRequests: 1,
        eventRequests: 1,
        warning: /could not send the start event \(HTTP 404.*after 1 try\)\. Check that org_slug "acme-typo" is your Last9 organization slug/,
        delivered: false,
        maxMs: 3_000,
      });
    });

    test('400 on the event', async (t) => {
      const { job, inputs, inject, check } = await setUp(t);
      inject({ on: 'event', respond: { status: 400, body: '{"error":"bad event"}' } });
      check(await job.runMain({ inputs: inputs() }), {
        tokenRequests: 1,
        eventRequests: 1,
        warning: /HTTP 400: \{"error":"bad event"\}, after 1 try\)\. Last9 refused the event as malformed/,
        delivered: false,
        maxMs: 3_000,
      });
    });

  });
});
