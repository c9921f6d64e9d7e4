import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallFailure } from '../../src/last9/client.js';
import { describeFailure, type FailureContext } from '../../src/last9/failures.js';

function context(overrides: Partial<FailureContext> = {}): FailureContext {
  return { call: 'start', event: 'start', attempts: 1, orgSlug: 'acme-prod', apiBaseUrl: 'https://app.last9.io', ...overrides };
}

function assertOneLine(message: string): void {
  assert.ok(!message.includes('\n'), `more than one line: ${JSON.stringify(message)}`);
  assert.ok(!message.includes('\r'), `carriage return in: ${JSON.stringify(message)}`);
}

describe('describeFailure', () => {
  for (const status of [400, 401, 403]) {
    test(`${status} on the token exchange points at refresh_token`, () => {
      const failure: CallFailure = { kind: 'http', status, body: '{"error":"invalid refresh token"}' };
      const message = describeFailure(failure, context({ call: 'token' }));
      assert.match(message, /refresh_token/);
      assert.ok(message.includes(String(status)), 'says what Last9 answered');
      assert.ok(message.includes('invalid refresh token'), 'quotes what Last9 said');
      assert.match(message, /The start event was not sent; the deploy itself is unaffected\./);
      assertOneLine(message);
    });
  }

  for (const call of ['start', 'stop'] as const) {
    test(`404 on the ${call} event names org_slug and its value`, () => {
      const message = describeFailure({ kind: 'http', status: 404, body: '' }, context({ call, orgSlug: 'acme-prod' }));
      assert.match(message, /org_slug/);
      assert.ok(message.includes('"acme-prod"'), message);
      assert.match(message, new RegExp(`${call} event`));
      assertOneLine(message);
    });
  }

  test('404 on the token exchange points at api_base_url (the org is not in that URL)', () => {
    const message = describeFailure({ kind: 'http', status: 404, body: '' }, context({ call: 'token', apiBaseUrl: 'https://wrong.example' }));
    assert.match(message, /api_base_url/);
    assert.ok(message.includes('https://wrong.example'));
    assert.doesNotMatch(message, /org_slug/);
  });

  test('a timeout names timeout_seconds and the budget', () => {
    const message = describeFailure({ kind: 'timeout', budgetMs: 30_000 }, context({ attempts: 2 }));
    assert.match(message, /timeout_seconds/);
    assert.match(message, /30 s/);
    assert.match(message, /2 tries/);
    assertOneLine(message);
  });

  test('a network failure names api_base_url, its value and the proxy variables', () => {
    const message = describeFailure({ kind: 'network', message: 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443' }, context({ apiBaseUrl: 'https://last9.internal', attempts: 4 }));
    assert.match(message, /api_base_url/);
    assert.ok(message.includes('https://last9.internal'));
    assert.match(message, /HTTPS_PROXY/);
    assert.match(message, /NO_PROXY/);
    assert.match(message, /ECONNREFUSED/);
    assert.match(message, /4 tries/);
    assertOneLine(message);
  });

  test('one try is said in the singular', () => {
    assert.match(describeFailure({ kind: 'http', status: 500, body: '' }, context({ attempts: 1 })), /after 1 try\)/);
  });

  test('429 and 5xx say Last9 was unavailable and name the inputs that give it more time', () => {
    for (const status of [429, 503]) {
      const message = describeFailure({ kind: 'http', status, body: '' }, context({ attempts: 4 }));
      assert.match(message, /timeout_seconds/);
      assert.match(message, /max_retry_attempts/);
      assertOneLine(message);
    }
  });

  test('the consequence names the event the step was sending, and that the deploy is unaffected', () => {
    assert.match(describeFailure({ kind: 'http', status: 500, body: '' }, context({ call: 'stop', event: 'stop' })), /The stop event is missing on Last9; the deploy itself is unaffected\.$/);
    assert.match(describeFailure({ kind: 'http', status: 500, body: '' }, context({ call: 'token', event: 'stop' })), /The stop event was not sent; the deploy itself is unaffected\.$/);
  });

  test('a bad answer names api_base_url', () => {
    const message = describeFailure({ kind: 'bad-answer', detail: 'the token exchange answer has no access_token' }, context({ call: 'token' }));
    assert.match(message, /api_base_url/);
    assert.match(message, /no access_token/);
    assertOneLine(message);
  });

  test('every kind of failure on every call gives one line', () => {
    const failures: CallFailure[] = [
      { kind: 'http', status: 400, body: '{"error":"bad"}' },
      { kind: 'http', status: 401, body: '' },
      { kind: 'http', status: 403, body: 'forbidden' },
      { kind: 'http', status: 404, body: 'not found' },
      { kind: 'http', status: 422, body: '{"errors":["attributes"]}' },
      { kind: 'http', status: 429, body: '' },
      { kind: 'http', status: 502, body: '<html> bad gateway </html>' },
      { kind: 'http', status: 418, body: '' },
      { kind: 'network', message: 'getaddrinfo ENOTFOUND app.last9.io' },
      { kind: 'timeout', budgetMs: 1500 },
      { kind: 'bad-answer', detail: 'the token exchange answered with something that is not JSON' },
    ];
    for (const failure of failures) {
      for (const call of ['token', 'start', 'stop'] as const) {
        const message = describeFailure(failure, context({ call, attempts: 3 }));
        assertOneLine(message);
        assert.ok(message.startsWith('Last9: could not'), message);
      }
    }
  });
});
