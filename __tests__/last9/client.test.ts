// The HTTP client against the fake Last9 server on loopback: real sockets, real protocol.

import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { Deadline, Last9Client, MAX_BODY_IN_MESSAGE, parseAccessToken, tokenOrganization } from '../../src/last9/client.js';
import type { ChangeEvent } from '../../src/marker/events.js';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, FakeLast9 } from '../../testing/fake-last9.js';

const fake = await FakeLast9.start();
after(() => fake.stop());

beforeEach(() => fake.reset());

function client(options: { timeoutMs?: number; attemptTimeoutMs?: number; maxRetries?: number } = {}): Last9Client {
  return new Last9Client({
    apiBaseUrl: fake.url,
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
      const sent = await last9.sendEvent(token, DEFAULT_ORG, event);
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
    const last9 = client();
    try {
      const token = await exchange(last9);
      const sent = await last9.sendEvent(token, 'no.such-org', event);
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

describe('parseAccessToken', () => {
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

  test('expires_at in Unix seconds becomes epoch milliseconds', () => {
    const token = parseAccessToken(JSON.stringify({ access_token: 'l9at-token-000001', expires_at: 1763900000, issued_at: 1763813600, type: 'Bearer', scopes: ['write'] }), NOW);
    assert.deepEqual(token, { token: 'l9at-token-000001', expiresAtMs: 1763900000 * 1000 });
  });

  test('expires_in in seconds is counted from now', () => {
    const token = parseAccessToken(JSON.stringify({ access_token: 'l9at-token-000002', expires_in: 86_400 }), NOW);
    assert.deepEqual(token, { token: 'l9at-token-000002', expiresAtMs: NOW + 86_400_000 });
  });

  test('expires_at wins over expires_in', () => {
    const token = parseAccessToken(JSON.stringify({ access_token: 'l9at-token-000003', expires_at: 1763900000, expires_in: 60 }), NOW);
    assert.deepEqual(token, { token: 'l9at-token-000003', expiresAtMs: 1763900000 * 1000 });
  });

  test('neither expiry: the token with no expiry', () => {
    const token = parseAccessToken(JSON.stringify({ access_token: 'l9at-token-000004' }), NOW);
    assert.equal(typeof token, 'object');
    assert.deepEqual(token, { token: 'l9at-token-000004', expiresAtMs: undefined });
  });

  test('a non-numeric expiry is ignored, not turned into NaN', () => {
    const token = parseAccessToken(JSON.stringify({ access_token: 'l9at-token-000005', expires_at: 'tomorrow' }), NOW);
    assert.ok(typeof token === 'object');
    assert.equal(token.expiresAtMs, undefined);
  });

  for (const body of ['{}', '{"access_token": ""}', '{"access_token": 12345}', '{"token": "at-6"}', 'null', '[]', '"at-7"']) {
    test(`no usable access_token in ${body}: a description, not a token`, () => {
      const result = parseAccessToken(body, NOW);
      assert.equal(typeof result, 'string');
      assert.match(result as string, /access_token/);
    });
  }

  test('an access_token too short to mask safely is refused, and not repeated', () => {
    for (const short of ['a', 'e', 'l9at-token-0000']) {
      const result = parseAccessToken(JSON.stringify({ access_token: short, expires_in: 60 }), NOW);
      assert.equal(result, `the token exchange answered with an access_token of ${short.length} characters, too short to be one; it was not used`);
    }
    assert.equal(typeof parseAccessToken(JSON.stringify({ access_token: 'l9at-token-00000' }), NOW), 'object', '16 characters are enough');
  });

  test('an access_token far longer than Last9 issues is refused: it could not be handed to the post step', () => {
    assert.equal(
      parseAccessToken(JSON.stringify({ access_token: 'x'.repeat(140_000) }), NOW),
      'the token exchange answered with an access_token of 140000 characters, far longer than one Last9 issues; it was not used',
    );
    assert.equal(typeof parseAccessToken(JSON.stringify({ access_token: 'x'.repeat(8 * 1024) }), NOW), 'object', '8 KiB is still taken');
  });

  for (const body of ['', '<html>502 Bad Gateway</html>', '{"access_token": "at-8"', 'OK']) {
    test(`not JSON (${JSON.stringify(body)}): a description saying so`, () => {
      const result = parseAccessToken(body, NOW);
      assert.equal(typeof result, 'string');
      assert.match(result as string, /not JSON/);
    });
  }

  test('the description never includes the body (it could hold a token)', () => {
    const result = parseAccessToken('{"acces_token": "at-secret-typo-field"}', NOW);
    assert.equal(typeof result, 'string');
    assert.ok(!(result as string).includes('at-secret-typo-field'));
    const notJson = parseAccessToken('at-secret-plain-text', NOW);
    assert.ok(!(notJson as string).includes('at-secret-plain-text'));
  });
});

describe('tokenOrganization', () => {
  const jwt = (claims: unknown, signature = 'c2lnbmF0dXJl') => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

  test("the organization_slug claim of a Last9 access token (a JWT), as Last9's MCP server reads it", () => {
    assert.equal(tokenOrganization(jwt({ organization_slug: 'acme-corp', exp: 1 })), 'acme-corp');
  });

  test('a token that does not say, or says something that is not a slug, is opaque: no organization', () => {
    for (const token of ['l9at-0123456789abcdef', jwt({ org: 'acme' }), jwt({ organization_slug: '../admin' }), jwt({ organization_slug: 7 }), jwt(['acme']), 'a.%%%.c', `${jwt({ organization_slug: 'acme' })}.extra`, jwt({ organization_slug: 'a..b' })]) {
      assert.equal(tokenOrganization(token), undefined, token);
    }
  });
});
