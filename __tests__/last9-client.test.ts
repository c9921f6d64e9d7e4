// The HTTP client against the fake Last9 server on loopback: real sockets, real protocol.

import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { Deadline, Last9Client, MAX_BODY_IN_MESSAGE, type ChangeEvent } from '../src/last9-client.js';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, FakeLast9 } from '../testing/fake-last9.js';

const fake = await FakeLast9.start();
after(() => fake.stop());

beforeEach(() => fake.reset());

function client(options: { timeoutMs?: number; attemptTimeoutMs?: number; maxRetries?: number; orgSlug?: string } = {}): Last9Client {
  return new Last9Client({
    apiBaseUrl: fake.url,
    orgSlug: options.orgSlug ?? DEFAULT_ORG,
    retry: { maxRetries: options.maxRetries ?? 3, baseDelayMs: 10, maxDelayMs: 50 },
    deadline: new Deadline(options.timeoutMs ?? 10_000),
    attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
    secrets: [DEFAULT_REFRESH_TOKEN],
  });
}

const event: ChangeEvent = {
  timestamp: '2026-01-15T17:57:22.000Z',
  event_name: 'deployment',
  event_state: 'start',
  attributes: { service_name: 'payments-api', deployment_environment: 'production' },
};

async function exchange(last9: Last9Client): Promise<string> {
  const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
  assert.ok(token.ok, 'token exchange should succeed');
  return token.value.token;
}

describe('Last9Client', () => {
  test('exchanges the refresh token and sends the event over one kept-alive connection', async () => {
    const last9 = client();
    try {
      const token = await exchange(last9);
      const sent = await last9.sendEvent(token, event);
      assert.deepEqual(sent, { ok: true, value: undefined, attempts: 1 });
      assert.equal(fake.events.length, 1);
      assert.deepEqual(fake.events[0]?.attributes, event.attributes);
      const [tokenRequest, eventRequest] = fake.requests;
      assert.equal(tokenRequest?.connection, eventRequest?.connection, 'both requests should share one connection');
      assert.equal(eventRequest?.headers['x-last9-api-token'], `Bearer ${token}`);
      assert.equal(eventRequest?.headers.authorization, undefined);
    } finally {
      last9.dispose();
    }
  });

  test('dispose() ends a call that is retrying: no more tries, so the process can exit', async () => {
    fake.faults.push({ on: 'token', times: 50, respond: { status: 503 } });
    const last9 = client({ maxRetries: 50 });
    const exchanged = last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
    await fake.waitFor(() => fake.requests.length >= 2);
    last9.dispose();
    const triesBefore = fake.requests.length;
    const result = await exchanged;
    assert.equal(result.ok, false);
    // At most the try under way when it was disposed.
    assert.ok(result.attempts <= triesBefore + 1, `it went on trying: ${result.attempts} attempts`);
  });

  test('reads the expiry from expires_at or expires_in', async () => {
    const last9 = client();
    try {
      fake.expiryField = 'expires_in';
      const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
      assert.ok(token.ok);
      assert.ok(token.value.expiresAtMs && Math.abs(token.value.expiresAtMs - (Date.now() + 86_400_000)) < 5_000);
    } finally {
      fake.expiryField = 'expires_at';
      last9.dispose();
    }
  });

  for (const status of [400, 403]) {
    test(`does not retry a ${status} on the token exchange`, async () => {
      const last9 = client();
      try {
        fake.faults.push({ on: 'token', respond: { status } });
        const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
        assert.equal(token.ok, false);
        assert.equal(fake.requestsTo('token').length, 1);
      } finally {
        last9.dispose();
      }
    });
  }

  test('does not retry a 404 for an unknown organization, and encodes the slug', async () => {
    const last9 = client({ orgSlug: 'no.such-org' });
    try {
      const token = await exchange(last9);
      const sent = await last9.sendEvent(token, event);
      assert.equal(!sent.ok && sent.failure.kind === 'http' && sent.failure.status, 404);
      assert.equal(fake.requestsTo('event').length, 1);
      assert.equal(fake.requestsTo('event')[0]?.path, '/api/v4/organizations/no.such-org/change_events');
    } finally {
      last9.dispose();
    }
  });

  test('a try that gets no answer is abandoned and retried while the budget lasts', async () => {
    const last9 = client({ timeoutMs: 5_000, attemptTimeoutMs: 300 });
    try {
      fake.faults.push({ on: 'token', times: 1, respond: 'hang' });
      const started = performance.now();
      const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
      assert.equal(token.ok, true);
      assert.equal(token.attempts, 2);
      assert.equal(fake.requestsTo('token').length, 2);
      assert.ok(performance.now() - started >= 300);
    } finally {
      last9.dispose();
    }
  });

  test('tries that time out every time end with the last one, within the budget', async () => {
    const last9 = client({ timeoutMs: 5_000, attemptTimeoutMs: 200, maxRetries: 2 });
    try {
      fake.faults.push({ on: 'token', respond: 'hang' });
      const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
      assert.deepEqual(!token.ok && token.failure, { kind: 'network', message: 'no answer within 0.2 s' });
      assert.equal(fake.requestsTo('token').length, 3);
    } finally {
      last9.dispose();
    }
  });

  test('retries a reset connection', async () => {
    const last9 = client();
    try {
      fake.faults.push({ on: 'token', times: 1, respond: 'reset' });
      const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
      assert.equal(token.ok, true);
      assert.equal(fake.requestsTo('token').length, 2);
    } finally {
      last9.dispose();
    }
  });

  test('an answer past 1 MiB is refused at once, not retried, whatever its status', async () => {
    const last9 = client();
    try {
      fake.faults.push({ on: 'token', respond: { status: 200, body: `{"access_token": "${'x'.repeat(50 * 1024 * 1024)}"}` } });
      const started = performance.now();
      const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
      assert.deepEqual(token, { ok: false, failure: { kind: 'bad-answer', detail: "Last9's answer was larger than 1 MiB" }, attempts: 1 });
      assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
    } finally {
      last9.dispose();
    }
  });

  test('keeps secrets and long bodies out of failure descriptions', async () => {
    const last9 = client({ maxRetries: 0 });
    try {
      const echo = `{"error":"bad token ${DEFAULT_REFRESH_TOKEN}","detail":"${'x'.repeat(2_000)}"}`;
      fake.faults.push({ on: 'token', respond: { status: 401, body: echo } });
      const token = await last9.exchangeToken(DEFAULT_REFRESH_TOKEN);
      assert.ok(!token.ok && token.failure.kind === 'http');
      const body = !token.ok && token.failure.kind === 'http' ? token.failure.body : '';
      assert.ok(!body.includes(DEFAULT_REFRESH_TOKEN), 'the refresh token leaked into the failure');
      assert.ok(body.includes('bad token ***'));
      assert.ok(body.length <= MAX_BODY_IN_MESSAGE + 1, `body of ${body.length} characters`);
    } finally {
      last9.dispose();
    }
  });
});
