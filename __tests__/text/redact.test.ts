// Secrets never reach a message, and never become a label.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redact, secretsInEnvironment, withoutSecretValues } from '../../src/text/redact.js';

/** Its base64 has both "+" and "/", so that the standard and URL-safe forms differ. */
const SECRET = 'l9rt/s3cr3t?>>~t0ken="x"';

describe('redact', () => {
  test('blanks a secret as it is, JSON-escaped (with / escaped or not), base64, base64url and percent-encoded', () => {
    const base64 = Buffer.from(SECRET).toString('base64');
    assert.ok(base64.includes('+') && base64.includes('/'), base64);
    const echoes = [
      SECRET,
      JSON.stringify(SECRET).slice(1, -1),
      JSON.stringify(SECRET).slice(1, -1).replaceAll('/', '\\/'),
      base64,
      base64.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'),
      encodeURIComponent(SECRET),
    ];
    for (const echo of echoes) {
      assert.equal(redact(`invalid token <${echo}>`, [SECRET]), 'invalid token <***>', echo);
    }
  });

  test('blanks a longer secret whole even when a shorter one is part of it', () => {
    assert.equal(redact('token=abcdef123456', ['abcd', 'abcdef123456']), 'token=***');
  });

  test('a secret of fewer than 4 characters is not blanked (it would blank that text everywhere)', () => {
    assert.equal(redact('a cat sat', ['a', 'at']), 'a cat sat');
    assert.equal(redact('key abcd here', ['abcd']), 'key *** here');
  });

  test('replaces every occurrence of every secret, matched literally, not as patterns', () => {
    assert.equal(redact('refresh=rt-abcdef123 access=at-xyz789 again rt-abcdef123', ['rt-abcdef123', 'at-xyz789']), 'refresh=*** access=*** again ***');
    assert.equal(redact('token a.b*c+d? and axbbbcd', ['a.b*c+d?']), 'token *** and axbbbcd');
    assert.equal(redact('x$&yz', ['$&yz']), 'x***');
  });

  test('no secrets, or empty secrets, leave the text unchanged', () => {
    assert.equal(redact('nothing to hide', []), 'nothing to hide');
    assert.equal(redact('nothing to hide', ['']), 'nothing to hide');
  });
});

describe('withoutSecretValues', () => {
  test('drops every attribute whose value holds a secret, and names them', () => {
    const { attributes, dropped } = withoutSecretValues({ team: 'payments', env_token: SECRET, note: `Bearer ${SECRET}` }, [SECRET]);
    assert.deepEqual(attributes, { team: 'payments' });
    assert.deepEqual(dropped, ['env_token', 'note']);
  });

  test('keeps everything when no value holds a secret; ignores secrets too short to mean anything', () => {
    const attributes = { team: 'payments', sha: 'abc' };
    assert.deepEqual(withoutSecretValues(attributes, ['', 'a', 'zzzzzzzz']), { attributes, dropped: [] });
  });
});

test('secretsInEnvironment: the runner tokens and any token input, not other variables', () => {
  const env = {
    GITHUB_TOKEN: 'ghs_job',
    ACTIONS_RUNTIME_TOKEN: 'runtime',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    INPUT_REFRESH_TOKEN: 'refresh',
    INPUT_GITHUB_TOKEN: 'ghs_input',
    GITHUB_SHA: 'abc',
    INPUT_ENV: 'production',
    ACTIONS_RUNTIME_URL: 'https://runtime.example',
    EMPTY_TOKEN: '',
  };
  assert.deepEqual(secretsInEnvironment(env).sort(), ['ghs_input', 'ghs_job', 'oidc', 'refresh', 'runtime']);
});
