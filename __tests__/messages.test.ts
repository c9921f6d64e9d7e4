import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAccessToken, type CallFailure } from '../src/last9-client.js';
import { describeFailure, describeInputProblem, type Last9Call } from '../src/messages.js';
import { redact } from '../src/redact.js';

function explain(failure: CallFailure, call: Last9Call = 'start', attempts = 1): string {
  return describeFailure(failure, { call, attempts, orgSlug: 'acme', apiBaseUrl: 'https://app.last9.io' });
}

describe('describeFailure', () => {
  test('401 on the token exchange points at refresh_token', () => {
    const message = explain({ kind: 'http', status: 401, body: '{"error":"invalid"}' }, 'token');
    assert.equal(
      message,
      'Last9: could not exchange the refresh token for an access token (HTTP 401: {"error":"invalid"}, after 1 try). Last9 rejected the refresh token: check the refresh_token secret (a Last9 refresh token with write scope that has not been revoked). No marker was sent.',
    );
  });

  test('404 on an event names org_slug and its value', () => {
    assert.match(explain({ kind: 'http', status: 404, body: '' }, 'stop'), /^Last9: could not send the stop event \(HTTP 404, after 1 try\)\. Check that org_slug "acme" is your Last9 organization slug\. The marker is missing/);
  });

  test('a timeout names timeout_seconds; a network error names api_base_url and the proxy variables', () => {
    assert.match(explain({ kind: 'timeout', budgetMs: 30_000 }), /no answer within timeout_seconds \(30 s\)/);
    assert.match(explain({ kind: 'network', message: 'ECONNREFUSED' }, 'start', 4), /network error: ECONNREFUSED, after 4 tries\)\. Check that the runner can reach https:\/\/app\.last9\.io \(api_base_url; on self-hosted runners also HTTPS_PROXY\/NO_PROXY\)/);
  });

  test('5xx and 429 say Last9 is unavailable; 400/422 say the event was refused', () => {
    assert.match(explain({ kind: 'http', status: 503, body: '' }, 'start', 4), /Last9 is unavailable or rate-limiting/);
    assert.match(explain({ kind: 'http', status: 429, body: '' }), /Last9 is unavailable or rate-limiting/);
    assert.match(explain({ kind: 'http', status: 422, body: '' }), /refused the event as malformed/);
  });

  test('every message is one line', () => {
    const failures: CallFailure[] = [
      { kind: 'http', status: 500, body: 'x' },
      { kind: 'network', message: 'y' },
      { kind: 'timeout', budgetMs: 1_000 },
      { kind: 'bad-answer', detail: 'z' },
    ];
    for (const failure of failures) for (const call of ['token', 'start', 'stop'] as const) assert.doesNotMatch(explain(failure, call), /\n/);
  });
});

test('describeInputProblem names the input', () => {
  assert.equal(describeInputProblem({ input: 'env', message: 'is required but was empty' }), 'Input "env" is required but was empty. No marker was sent.');
});

describe('redact', () => {
  test('blanks every occurrence of every secret', () => {
    assert.equal(redact('a SECRET b SECRET c TOKEN1', ['SECRET', 'TOKEN1']), 'a *** b *** c ***');
  });
  test('ignores empty and very short values, which would blank ordinary text', () => {
    assert.equal(redact('a b c', ['', 'a']), 'a b c');
  });
});

describe('parseAccessToken', () => {
  const now = 1_000_000;
  test('expires_at (Unix seconds)', () => assert.deepEqual(parseAccessToken('{"access_token":"t","expires_at":2000}', now), { token: 't', expiresAtMs: 2_000_000 }));
  test('expires_in (seconds from now)', () => assert.deepEqual(parseAccessToken('{"access_token":"t","expires_in":60}', now), { token: 't', expiresAtMs: 1_060_000 }));
  test('neither', () => assert.deepEqual(parseAccessToken('{"access_token":"t"}', now), { token: 't', expiresAtMs: undefined }));
  test('no access_token', () => assert.equal(parseAccessToken('{"token":"t"}', now), 'the token exchange answer has no access_token'));
  test('not JSON; the answer itself is not repeated', () => {
    const answer = parseAccessToken('<html>access_token=abc</html>', now);
    assert.equal(answer, 'the token exchange answered with something that is not JSON');
  });
  test('JSON null', () => assert.equal(parseAccessToken('null', now), 'the token exchange answer has no access_token'));
});
