import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAccessToken, type CallFailure } from '../src/last9-client.js';
import { describeFailure, describeInputProblem, type FailureContext } from '../src/messages.js';
import { redact } from '../src/redact.js';

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

describe('describeInputProblem', () => {
  test('names the input and carries the problem', () => {
    const message = describeInputProblem({ input: 'org_slug', message: 'is required but was empty' });
    assert.ok(message.includes('"org_slug"'), message);
    assert.ok(message.includes('is required but was empty'), message);
    assert.match(message, /No marker was sent/);
    assertOneLine(message);
  });

  test('different inputs give different messages', () => {
    const a = describeInputProblem({ input: 'timeout_seconds', message: 'must be a number' });
    const b = describeInputProblem({ input: 'max_retry_attempts', message: 'must be a number' });
    assert.notEqual(a, b);
    assert.match(a, /timeout_seconds/);
    assert.match(b, /max_retry_attempts/);
  });
});

describe('redact', () => {
  test('replaces every occurrence of every secret', () => {
    const text = 'refresh=rt-abcdef123 access=at-xyz789 again rt-abcdef123';
    const result = redact(text, ['rt-abcdef123', 'at-xyz789']);
    assert.equal(result, 'refresh=*** access=*** again ***');
  });

  test('secrets are matched literally, not as patterns', () => {
    assert.equal(redact('token a.b*c+d? and axbbbcd', ['a.b*c+d?']), 'token *** and axbbbcd');
    assert.equal(redact('x$&yz', ['$&yz']), 'x***');
  });

  test('very short values (under 4 characters) are not treated as secrets, so text stays readable', () => {
    assert.equal(redact('a 1 in the text', ['a', '1', 'in']), 'a 1 in the text');
    assert.equal(redact('key abcd here', ['abcd']), 'key *** here');
  });

  test('no secrets, or empty secrets, leave the text unchanged', () => {
    assert.equal(redact('nothing to hide', []), 'nothing to hide');
    assert.equal(redact('nothing to hide', ['']), 'nothing to hide');
  });

  test('a secret inside JSON from Last9 is blanked', () => {
    const body = '{"error":"token l9-REFRESH-0123456789 revoked"}';
    const result = redact(body, ['l9-REFRESH-0123456789']);
    assert.ok(!result.includes('l9-REFRESH-0123456789'));
    assert.equal(result, '{"error":"token *** revoked"}');
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

test('redact blanks a secret whole even when a shorter secret is part of it', () => {
  assert.equal(redact('token l9at-abcdef-0123 end', ['abcdef', 'l9at-abcdef-0123']), 'token *** end');
});
