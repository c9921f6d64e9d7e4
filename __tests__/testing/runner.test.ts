// The runner emulator reads the file commands and workflow commands a step writes as GitHub's
// runner does, on every OS: @actions/core ends lines with os.EOL, CRLF on Windows.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAnnotations, parseFileCommands, parseMasks } from '../../testing/runner.js';

describe('parseFileCommands', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF (Windows)', '\r\n']] as const) {
    test(`reads name=value lines and heredocs ending in ${name}`, () => {
      const text = ['deployment_id=abc', 'started_at<<ghadelimiter_1', 'line one', 'line two', 'ghadelimiter_1', 'delivered=true', ''].join(eol);
      assert.deepEqual(parseFileCommands(text), { deployment_id: 'abc', started_at: 'line one\nline two', delivered: 'true' });
    });
  }

  test('an unterminated heredoc is an error, not a silent truncation', () => {
    assert.throws(() => parseFileCommands('window<<EOF\r\n{}\r\n'), /unterminated window<<EOF/);
  });
});

describe('workflow commands on stdout', () => {
  test('annotations and masks are read from CRLF lines, without the CR', () => {
    const stdout = '::add-mask::s3cret\r\n::warning::Last9: careful\r\nplain line\r\n::error title=x::Input "env" is required%0Aagain\r\n';
    assert.deepEqual(parseMasks(stdout), ['s3cret']);
    assert.deepEqual(parseAnnotations(stdout), [
      { level: 'warning', message: 'Last9: careful' },
      { level: 'error', message: 'Input "env" is required\nagain' },
    ]);
  });
});
